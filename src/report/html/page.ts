import { createHash } from 'node:crypto';
import { TEKSER_VERSION } from '../../version.ts';
import { currentLang, hasMessage, t as say, type Lang } from '../../i18n/index.ts';
import glossary from '../../i18n/glossary.json' with { type: 'json' };
import type { MessageParam } from '../../model/message.ts';
import type { TargetResultJson } from '../../model/run.ts';
import { resultLabel, type CellStatus, type ReportRun } from '../timeline.ts';
import { html, raw, type SafeHtml } from './safe.ts';

// The pieces both pages share: options, the shell (CSP, inline CSS), the header lines, the words for values.

export interface HtmlOptions {
  /** Show page bodies kept in the run (only present when the run was made with --include-bodies). */
  includeBodies?: boolean;
  /** The reader's language (default: the one the CLI chose); the page stores nothing else about the reader. */
  lang?: Lang;
  /** When the page was made (default now): shown in UTC. */
  now?: Date;
}

/** The page's words in one language: `t('summary.heading')` is the catalogue's `html.summary.heading`. */
export interface T {
  (key: string, params?: Record<string, MessageParam>): string;
  readonly lang: Lang;
}

/** The words of the report pages (keys under `html.` in src/i18n/<lang>.json) in a language. */
export function translator(lang: Lang = currentLang()): T {
  return Object.assign((key: string, params?: Record<string, MessageParam>) => say(lang, `html.${key}`, params), { lang });
}

/** "2026-11-23 09:00:01" from an ISO time (UTC). */
export const utc = (iso: string): string => iso.replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1');
export const hhmm = (iso: string): string => iso.slice(11, 16);

export const SYMBOL: Record<CellStatus, string> = {
  accessible: '✓',
  blocked: '✕',
  'partially blocked': '◐',
  down: '↓',
  inconclusive: '?',
  'refused by site': '⊘',
  'control-ok': '✓',
  'control-failed': '!',
};
/** Verdicts, the most serious first (a site's own refusal after inconclusive, as the table puts it). */
export const VERDICTS = ['blocked', 'partially blocked', 'inconclusive', 'refused by site', 'down', 'accessible'] as const;
/** The CSS class of a status: `v-partially-blocked`. */
export const cls = (s: string): string => `v-${s.replace(/\s+/g, '-')}`;

/** A word by a value (method, finding kind…), the value itself when the catalogue has none. */
export function word(t: T, prefix: 'method' | 'finding' | 'sni' | 'explain' | 'cell' | 'serviceKind' | 'endpoint' | 'matchedBy', value: string): string {
  const key = `${prefix}.${value}`;
  return hasMessage(`html.${key}`) ? t(key) : value;
}

/** A method with what it means: "dns: tampered DNS answers". */
export const methodWord = (t: T, method: string): string => word(t, 'method', method);

/** How a target is named on the page: its URL, or the service's name and its kind in the reader's language. */
export const labelOf = (t: T, r: TargetResultJson): string =>
  r.target.kind === 'service' ? `${r.target.name} (${word(t, 'serviceKind', r.target.serviceKind)})` : resultLabel(r);

/** A verdict's status in the reader's language (the shared `status.*` words, the glossary's). */
export const statusWord = (t: T, status: string): string => (hasMessage(`status.${status}`) ? say(t.lang, `status.${status}`) : status);

/**
 * A blocking method named short: the JSON's value in English (as the page always wrote it: "dns",
 * "tcp_ip"), the shared `method.*` word in another language.
 */
export const methodName = (t: T, method: string): string => (t.lang === 'en' || !hasMessage(`method.${method}`) ? method : say(t.lang, `method.${method}`));

export function runStatusWord(t: T, status: string): string {
  const key = `header.runStatus.${status}`;
  return hasMessage(`html.${key}`) ? t(key) : status;
}

type Term = keyof typeof glossary.terms;
/** A glossary term in the reader's language and its one-line meaning (the glossary's own in English, the catalogue's otherwise). */
export function term(t: T, name: Term): { word: string; means: string } {
  return { word: glossary.terms[name][t.lang], means: t(`glossary.${name}`) };
}
export const GLOSSARY_TERMS = Object.keys(glossary.terms) as Term[];

