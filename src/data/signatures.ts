import { parse } from 'csv-parse/sync';
import { readDataFile } from './files.ts';

/**
 * Block-page and DNS signature tables, read from the data files as their upstreams publish them
 * (see SOURCES.json and update.mjs), each once and only when first needed: start-up pays nothing.
 */

/** Censored Planet: a PCRE matched against the raw response (status line, headers, body). */
export interface Signature {
  fingerprint: string;
  pattern: string;
}

export interface CitizenLabHttpSignature {
  name: string;
  pattern: string;
  location: 'body' | 'header';
  scope: string;
  countries: string[];
}

export interface CitizenLabDnsSignature {
  name: string;
  response: string;
  scope: string;
  countries: string[];
}

const CP = 'upstream/censoredplanet-assets/';
const CL = 'upstream/citizenlab-filtering-annotations/';

/** Censored Planet's JSON Lines: one {"fingerprint", "pattern"} object a line, blank lines allowed. */
function jsonLines(path: string): Signature[] {
  const out: Signature[] = [];
  for (const line of readDataFile(path).split('\n')) {
    if (line.trim() === '') continue;
    const o = JSON.parse(line) as Partial<Signature>;
    if (typeof o.fingerprint !== 'string' || typeof o.pattern !== 'string') throw new Error(`${path}: a line lacks fingerprint or pattern`);
    out.push({ fingerprint: o.fingerprint, pattern: o.pattern });
  }
  return out;
}

/** Citizen Lab writes expected_countries as a Python list literal: "['RU', 'BY']", "[]" or "['']". */
function countries(s: string | undefined): string[] {
  return [...(s ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '').filter((c) => c !== '');
}

function csvRows(path: string): Record<string, string>[] {
  return parse(readDataFile(path), { columns: true, bom: true }) as Record<string, string>[];
}

let cp: { blockpages: Signature[]; falsePositives: Signature[] } | null = null;
export function censoredPlanetSignatures(): { blockpages: readonly Signature[]; falsePositives: readonly Signature[] } {
  cp ??= { blockpages: jsonLines(`${CP}blockpage_signatures.json`), falsePositives: jsonLines(`${CP}false_positive_signatures.json`) };
  return cp;
}

let clHttp: CitizenLabHttpSignature[] | null = null;
export function citizenLabHttpSignatures(): readonly CitizenLabHttpSignature[] {
  clHttp ??= csvRows(`${CL}http.csv`).map((r) => {
    const location = r.location_found;
    if (location !== 'body' && location !== 'header') throw new Error(`${CL}http.csv: ${r.name}: unknown location_found "${location}"`);
    return { name: r.name ?? '', pattern: r.pattern ?? '', location, scope: r.scope ?? '', countries: countries(r.expected_countries) };
  });
  return clHttp;
}

let clDns: CitizenLabDnsSignature[] | null = null;
export function citizenLabDnsSignatures(): readonly CitizenLabDnsSignature[] {
  clDns ??= csvRows(`${CL}dns.csv`).map((r) => ({ name: r.name ?? '', response: r.response ?? '', scope: r.scope ?? '', countries: countries(r.expected_countries) }));
  return clDns;
}
