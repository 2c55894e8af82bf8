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
