import cpBlockpages from './upstream/censoredplanet-assets/blockpage_signatures.json' with { type: 'json' };
import cpFalsePositives from './upstream/censoredplanet-assets/false_positive_signatures.json' with { type: 'json' };
import clHttpRows from './upstream/citizenlab-filtering-annotations/http.json' with { type: 'json' };
import clDnsRows from './upstream/citizenlab-filtering-annotations/dns.json' with { type: 'json' };

/**
 * Block-page and DNS signature tables: data files as their upstreams publish them (see SOURCES.json
 * and update.mjs, which regenerates them and records commit and sha256), imported as JSON modules so
 * that analysis stays free of file I/O and tsc carries them into dist/. The typed views below are
 * built once, when first asked for.
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

interface CitizenLabRow {
  name: string;
  pattern?: string;
  response?: string;
  location_found?: string;
  scope: string;
  /** Sometimes [""] for "none". */
  expected_countries: string[];
}

const countries = (r: CitizenLabRow): string[] => r.expected_countries.filter((c) => c !== '');

export function censoredPlanetSignatures(): { blockpages: readonly Signature[]; falsePositives: readonly Signature[] } {
  return { blockpages: cpBlockpages, falsePositives: cpFalsePositives };
}

let clHttp: CitizenLabHttpSignature[] | null = null;
export function citizenLabHttpSignatures(): readonly CitizenLabHttpSignature[] {
  clHttp ??= (clHttpRows as CitizenLabRow[]).map((r) => {
    const location = r.location_found;
    if (location !== 'body' && location !== 'header') throw new Error(`citizenlab http.json: ${r.name}: unknown location_found "${location}"`);
    return { name: r.name, pattern: r.pattern ?? '', location, scope: r.scope, countries: countries(r) };
  });
  return clHttp;
}

let clDns: CitizenLabDnsSignature[] | null = null;
export function citizenLabDnsSignatures(): readonly CitizenLabDnsSignature[] {
  clDns ??= (clDnsRows as CitizenLabRow[]).map((r) => ({ name: r.name, response: r.response ?? '', scope: r.scope, countries: countries(r) }));
  return clDns;
}