/** The page's only style, one trusted constant (its hash is in the CSP). */
const CSS = [
  ':root{--ok:#1a7f37;--okb:#dafbe1;--bl:#b42318;--blb:#fee4e2;--pa:#b54708;--pab:#fef0c7;' +
    '--dn:#475467;--dnb:#eaecf0;--in:#5925dc;--inb:#ebe9fe;--rf:#175cd3;--rfb:#d1e9ff;--line:#d0d5dd}',
  '*{box-sizing:border-box}',
  'body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;' +
    'color:#101828;background:#fff;overflow-wrap:break-word}',
  'main{max-width:72rem;margin:0 auto;padding:1rem}main.wide{max-width:120rem}',
  'h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}',
  'code,.fp,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}',
  '.meta{color:#475467;margin:.2rem 0}',
  '.privacy{border:2px solid #344054;border-radius:.4rem;padding:.5rem .8rem;background:#f9fafb}',
  '.privacy h2{border:0;margin:.2rem 0;font-size:1rem}',
  '.finding{border-left:.4rem solid var(--bl);background:var(--blb);padding:.5rem .8rem;' +
    'margin:.6rem 0;border-radius:.3rem;break-inside:avoid}',
  '.finding.f-throttling,.finding.f-suspected-mitm,.finding.f-helper-unavailable{border-color:var(--pa);background:var(--pab)}',
  '.finding.f-ways-out{border-color:var(--ok);background:var(--okb)}.finding.f-site-refusal{border-color:var(--rf);background:var(--rfb)}',
  '.finding h3{font-size:1rem;margin:.1rem 0}.kind{text-transform:uppercase;font-size:.75rem;letter-spacing:.05em;font-weight:700}',
  'ul{margin:.3rem 0;padding-left:1.2rem}ul.plain{list-style:none;padding:0;margin:0}',
  '.badge{display:inline-block;min-width:8.5rem;padding:0 .4rem;border-radius:.3rem;font-weight:700;white-space:nowrap}',
  '.v-accessible,.v-control-ok{background:var(--okb);color:var(--ok)}.v-blocked,.v-control-failed{background:var(--blb);color:var(--bl)}',
  '.v-partially-blocked{background:var(--pab);color:var(--pa)}.v-down{background:var(--dnb);color:var(--dn)}' +
    '.v-inconclusive{background:var(--inb);color:var(--in)}.v-refused-by-site{background:var(--rfb);color:var(--rf)}',
  'details.target{border:1px solid var(--line);border-radius:.3rem;margin:.3rem 0;break-inside:avoid}',
  'details.target>summary{cursor:pointer;padding:.4rem .5rem;display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}',
  'details.target>div{padding:.2rem .8rem .8rem}',
  '.label{font-weight:600;min-width:0}.method{color:#475467}.reason{flex-basis:100%;min-width:0;color:#344054}',
  'details.group{border:1px solid var(--line);border-radius:.3rem;margin:.3rem 0}details.group>div{padding:0 .5rem .3rem}',
  'details.group>summary{cursor:pointer;padding:.4rem .5rem;display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}',
  'table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:.2rem .4rem;vertical-align:top;text-align:left}',
  'table.cmp{width:100%;font-size:.9rem}',
  '.scroll{overflow-x:auto;max-width:100%}',
  'table.tl th.row{position:sticky;left:0;z-index:1;background:#fff;min-width:11rem;' +
    'max-width:22rem;font-weight:500;text-align:left}',
  'table.tl td{text-align:center;min-width:1.8rem;font-weight:700;padding:.15rem}',
  'table.tl td.chg{outline:3px solid #101828;outline-offset:-3px}',
  'table.tl td.none{color:#98a2b3;font-weight:400}',
  'table.tl thead th{font-size:.7rem;text-align:center;white-space:nowrap;padding:.15rem .1rem}',
  'table.tl td.band{background:#101828;color:#fff;font-size:.8rem;text-align:center;overflow:hidden}',
  'table.tl td.noband{border:0}',
  '.mark{display:inline-block;white-space:nowrap;font-size:.7rem;font-weight:700;color:#101828;' +
    'border:1px solid #101828;border-radius:.2rem;padding:0 .2rem;margin-left:.3rem}',
  '.mark.canary{color:#475467;border-color:#98a2b3;font-weight:400}',
  '.legend span{display:inline-block;margin:.1rem .6rem .1rem 0}.legend b{display:inline-block;' +
    'min-width:1.6rem;text-align:center;border-radius:.2rem}',
  '.terms{display:grid;grid-template-columns:minmax(0,14rem) minmax(0,1fr);gap:.2rem .8rem;margin:.3rem 0}' +
    '.terms dt{font-weight:600;min-width:0}.terms dd{margin:0;min-width:0}.terms b{display:inline-block;min-width:1.6rem;text-align:center;border-radius:.2rem}',
  '.chain li{margin:.2rem 0}.fp{color:#475467}.fpp{display:inline-block}',
  'pre{white-space:pre-wrap;background:#f2f4f7;padding:.5rem;max-height:20rem;overflow:auto}',
  'footer{color:#667085;font-size:.8rem;margin-top:2rem}',
  '@media (max-width:40rem){body{font-size:15px}main{padding:.5rem}.badge{min-width:0;white-space:normal}' +
    '.terms{grid-template-columns:minmax(0,1fr)}.terms dd{margin:0 0 .4rem 1rem}table.tl th.row{min-width:8rem;max-width:11rem}' +
    // On a phone a step table is a list: each step, then each side under its own name (no column is cut off).
    '.steps table,.steps tbody,.steps tr,.steps th,.steps td{display:block;width:auto}.steps thead{display:none}' +
    '.steps tr{border-top:1px solid var(--line);padding:.2rem 0}.steps th,.steps td{border:0;padding:.1rem 0}' +
    '.steps td::before{content:attr(data-side);display:block;font-size:.75rem;font-weight:700;color:#475467}}',
  '@media print{details::details-content{content-visibility:visible;display:block}' +
    'body{font-size:10pt}main{max-width:none;padding:0}.scroll{overflow:visible}' +
    'h2{break-after:avoid}.terms{break-inside:auto}' +
    // On paper the timeline cannot scroll: a day of hourly runs fits the page's width.
    'table.tl{font-size:7pt}table.tl td{min-width:0;padding:0}table.tl thead th{font-size:5pt;padding:0}' +
    'table.tl th.row{position:static;min-width:0;max-width:6rem}.mark{margin-left:.1rem}table.runs{font-size:8pt}table.runs td,table.runs th{padding:.1rem .2rem}table.cmp{font-size:8pt}table.cmp td,table.cmp th{padding:.1rem .2rem}.terms dt{break-after:avoid}details.target{border:0;border-bottom:1px solid var(--line)}' +
    '*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}',
].join('\n');

