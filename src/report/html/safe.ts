import { stripUrlCredentials } from '../timeline.ts';

/**
 * HTML that is safe to put in a page as it is: made only by the `html` template (which escapes what
 * it is given) or by `raw` (trusted constants). The class is the brand: a string never passes for it.
 */
export class SafeHtml {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

/** What a template may interpolate: safe HTML (and lists of it) as it is; text and numbers escaped. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML (element content or a quoted attribute), without the credentials of any URL in it. */
export function escapeHtml(text: string | number): string {
  return stripUrlCredentials(String(text)).replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

function fill(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(fill).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value as string | number);
}

/** A tagged template: every `${value}` is escaped unless it is already safe HTML (or a list of it). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += fill(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** A trusted constant (the inline CSS, the CSP): put in the page unescaped. Never for a value from a run. */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

/** Safe fragments joined by a separator (the separator is escaped like any text). */
export function join(parts: readonly SafeHtml[], separator: string): SafeHtml {
  return new SafeHtml(parts.map(String).join(escapeHtml(separator)));
}

/** A run of text with no break opportunity longer than this cannot fit a phone's line (390 px). */
const LONGEST_RUN = 40;

/**
 * Text that may wrap only at safe points: where a browser breaks anyway (spaces, after - ? : , ;) and,
 * inside a run too long for a phone's line (a long URL or failure string), after / . _ & = as well,
 * by <wbr> (which copying ignores). Never in the middle of a word: `connection_refused`, `360tv.ru`.
 */
export function breakable(text: string | number | null | undefined): SafeHtml {
  if (text === null || text === undefined) return new SafeHtml('');
  const clean = stripUrlCredentials(String(text));
  const runs = clean.split(/(?<=[\s\-?:,;])/);
  const pieces = (run: string): string => run.split(/(?<=[/._&=])(?=[^/._&=])/).map(escapeHtml).join('<wbr>');
  return new SafeHtml(runs.map((run) => (run.length > LONGEST_RUN ? pieces(run) : escapeHtml(run))).join(''));
}
