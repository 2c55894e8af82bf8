import { extname } from 'node:path';
import { createRequire } from 'node:module';
import type { Options, parse as parseCsv } from 'csv-parse';
import type { Target, WebTarget } from '../model/target.ts';
import { syntaxProblem } from './csv.ts';
import { streamListText } from './read-file.ts';
import { BadListError, type ErrorText } from '../errors.ts';
import { said } from '../i18n/said.ts';
import type { Message } from '../model/message.ts';
import { msg, render } from '../i18n/index.ts';

// csv-parse's CommonJS build, required directly: one file, faster to load than its ESM modules, on
// the path to a run's first query (start-up, issue #13).
const parseStream = (createRequire(import.meta.url)('csv-parse') as { parse: typeof parseCsv }).parse;

/** Problems kept word for word in a BadListError; the rest are counted (a 200,000-row bad list stays small). */
export const MAX_LIST_PROBLEMS_KEPT = 100;


/** Collects problems up to the cap and counts the rest. */
class ProblemLog {
  readonly kept: ErrorText[] = [];
  total = 0;
  add(message: ErrorText | Message): void {
    if (this.kept.length < MAX_LIST_PROBLEMS_KEPT) this.kept.push(typeof message !== 'string' && 'key' in message ? said(message) : message);
    this.total++;
  }
  throwIfAny(): void {
    if (this.total > 0) throw new BadListError(this.kept, this.total);
  }
}

export function checkUrl(raw: string): string | null {
  const r = checkUrlMessage(raw);
  return r && render('en', r);
}

/** Why a URL cannot be tested, as a message; null when it can. */
export function checkUrlMessage(raw: string): Message | null {
  const r = testableUrl(raw);
  return 'href' in r ? null : r;
}

/** A problem at a line of a list file. */
const atLine = (file: string, line: number, problem: Message): Message => msg('err.at-line', { file, line, problem });

/** " (did you mean https://orda.kz/?)" for a bare host name or host:port typed without a scheme; "" otherwise. */
export function didYouMeanUrl(raw: string): string {
  const m = meanUrl(raw);
  return m && render('en', m);
}

/** didYouMeanUrl as a message (err.mean), or "". */
function meanUrl(raw: string): Message | '' {
  const text = raw.trim();
  if (!text || text.includes('://') || /\s/.test(text)) return '';
  try {
    const url = new URL(`https://${text}`);
    return url.hostname.includes('.') || url.hostname.startsWith('[') ? msg('err.mean', { word: url.href }) : '';
  } catch {
    return '';
  }
}

/** The normalised URL of a testable http(s) URL, or why it cannot be tested (parsed once per row). */
function testableUrl(raw: string): { href: string } | Message {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return msg('err.url.not-url', { mean: meanUrl(raw) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return msg('err.url.scheme', { protocol: url.protocol, mean: meanUrl(raw) });
  if (!url.hostname) return msg('err.url.no-host');
  // Credentials are dropped at target creation (see targetUrl), so no report or stored run carries them.
  url.username = '';
  url.password = '';
  return { href: url.href };
}

/**
 * The URL as it is measured and written: credentials (`user:pass@`) are dropped here, at target
 * creation, so no report, stored run or export can carry them.
 */
export function targetUrl(raw: string): string {
  const url = new URL(raw.trim());
  url.username = '';
  url.password = '';
  return url.toString();
}

export function webTargetsFromUrls(urls: readonly string[]): WebTarget[] {
  const problems: Message[] = [];
  const targets = urls.map((u, i) => {
    const bad = checkUrlMessage(u);
    if (bad) problems.push(msg('err.list.argument', { n: i + 1, url: u, problem: bad }));
    return { kind: 'web' as const, url: targetUrl(bad ? 'http://invalid.invalid/' : u), category: null, source: 'command line' };
  });
  if (problems.length) throw new BadListError(problems.map(said));
  return targets;
}

/**
 * Streams the URL rows of a Citizen Lab CSV list to `onTarget` as they are parsed (nothing is held:
 * per-row cost is the target the caller keeps); rows that cannot be tested go to `problems` with file:line.
 */
async function streamWebTargetsFromCsv(file: string, onTarget: (t: WebTarget) => void, problems: ProblemLog): Promise<void> {
  const rows = new WebRows(file, onTarget, problems);
  const parser = rowParser(file, rows, problems);
  const failed = await feedParser(file, parser);
  if (failed) problems.add(atLine(file, rows.lastEnd + 1, syntaxProblem(file, failed, rows.lastEnd + 1).why as Message));
  if (rows.header) problems.add(atLine(file, 1, msg('err.list.empty')));
}

type CsvParser = ReturnType<typeof parseStream>;
type CsvError = Error & { code?: string };

/** The rows of a Citizen Lab list, one record at a time: the header names the columns, each row after it is a target or a problem. */
class WebRows {
  /** Still waiting for the header (true at the end: the list is empty). */
  header = true;
  /** The physical line the last record ended on (csv-parse's count). */
  lastEnd = 0;
  private urlCol = -1;
  private catCol = -1;
  // Category codes repeat: one string per distinct code instead of one per row.
  private readonly categories = new Map<string, string>();
  private readonly file: string;
  private readonly onTarget: (t: WebTarget) => void;
  private readonly problems: ProblemLog;

  constructor(file: string, onTarget: (t: WebTarget) => void, problems: ProblemLog) {
    this.file = file;
    this.onTarget = onTarget;
    this.problems = problems;
  }

  readonly onRecord = (fields: string[], ctx: { lines: number }): null => {
    // Start line = end line minus the newlines inside quoted fields (csv-parse counts physical lines).
    let line = ctx.lines;
    for (const f of fields) for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) line--;
    this.lastEnd = ctx.lines;
    if (this.header) this.readHeader(fields, line);
    else if (this.urlCol >= 0) this.readRow(fields, line);
    return null;
  };

  private readHeader(fields: string[], line: number): void {
    this.header = false;
    this.urlCol = fields.indexOf('url');
    this.catCol = fields.indexOf('category_code');
    if (this.urlCol < 0) this.problems.add(atLine(this.file, line, msg('err.list.no-url-column')));
  }

  private readRow(fields: string[], line: number): void {
    const raw = fields[this.urlCol];
    if (raw === undefined || raw === '') {
      if (fields.length > 1 || fields[0] !== '') this.problems.add(atLine(this.file, line, msg('err.list.row-no-url')));
      return;
    }
    const url = testableUrl(raw);
    if (!('href' in url)) {
      this.problems.add(atLine(this.file, line, msg('err.list.row-url', { raw, problem: url })));
      return;
    }
    this.onTarget({ kind: 'web', url: url.href, category: this.category(fields), source: `${this.file}:${line}` });
  }

  private category(fields: string[]): string | null {
    const code = this.catCol >= 0 ? fields[this.catCol] : undefined;
    if (!code) return null;
    const category = this.categories.get(code) ?? code;
    if (!this.categories.has(code)) this.categories.set(code, code);
    return category;
  }
}

/** csv-parse set up for lists: lenient about quotes and column counts, a bad record skipped and named as a problem. */
function rowParser(file: string, rows: WebRows, problems: ProblemLog): CsvParser {
  // Only the fields and csv-parse's line count: no info or raw objects per row.
  return parseStream({
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (err) problems.add(atLine(file, rows.lastEnd + 1, syntaxProblem(file, err, rows.lastEnd + 1).why as Message));
      return undefined;
    },
    on_record: rows.onRecord,
  } as unknown as Options);
}

