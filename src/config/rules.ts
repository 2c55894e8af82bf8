import { parseResolver } from '../net/resolver-spec.ts';
import { HELPER_TOKEN_ENV } from '../helper/token.ts';

/**
 * The value rules shared by the command-line flags (commander parsers in cli/options.ts) and the
 * config file (zod refinements in config.ts): one definition, so a value the file accepts is one
 * `tekser run` accepts. Each returns the problem in words, or null.
 */
export const RULES = {
  positiveInt: (v: unknown): string | null => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : 'must be a whole number ≥ 1'),
  retries: (v: unknown): string | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5 ? null : 'takes 0 to 5'),
  seconds: (v: unknown): string | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : 'must be a number of seconds > 0'),
  resolver: (v: unknown): string | null => {
    try {
      parseResolver(String(v));
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  },
  /** The control must be DoH: a censor can spoof plain DNS, not an authenticated HTTPS answer. */
  controlResolver: (v: unknown): string | null => {
    const problem = RULES.resolver(v);
    if (problem) return problem;
    return parseResolver(String(v)).kind === 'doh' ? null : `${String(v)}: the control must be a DoH URL (https://IP/dns-query), which a censor cannot spoof`;
  },
  url: (v: unknown): string | null => {
    try {
      const u = new URL(String(v));
      return u.protocol === 'https:' || u.protocol === 'http:' ? null : `${String(v)}: not an http(s) URL`;
    } catch {
      return `${String(v)}: not a URL`;
    }
  },
  /** A control helper: an http(s) URL without credentials (it is written into every report). */
  helperUrl: (v: unknown): string | null => {
    const problem = RULES.url(v);
    if (problem) return problem;
    const u = new URL(String(v));
    return u.username || u.password ? `no credentials in the URL (it is written into reports); set ${HELPER_TOKEN_ENV} for a helper that needs a token` : null;
  },
  /** A network's AS number: 9198 or AS9198. */
  asn: (v: unknown): string | null => (/^(?:AS)?[1-9]\d{0,9}$/i.test(String(v).trim()) && Number(String(v).trim().replace(/^AS/i, '')) <= 4294967295 ? null : `${String(v)}: an AS number is 1 to 4294967295 (9198 or AS9198)`),
  /** A network's country: two letters (ISO 3166-1 alpha-2). */
  countryCode: (v: unknown): string | null => (/^[A-Za-z]{2}$/.test(String(v).trim()) ? null : `${String(v)}: a country is two letters (KZ)`),
  /** A network's name as people call it (Kazakhtelecom, Beeline): one line, at most 64 characters. */
  networkName: (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' && v.length <= 64 && !/[\p{Cc}]/u.test(v) ? null : 'a network name is one line of 1 to 64 characters'),
  /** The fleet's database: a postgres:// URL (its password belongs in PGPASSWORD or ~/.pgpass, not here). */
  fleetUrl: (v: unknown): string | null => (/^postgres(?:ql)?:\/\/\S*$/.test(String(v)) ? null : 'not a postgres:// URL (postgres://user@host/db?sslmode=verify-full)'),
} as const;
