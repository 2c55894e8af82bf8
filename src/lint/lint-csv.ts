import { basename } from 'node:path';
import { CSV_HEADER, type CsvRecord } from '../lists/csv.ts';
import type { ListProblem } from '../lists/problem.ts';
import type { Message } from '../model/message.ts';
import { msg, render } from '../i18n/index.ts';
import { RULE_BY_ID, type LintRuleId } from './rules.ts';

export interface CsvLintContext {
  /** URLs of the global list, or null when none was found (the cross-list rule is then skipped). */
  globalUrls: ReadonlySet<string> | null;
  categories: ReadonlyMap<string, string>;
  /** True for the global list itself, which is not checked against itself. */
  isGlobalList: boolean;
  /**
   * Country codes (lower case) of the country legend (00-LEGEND-country_codes.csv) beside the file,
   * as upstream's linter reads it; absent: Node's own ISO 3166 region names decide.
   */
  countryCodes?: ReadonlySet<string> | null;
}

/**
 * Python's str.isspace() set, which is what `\s`, `\S` and str.strip() mean in upstream's Python 3
 * linter. JavaScript's `\s` differs: it lacks U+001C-U+001F and U+0085 and adds U+FEFF.
 */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** `[A-Z]` under Python's re.IGNORECASE on str patterns: the ASCII letters and İ ı ſ K (U+0130, U+0131, U+017F, U+212A). */
const PY_AZ = 'A-Za-z\\u0130\\u0131\\u017f\\u212a';

/**
 * Upstream's VALID_URL (scripts/lint-lists.py, re.IGNORECASE, applied with re.match), translated
 * character class by character class: Python's `\d` is any Unicode decimal digit, `\S` is "not
 * str.isspace()", the literal `s` also matches ſ under IGNORECASE, and `$` also matches before a
 * final newline.
 */
const VALID_URL = new RegExp(
  `^[Hh][Tt][Tt][Pp][Ss\\u017f]?:\\/\\/(?:(?:[${PY_AZ}0-9](?:[${PY_AZ}0-9-]{0,61}[${PY_AZ}0-9])?\\.)+(?:[${PY_AZ}]{2,6}\\.?|[${PY_AZ}0-9-]{2,}\\.?)|\\p{Nd}{1,3}\\.\\p{Nd}{1,3}\\.\\p{Nd}{1,3}\\.\\p{Nd}{1,3})(?::\\p{Nd}+)?(?:\\/?|[/?][^${PY_SPACE}]+)\\n?$`,
  'u',
);
const PY_SPACE_RUN = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'gu');
/** Python's str.strip() with no argument. */
export function pyStrip(s: string): string {
  return s.replace(PY_SPACE_RUN, '');
}
export function isValidUrl(url: string): boolean {
  return VALID_URL.test(url);
}
const hasBadChars = (s: string): boolean => s.includes('\\') || s.includes('\n') || s.includes('\t') || s.includes('\r');

/** Python's urlparse path: what follows the authority up to ? or #. */
export function urlPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return m ? (m[1] ?? '') : '';
}

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Same site, other scheme or www prefix: the key under which variants collide. */
export function variantKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '');
}

// Made on first use: ICU's region names cost ~7 MiB of memory, and a directory with the country
// legend never needs them.
let regionNames: Intl.DisplayNames | undefined;
export function isCountryCode(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  const up = code.toUpperCase();
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(up) !== up;
  } catch {
    return false;
  }
}

export type ProblemSink = (problem: ListProblem) => void;

/** Same-site keys of a global list, built once per global list rather than once per linted file. */
const globalKeyCache = new WeakMap<ReadonlySet<string>, Map<string, string>>();
function globalKeysOf(urls: ReadonlySet<string>): Map<string, string> {
  let keys = globalKeyCache.get(urls);
  if (!keys) {
    keys = new Map();
    for (const g of urls) keys.set(variantKey(g), g);
    globalKeyCache.set(urls, keys);
  }
  return keys;
}

/**
 * Lints one Citizen Lab CSV file a record at a time: problems go to the sink as they are found and
 * no row is kept, only the URL -> first line and same-site maps the duplicate rules need.
 */
/** Lists named for what they hold, not a country: global.csv, and canaries.csv (sites any network should reach). */
const NOT_COUNTRY_LISTS: ReadonlySet<string> = new Set(['global', 'canaries']);

export class CsvLinter {
  private readonly seen = new Map<string, number>();
  private readonly variants = new Map<string, { url: string; line: number }>();
  private readonly globalKeys: Map<string, string> | null;
  private headerSeen = false;
  /** The words of "Invalid Column Number" by the count found (see columnCount). */
  private readonly columnWords = new Map<number, { why: Message; message: string }>();
  private readonly file: string;
  private readonly ctx: CsvLintContext;
  private readonly emit: ProblemSink;

  constructor(file: string, ctx: CsvLintContext, emit: ProblemSink) {
    this.file = file;
    this.ctx = ctx;
    this.emit = emit;
    this.globalKeys = !ctx.isGlobalList && ctx.globalUrls ? globalKeysOf(ctx.globalUrls) : null;
    const stem = basename(file).replace(/\.csv$/i, '');
    if (!ctx.isGlobalList && !NOT_COUNTRY_LISTS.has(stem) && !(ctx.countryCodes ? ctx.countryCodes.has(stem) : isCountryCode(stem))) {
      this.add('file-name-country', 1, basename(file), msg('lint.x.country'));
    }
  }

