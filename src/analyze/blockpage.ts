import type { BlockpageMatch } from '../model/verdict.ts';
import { censoredPlanetSignatures, citizenLabDnsSignatures, citizenLabHttpSignatures, type CitizenLabDnsSignature, type CitizenLabHttpSignature, type Signature } from '../data/signatures.ts';

/** tekser's own patterns (MIT), for pages the upstream sets lack; Kazakh and Russian wording. */
const TEKSER_BLOCKPAGES: readonly Signature[] = [
  { fingerprint: 'tekser_kz_threat_kk', pattern: 'Ресурста ақпараттық қауіпсіздікке төнетін қауіп' },
  { fingerprint: 'tekser_kz_blocked_kk', pattern: 'Сайтқа қолжетімділік шектелген' },
  { fingerprint: 'tekser_kz_court_ru', pattern: 'Доступ к (?:данному )?(?:интернет-)?ресурсу ограничен' },
];

interface Compiled {
  fingerprint: string;
  source: BlockpageMatch['source'];
  re: RegExp;
}

function compile(sigs: readonly Signature[], source: BlockpageMatch['source']): Compiled[] {
  const out: Compiled[] = [];
  for (const s of sigs) {
    try {
      out.push({ fingerprint: s.fingerprint, source, re: new RegExp(s.pattern) });
    } catch {
      // A PCRE construct JavaScript lacks: that signature is skipped, the rest still apply.
    }
  }
  return out;
}

let compiled: { blockpages: Compiled[]; falsePositives: Compiled[] } | null = null;
function signatures(): { blockpages: Compiled[]; falsePositives: Compiled[] } {
  if (!compiled) {
    const cp = censoredPlanetSignatures();
    compiled = {
      blockpages: [...compile(TEKSER_BLOCKPAGES, 'tekser'), ...compile(cp.blockpages, 'censoredplanet')],
      falsePositives: compile(cp.falsePositives, 'censoredplanet'),
    };
  }
  return compiled;
}

/** The response as Censored Planet matches it: status line, headers, blank line, body. */
export function rawResponse(status: number, headers: Record<string, string>, body: string): string {
  const head = Object.entries(headers).map(([k, v]) => `${k.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase())}: ${v}`);
  return `HTTP/1.1 ${status}\r\n${head.join('\r\n')}\r\n\r\n${body}`;
}

/** Known false positives (CDN error pages, parked domains) are checked first, as Censored Planet does. */
export function matchBlockpage(status: number, headers: Record<string, string>, body: string): BlockpageMatch | null {
  const raw = rawResponse(status, headers, body);
  const sigs = signatures();
  if (sigs.falsePositives.some((s) => s.re.test(raw))) return null;
  const hit = sigs.blockpages.find((s) => s.re.test(raw));
  if (hit) return { fingerprint: hit.fingerprint, source: hit.source, generic: hit.fingerprint.startsWith('f_gen') };
  // Citizen Lab's patterns are plain substrings of the body or of a header value; "vbw" means vague blocking words.
  const values = Object.values(headers);
  const cl = citizenLabUsable().find((s) => (s.location === 'body' ? body.includes(s.pattern) : values.some((v) => v.includes(s.pattern))));
  return cl ? { fingerprint: cl.name, source: 'citizenlab', generic: cl.scope === 'vbw' } : null;
}

/** Substrings this short ("?dpid=", "/access?") also occur in ordinary redirects: too weak to call a block page. */
const MIN_SUBSTRING = 10;
let usable: readonly CitizenLabHttpSignature[] | null = null;
const citizenLabUsable = (): readonly CitizenLabHttpSignature[] => (usable ??= citizenLabHttpSignatures().filter((s) => s.pattern.length >= MIN_SUBSTRING));

let dnsAnswers: ReadonlyMap<string, CitizenLabDnsSignature> | null = null;
const dnsBlockAnswers = (): ReadonlyMap<string, CitizenLabDnsSignature> => (dnsAnswers ??= new Map(citizenLabDnsSignatures().map((s) => [s.response.toLowerCase(), s])));

/** A DNS answer known to be a censor's (a block-page server, or a conventional fake like 1.2.3.4). */
export function matchDnsBlockAnswer(answer: string): { fingerprint: string; countries: string[] } | null {
  const s = dnsBlockAnswers().get(answer.toLowerCase());
  return s ? { fingerprint: s.name, countries: s.countries } : null;
}
