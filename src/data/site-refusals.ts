import file from './site-refusals.json' with { type: 'json' };

/**
 * Pages with which a site (or its CDN) refuses visitors itself: tekser's own table in
 * src/data/site-refusals.json, imported as a JSON module (its hash is in SOURCES.json).
 */
export const REFUSAL_KINDS = ['geo-blocking', 'bot-challenge', 'login-wall'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export interface RefusalRow {
  id: string;
  kind: RefusalKind;
  status?: number;
  header?: string;
  title?: string;
  body?: string;
  source: string;
}

const ROWS = file.refusals as RefusalRow[];

/** What a response shows of itself: status, headers (lower-case names), title and body. */
export interface RefusalPage {
  status: number | null;
  headers: Record<string, string>;
  title: string | null;
  body: string;
}

function headerMatches(spec: string, headers: Record<string, string>): boolean {
  const at = spec.indexOf(':');
  const name = spec.slice(0, at).trim().toLowerCase();
  const value = spec.slice(at + 1).trim().toLowerCase();
  return (headers[name] ?? '').toLowerCase().includes(value);
}

/** The first row every field of which matches the page, or null. */
export function matchRefusal(page: RefusalPage): RefusalRow | null {
  const title = (page.title ?? '').toLowerCase();
  const body = page.body.toLowerCase();
  return (
    ROWS.find(
      (r) =>
        (r.status === undefined || r.status === page.status) &&
        (r.header === undefined || headerMatches(r.header, page.headers)) &&
        (r.title === undefined || title.includes(r.title)) &&
        (r.body === undefined || body.includes(r.body)),
    ) ?? null
  );
}
