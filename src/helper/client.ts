import { request, type Dispatcher } from 'undici';
import { classifyError } from '../net/failure.ts';
import { FAILURES } from '../model/failure.ts';
import { BROWSER_HEADERS } from '../net/http.ts';
import { helperResponseSchema, type HelperResponse } from '../model/control.ts';

export interface HelperCallResult {
  url: string;
  response: HelperResponse | null;
  failure: string | null;
}

/** Asks the control helper to measure the URL from outside; failures are values, never thrown. */
export async function queryHelper(
  helperUrl: string,
  targetUrl: string,
  endpoints: readonly string[],
  opts: { timeoutMs: number; dispatcher?: Dispatcher },
): Promise<HelperCallResult> {
  try {
    const res = await request(helperUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ooniprobe-tekser/0' },
      body: JSON.stringify({
        http_request: targetUrl,
        http_request_headers: Object.fromEntries(Object.entries(BROWSER_HEADERS).map(([k, v]) => [k, [v]])),
        tcp_connect: endpoints,
      }),
      signal: AbortSignal.timeout(opts.timeoutMs),
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) return { url: helperUrl, response: null, failure: `http_unexpected_status_code` };
    const parsed = helperResponseSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { url: helperUrl, response: null, failure: FAILURES.jsonParse };
    return { url: helperUrl, response: parsed.data, failure: null };
  } catch (err) {
    return { url: helperUrl, response: null, failure: err instanceof SyntaxError ? FAILURES.jsonParse : classifyError(err) };
  }
}