  /** The rule's title (lint.rule.<id>, upstream's words in English), the value quoted, then what is expected in brackets. */
  private add(ruleId: LintRuleId, line: number, value?: string, extra?: Message): void {
    const rule = RULE_BY_ID.get(ruleId);
    if (!rule) throw new Error(`unknown lint rule ${ruleId}`);
    let words = msg(`lint.rule.${ruleId}`);
    if (value !== undefined) words = msg('lint.quoted', { text: words, value });
    if (extra) words = msg('lint.extra', { text: words, extra });
    this.put(ruleId, rule.severity, line, { why: words, message: render('en', words) }, value);
  }

  private put(ruleId: string, severity: ListProblem['severity'], line: number, words: { why: Message; message: string }, value?: string): void {
    const problem: ListProblem = { file: this.file, line, ruleId, severity, message: words.message, why: words.why };
    if (value !== undefined) problem.value = value;
    this.emit(problem);
  }

  /**
   * A row with the wrong number of columns, its words made once per count: a broken file repeats
   * this millions of times (16 MB of empty rows), and rendering each from the catalogue would cost
   * many times the linting.
   */
  private columnCount(line: number, found: number): void {
    let words = this.columnWords.get(found);
    if (!words) {
      const why = msg('lint.extra', { text: msg('lint.rule.column-count'), extra: msg('lint.x.columns', { found, expected: CSV_HEADER.length }) });
      words = { why, message: render('en', why) };
      this.columnWords.set(found, words);
    }
    this.put('column-count', RULE_BY_ID.get('column-count')?.severity ?? 'error', line, words);
  }

  record(rec: CsvRecord): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      // Field by field: a quoted "url,category_code" is one field, not two, even though the joined text matches.
      const f = rec.fields;
      if (f.length !== CSV_HEADER.length || CSV_HEADER.some((name, i) => f[i] !== name)) {
        this.add('csv-header', rec.line, rec.raw, msg('lint.x.header', { header: CSV_HEADER.join(',') }));
      }
      return;
    }
    const line = rec.line;
    if (rec.fields.length !== CSV_HEADER.length) {
      if (rec.endLine > rec.line) this.add('column-count', line, undefined, msg('lint.x.columns-span', { found: rec.fields.length, expected: CSV_HEADER.length, end: rec.endLine }));
      else this.columnCount(line, rec.fields.length);
      return;
    }
    const [url = '', code = '', desc = '', date = '', source = '', notes = ''] = rec.fields;
    const ctx = this.ctx;
    const stripped = pyStrip(url);
    // A tab at the ends is the same mistake as a space there (url-spaces, which --fix trims, and
    // upstream's regex mismatch), not also a bad character inside the URL.
    const inside = url !== stripped && url.replace(/^[ \t]+|[ \t]+$/g, '') === stripped ? stripped : url;
    if (!VALID_URL.test(url)) this.add('url-invalid', line, url);
    if (hasBadChars(inside)) this.add('url-bad-chars', line, url);
    if (url !== stripped) this.add('url-spaces', line, url);
    if (urlPath(stripped) === '') this.add('url-no-trailing-slash', line, url);
    if (!ctx.isGlobalList && ctx.globalUrls?.has(url)) this.add('duplicate-global', line, url);

    const expected = ctx.categories.get(code);
    if (expected === undefined) {
      this.add('category-code', line, code);
    } else if (expected !== desc) {
      // Only compared when the code is valid: upstream compared against the previous row's description.
      this.add('category-description', line, desc, msg('lint.x.category', { expected, code }));
    }

    const firstLine = this.seen.get(url);
    if (firstLine !== undefined) {
      this.add('duplicate-url', line, url, msg('lint.x.first-on', { line: firstLine }));
      return;
    }
    this.seen.set(url, line);

    if (!isRealDate(date)) this.add('date-invalid', line, date);
    if (hasBadChars(notes)) this.add('notes-invalid', line, notes);
    if (hasBadChars(source)) this.add('source-invalid', line, source);

    const key = variantKey(url);
    const other = this.variants.get(key);
    if (other) {
      if (other.url !== url) this.add('url-variant', line, url, msg('lint.x.same-site', { url: other.url, line: other.line }));
      return;
    }
    this.variants.set(key, { url, line });
    const g = this.globalKeys?.get(key);
    if (g !== undefined && g !== url) this.add('url-variant', line, url, msg('lint.x.same-global', { url: g }));
  }

  /** Call after the last record. */
  end(): void {
    if (!this.headerSeen) this.add('csv-header', 1, '', msg('lint.x.header-empty', { header: CSV_HEADER.join(',') }));
  }
}

/** Lints records already in memory (the --fix path and tests); problems in the order found. */
export function lintCsvRecords(file: string, records: readonly CsvRecord[], ctx: CsvLintContext): ListProblem[] {
  const problems: ListProblem[] = [];
  const linter = new CsvLinter(file, ctx, (p) => problems.push(p));
  for (const r of records) linter.record(r);
  linter.end();
  return problems;
}
