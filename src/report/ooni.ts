// The OONI export lives in report/ooni/ (base keys, event formats, web_connectivity, messengers).
export * from './ooni/index.ts';
