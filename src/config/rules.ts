import { parseResolver } from '../net/resolver-spec.ts';
import { HELPER_TOKEN_ENV } from '../helper/token.ts';
import { msg, render, verbatim } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';

/** A rule: the problem with a value as a message, or null. */
type Rule = (v: unknown) => Message | null;

/** The resolver's own words (net/resolver-spec.ts, English for now), as they come. */
const asIs = (text: string): Message => verbatim(text);

/**
 * The value rules shared by the command-line flags (commander parsers in cli/options.ts) and the
 * config file (zod refinements in schema.ts): one definition, so a value the file accepts is one
 * `tekser run` accepts. Each returns the problem as a message (RULE_WORDS), or null; RULES gives it in English.
 */
export const RULE_WORDS = {
  positiveInt: (v: unknown): Message | null => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : msg('err.rule.positive-int')),
  retries: (v: unknown): Message | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5 ? null : msg('err.rule.retries')),
  seconds: (v: unknown): Message | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? null : msg('err.rule.seconds')),
  resolver: (v: unknown): Message | null => {
    try {
      parseResolver(String(v));
      return null;
    } catch (err) {
      return asIs((err as Error).message);
    }
  },
  /** The control must be DoH: a censor can spoof plain DNS, not an authenticated HTTPS answer. */
  controlResolver: (v: unknown): Message | null => {
    const problem = RULE_WORDS.resolver(v);
    if (problem) return problem;
    return parseResolver(String(v)).kind === 'doh' ? null : msg('err.rule.control-doh', { value: String(v) });
  },
  url: (v: unknown): Message | null => {
    try {
      const u = new URL(String(v));
      return u.protocol === 'https:' || u.protocol === 'http:' ? null : msg('err.rule.not-http-url', { value: String(v) });
    } catch {
      return msg('err.rule.not-url', { value: String(v) });
    }
  },
  /** A control helper: an http(s) URL without credentials (it is written into every report). */
  helperUrl: (v: unknown): Message | null => {
    const problem = RULE_WORDS.url(v);
    if (problem) return problem;
    const u = new URL(String(v));
    return u.username || u.password ? msg('err.rule.helper-credentials', { env: HELPER_TOKEN_ENV }) : null;
  },
  /** A network's AS number: 9198 or AS9198. */
  asn: (v: unknown): Message | null => (/^(?:AS)?[1-9]\d{0,9}$/i.test(String(v).trim()) && Number(String(v).trim().replace(/^AS/i, '')) <= 4294967295 ? null : msg('err.rule.asn', { value: String(v) })),
  /** A network's country: two letters (ISO 3166-1 alpha-2). */
  countryCode: (v: unknown): Message | null => (/^[A-Za-z]{2}$/.test(String(v).trim()) ? null : msg('err.rule.country', { value: String(v) })),
  /** A network's name as people call it (Kazakhtelecom, Beeline): one line, at most 64 characters. */
  networkName: (v: unknown): Message | null => (typeof v === 'string' && v.trim() !== '' && v.length <= 64 && !/[\p{Cc}]/u.test(v) ? null : msg('err.rule.network-name')),
  /** The fleet's database: a postgres:// URL (its password belongs in PGPASSWORD or ~/.pgpass, not here). */
  fleetUrl: (v: unknown): Message | null => (/^postgres(?:ql)?:\/\/\S*$/.test(String(v)) ? null : msg('err.rule.fleet-url')),
} as const satisfies Record<string, Rule>;

/** A rule in English: the problem in words, or null. */
const inEnglish =
  (rule: Rule) =>
  (v: unknown): string | null => {
    const m = rule(v);
    return m && render('en', m);
  };

/** The same rules, each returning the problem in English words (commander's parsers), or null. */
export const RULES = Object.fromEntries(Object.entries(RULE_WORDS).map(([name, rule]) => [name, inEnglish(rule)])) as { readonly [K in keyof typeof RULE_WORDS]: (v: unknown) => string | null };
