import { basename } from 'node:path';
import { CSV_HEADER, type CsvRecord } from '../lists/csv.ts';
import type { ListProblem } from '../lists/problem.ts';
import { RULE_BY_ID, type LintRuleId } from './rules.ts';

export interface CsvLintContext {
  /** URLs of the global list, or null when none was found (the cross-list rule is then skipped). */
  globalUrls: ReadonlySet<string> | null;
  categories: ReadonlyMap<string, string>;
  /** True for the global list itself, which is not checked against itself. */
  isGlobalList: boolean;
}

/** Upstream's VALID_URL (scripts/lint-lists.py), case-insensitive. */
const VALID_URL =
  /^(?:http)s?:\/\/(?:(?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+(?:[A-Z]{2,6}\.?|[A-Z0-9-]{2,}\.?)|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?::\d+)?(?:\/?|[/?]\S+)$/i;
const BAD_CHARS = ['\r', '\n', '\t', '\\'];
const hasBadChars = (s: string): boolean => BAD_CHARS.some((c) => s.includes(c));

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

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export function isCountryCode(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  const up = code.toUpperCase();
  try {
    return regionNames.of(up) !== up;
  } catch {
    return false;
  }
}

export function lintCsvRecords(file: string, records: readonly CsvRecord[], ctx: CsvLintContext): ListProblem[] {
  const problems: ListProblem[] = [];
  const add = (ruleId: LintRuleId, line: number, value?: string, extra?: string): void => {
    const rule = RULE_BY_ID.get(ruleId);
    if (!rule) throw new Error(`unknown lint rule ${ruleId}`);
    const quoted = value === undefined ? '' : ` "${value}"`;
    problems.push({
      file,
      line,
      ruleId,
      severity: rule.severity,
      message: `${rule.title}${quoted}${extra ? ` (${extra})` : ''}`,
      ...(value === undefined ? {} : { value }),
    });
  };

  const stem = basename(file).replace(/\.csv$/i, '');
  if (!ctx.isGlobalList && stem !== 'global' && !isCountryCode(stem)) {
    add('file-name-country', 1, basename(file), 'expected e.g. kz.csv');
  }

  const [header, ...rows] = records;
  if (!header) {
    add('csv-header', 1, '', `expected ${CSV_HEADER.join(',')}; the file is empty`);
    return problems;
  }
  if (header.fields.join(',') !== CSV_HEADER.join(',')) {
    add('csv-header', header.line, header.fields.join(','), `expected ${CSV_HEADER.join(',')}`);
  }

  const seen = new Map<string, number>();
  const variants = new Map<string, { url: string; line: number }>();
  for (const rec of rows) {
    const line = rec.line;
    if (rec.fields.length !== CSV_HEADER.length) {
      const span = rec.endLine > rec.line ? `; the record runs to line ${rec.endLine}: an unclosed quote?` : '';
      add('column-count', line, undefined, `found ${rec.fields.length}, expected ${CSV_HEADER.length}${span}`);
      continue;
    }
    const [url = '', code = '', desc = '', date = '', source = '', notes = ''] = rec.fields;

    if (!VALID_URL.test(url)) add('url-invalid', line, url);
    if (hasBadChars(url)) add('url-bad-chars', line, url);
    if (url !== url.trim()) add('url-spaces', line, url);
    if (urlPath(url.trim()) === '') add('url-no-trailing-slash', line, url);
    if (!ctx.isGlobalList && ctx.globalUrls?.has(url)) add('duplicate-global', line, url);

    const expected = ctx.categories.get(code);
    if (expected === undefined) {
      add('category-code', line, code);
    } else if (expected !== desc) {
      // Only compared when the code is valid: upstream compared against the previous row's description.
      add('category-description', line, desc, `expected "${expected}" for ${code}`);
    }

    const firstLine = seen.get(url);
    if (firstLine !== undefined) {
      add('duplicate-url', line, url, `first on line ${firstLine}`);
      continue;
    }
    seen.set(url, line);

    if (!isRealDate(date)) add('date-invalid', line, date);
    if (hasBadChars(notes)) add('notes-invalid', line, notes);
    if (hasBadChars(source)) add('source-invalid', line, source);

    const key = variantKey(url);
    const other = variants.get(key);
    if (other && other.url !== url) add('url-variant', line, url, `same site as "${other.url}" on line ${other.line}`);
    else if (!other) variants.set(key, { url, line });
  }
  if (!ctx.isGlobalList && ctx.globalUrls) {
    const globalKeys = new Map<string, string>();
    for (const g of ctx.globalUrls) globalKeys.set(variantKey(g), g);
    for (const [key, { url, line }] of variants) {
      const g = globalKeys.get(key);
      if (g !== undefined && g !== url) add('url-variant', line, url, `same site as "${g}" in the global list`);
    }
  }
  return problems;
}