/** The page shell: a CSP that allows only this inline style (by hash): no script, no fetch of any kind. */
export function page(title: string, body: SafeHtml, t: T, wide = false): string {
  const styleHash = createHash('sha256').update(CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${raw(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="tekser ${TEKSER_VERSION}">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<main${wide ? raw(' class="wide"') : ''}>
${body}
</main>
</body>
</html>
`.toString();
}

/** A status in a legend: its symbol in its colour and its word, the glossary's meaning as the tooltip. */
export function legendItem(t: T, status: (typeof VERDICTS)[number], suffix = ''): SafeHtml {
  const { word: w, means } = term(t, status);
  return html`<span title="${means}"><b class="${cls(status)}">${SYMBOL[status]}</b> ${w}${suffix}</span>`;
}

/** What the words mean: the statuses with their symbols, then the other glossary terms, each with its one-line meaning. */
export function termsHtml(t: T): SafeHtml {
  const statuses = new Set<string>(VERDICTS);
  const item = (name: (typeof GLOSSARY_TERMS)[number]): SafeHtml => {
    const { word: w, means } = term(t, name);
    const symbol = statuses.has(name) ? html`<b class="${cls(name)}">${SYMBOL[name as CellStatus]}</b> ` : '';
    return html`<dt>${symbol}${w}</dt><dd>${means}</dd>`;
  };
  const ordered = [...VERDICTS, ...GLOSSARY_TERMS.filter((x) => !statuses.has(x))] as Array<(typeof GLOSSARY_TERMS)[number]>;
  return html`<section id="words"><h2>${t('glossary.heading')}</h2><dl class="terms">${ordered.map(item)}</dl></section>`;
}

export function privacy(t: T, includeBodies: boolean): SafeHtml {
  const bodies = includeBodies ? t('privacy.withBodies') : t('privacy.notBodies');
  return html`<section class="privacy" id="privacy"><h2>${t('privacy.heading')}</h2><p>${t('privacy.contains')}</p><p>${bodies}</p></section>`;
}

export function networkLine(t: T, run: ReportRun): string {
  const n = run.record.network;
  return n.asn || n.country ? t('header.network', { asn: n.asn ?? '', country: n.country ?? '' }) : t('header.networkUnknown');
}

/** "Made by tekser … on …": the version and when the page was made. */
export function generatedLine(t: T, now: Date | undefined): SafeHtml {
  return html`<p class="meta">${t('header.generated', { version: TEKSER_VERSION, date: utc((now ?? new Date()).toISOString()) })}</p>`;
}