/** Streams the file into the parser; the parser's first error, if it stopped on one. */
async function feedParser(file: string, parser: CsvParser): Promise<CsvError | null> {
  let failed: CsvError | null = null;
  parser.on('error', (err: Error) => {
    failed ??= err;
  });
  parser.resume();
  await streamListText(file, (text) => {
    if (!failed) parser.write(text);
  });
  await new Promise<void>((done) => {
    if (failed) return done();
    parser.once('error', () => done());
    parser.end(() => done());
  });
  return failed;
}

/** Reads the URL rows of a Citizen Lab CSV list; rows that cannot be tested are reported with file:line. */
export async function webTargetsFromCsv(file: string): Promise<WebTarget[]> {
  const targets: WebTarget[] = [];
  const problems = new ProblemLog();
  await streamWebTargetsFromCsv(file, (t) => targets.push(t), problems);
  problems.throwIfAny();
  return targets;
}

/**
 * The targets of a run: URLs given on the command line, then each list in order, read as streams
 * and deduplicated by URL as they arrive (the first occurrence is kept). Throws BadListError with
 * every problem counted and the first ones quoted.
 */
export async function readTargets(urls: readonly string[], files: readonly string[], canaryFile: string | null = null): Promise<Target[]> {
  const problems = new ProblemLog();
  const seen = new Set<string>();
  const targets: Target[] = [];
  const keep = (t: Target): void => {
    if (seen.has(t.url)) return;
    seen.add(t.url);
    targets.push(t);
  };
  urls.forEach((u, i) => {
    const bad = checkUrlMessage(u);
    if (bad) problems.add(msg('err.list.argument', { n: i + 1, url: u, problem: bad }));
    else keep({ kind: 'web', url: targetUrl(u), category: null, source: 'command line' });
  });
  for (const file of files) {
    try {
      // The YAML reader (yaml, zod) loads only for a service list: a CSV run starts without it.
      if (isServiceList(file)) for (const t of (await import('./service-targets.ts')).serviceTargetsFromYaml(file)) keep(t);
      else await streamWebTargetsFromCsv(file, keep, problems);
    } catch (err) {
      if (!(err instanceof BadListError)) throw err;
      for (const p of err.problemWhys) problems.add(p);
      problems.total += err.total - err.problems.length;
    }
  }
  // Neutral canaries (allow-list evidence) come last, so a URL that is also in a list keeps the list's row.
  if (canaryFile) await streamWebTargetsFromCsv(canaryFile, (t) => keep({ ...t, role: 'canary' }), problems);
  problems.throwIfAny();
  return targets;
}

export function isServiceList(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.yaml' || ext === '.yml';
}

/** Deduplicates by URL, keeping the first occurrence (a URL may sit in several lists). */
export function dedupeTargets<T extends { url: string }>(targets: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const t of targets) {
    if (seen.has(t.url)) continue;
    seen.add(t.url);
    out.push(t);
  }
  return out;
}
