import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { BUILTIN_CATEGORIES, parseCategoryLegend } from '../lists/categories.ts';
import { csvRecords, forEachCsvRecord, parseCsv, type CsvRecord } from '../lists/csv.ts';
import { UnreadableListError, type ErrorText } from '../errors.ts';
import { msg } from '../i18n/index.ts';
import { cannotReadMessage, said } from '../i18n/said.ts';
import type { Message } from '../model/message.ts';
import { listProblem, type ListProblem } from '../lists/problem.ts';
import { readListFile, type ListText } from '../lists/read-file.ts';
import { CsvLinter, type CsvLintContext } from './lint-csv.ts';
import { fixCsv, type CsvFix } from './fix-csv.ts';
import { RULE_BY_ID } from './rules.ts';

export interface LintOptions {
  /** Global list to check local lists against; default: global.csv beside each file. */
  globalFile?: string;
  /** Category legend; default: 00-LEGEND-new_category_codes.csv beside each file, else built in. */
  categoriesFile?: string;
  fix?: boolean;
}

/** What is known of a file before its problems: reporters print fixes first. */
export interface LintFileSummary {
  file: string;
  kind: 'csv' | 'yaml';
  fixes: CsvFix[];
}

export interface LintFileResult extends LintFileSummary {
  problems: ListProblem[];
}

export interface LintReport {
  files: LintFileResult[];
  problems: ListProblem[];
  errorCount: number;
  warningCount: number;
}

export interface LintCounts {
  files: number;
  fixes: number;
  errorCount: number;
  warningCount: number;
}

/**
 * Where `lintPathsTo` sends its findings, in output order: for each file (sorted by name) its
 * summary, then its problems sorted by line. Nothing is kept by the linter itself, so a reporter that
 * writes as it goes runs in flat memory whatever the number of problems.
 */
export interface LintSink {
  file(summary: LintFileSummary): void;
  problem(problem: ListProblem): void;
  /** A promise when the output is backed up: the linter waits for it before reading on (a pipe to a slow reader). */
  pause?(): Promise<void> | null;
}

/** Records between two looks at the sink's backpressure. */
const RECORDS_PER_PAUSE_CHECK = 2048;

/** A list file to lint, or why a file found in a listed directory cannot be. */
export interface ListEntry {
  file: string;
  /** Set for files found in a listed directory that cannot be read: reported as a problem, the others still linted. */
  unreadable?: ErrorText;
  /** Named on the command line: read errors are the user's to fix (exit 2), not a lint finding. */
  explicit: boolean;
}

const LIST_EXTENSIONS = new Set(['.csv', '.yaml', '.yml']);
const LEGEND_NAME = '00-LEGEND-new_category_codes.csv';
/** Upstream's country legend (CountryCode,CountryName): the file-name check uses it when it is beside the file. */
export const COUNTRY_LEGEND_NAME = '00-LEGEND-country_codes.csv';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Files named on the command line are linted whatever their name; directories give their lists (not recursive, like upstream). */
export function expandListPaths(paths: readonly string[]): ListEntry[] {
  const out = new Map<string, ListEntry>();
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      throw new UnreadableListError(p, said(cannotReadMessage(err)));
    }
    if (!st.isDirectory()) {
      if (!out.has(p)) out.set(p, { file: p, explicit: true });
      continue;
    }
    let found = 0;
    const names = readdirSync(p, { withFileTypes: true })
      .filter((d) => !d.name.startsWith('00-') && !d.name.startsWith('.') && LIST_EXTENSIONS.has(extname(d.name).toLowerCase()))
      .sort((a, b) => byName(a.name, b.name));
    for (const d of names) {
      const file = join(p, d.name);
      if (d.isDirectory()) continue;
      let unreadable: ErrorText | undefined;
      if (!d.isFile()) {
        // A symlink (or something stranger): follow it, and say in words why it cannot be read.
        try {
          const target = statSync(file);
          if (target.isDirectory()) continue;
          if (!target.isFile()) unreadable = said(msg('err.list.not-regular'));
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          unreadable = said(d.isSymbolicLink() && code === 'ENOENT' ? msg('err.list.dangling') : cannotReadMessage(err));
        }
      }
      found++;
      if (!out.has(file)) out.set(file, unreadable === undefined ? { file, explicit: false } : { file, unreadable, explicit: false });
    }
    if (found === 0) throw new UnreadableListError(p, said(msg('err.list.no-lists')));
  }
  return [...out.values()].sort((a, b) => byName(a.file, b.file));
}

/**
 * Holds a file's problems only until no earlier line can follow, then hands them on sorted: the
 * output is ordered as a full sort would order it while only one record's problems wait.
 */
class LineSorter {
  private pending: ListProblem[] = [];
  private readonly out: (p: ListProblem) => void;
  constructor(out: (p: ListProblem) => void) {
    this.out = out;
  }
  readonly add = (p: ListProblem): void => {
    this.pending.push(p);
  };
  /** No problem at a line below `line` can come any more. */
  flushBelow(line: number): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    if (pending.length === 1) {
      const only = pending[0] as ListProblem;
      if (only.line < line) {
        this.pending = [];
        this.out(only);
      }
      return;
    }
    pending.sort(compareProblems);
    let i = 0;
    while (i < pending.length && (pending[i] as ListProblem).line < line) this.out(pending[i++] as ListProblem);
    if (i > 0) this.pending = pending.slice(i);
  }
  flushAll(): void {
    this.flushBelow(Number.POSITIVE_INFINITY);
  }
}

/** Lints the lists under `paths`, streaming findings to `sink`; returns the counts. */
export async function lintPathsTo(paths: readonly string[], opts: LintOptions, sink: LintSink): Promise<LintCounts> {
  const entries = expandListPaths(paths);
  const run = new LintRun(opts, sink, entries.length);
  for (const entry of entries) {
    const kind = listKind(entry.file);
    const read = readEntry(entry, kind, run);
    if (!read) continue;
    if (kind === 'yaml') {
      await lintYamlList(entry.file, read, run);
      continue;
    }
    const ctx = run.csvContext(entry.file);
    if (opts.fix) await fixAndLintCsvList(entry.file, read, ctx, run);
    else await lintCsvList(entry.file, read, ctx, run);
  }
  return run.counts;
}

/**
 * One lint over many files: its counts, its sink, and the legends and global lists it has read
 * (each read once, however many lists sit beside it).
 */
class LintRun {
  readonly counts: LintCounts;
  private readonly legends = new Map<string, ReadonlyMap<string, string>>();
  private readonly globals = new Map<string, ReadonlySet<string>>();
  private readonly countries = new Map<string, ReadonlySet<string> | null>();
  readonly opts: LintOptions;
  readonly sink: LintSink;
  constructor(opts: LintOptions, sink: LintSink, files: number) {
    this.opts = opts;
    this.sink = sink;
    this.counts = { files, fixes: 0, errorCount: 0, warningCount: 0 };
  }

  /** Counts a problem and hands it to the sink. */
  readonly emit = (p: ListProblem): void => {
    if (p.severity === 'error') this.counts.errorCount++;
    else this.counts.warningCount++;
    this.sink.problem(p);
  };

  /** A promise while the sink's output is backed up, else null. */
  pause(): Promise<void> | null | undefined {
    return this.sink.pause?.();
  }

  /** What the CSV rules check a list against: the global list, the category legend, the country codes. */
  csvContext(file: string): CsvLintContext {
    const global = this.globalFor(file);
    const isGlobalList = basename(file) === 'global.csv' || (global.path !== null && resolve(global.path) === resolve(file));
    return { globalUrls: global.urls, categories: this.categoriesFor(file), isGlobalList, countryCodes: this.countriesFor(file) };
  }

  private categoriesFor(file: string): ReadonlyMap<string, string> {
    const legend = this.opts.categoriesFile ?? join(dirname(file), LEGEND_NAME);
    if (!this.opts.categoriesFile && !existsSync(legend)) return BUILTIN_CATEGORIES;
    let map = this.legends.get(legend);
    if (!map) {
      const { text } = readListFile(legend);
      try {
        map = parseCategoryLegend(text, legend);
      } catch (err) {
        throw new UnreadableListError(legend, (err as Error).message.replace(`${legend}: `, ''));
      }
      this.legends.set(legend, map);
    }
    return map;
  }

  private countriesFor(file: string): ReadonlySet<string> | null {
    const legend = join(dirname(file), COUNTRY_LEGEND_NAME);
    let codes = this.countries.get(legend);
    if (codes === undefined) {
      codes = existsSync(legend) ? countryLegendCodes(readListFile(legend).text, legend) : null;
      this.countries.set(legend, codes);
    }
    return codes;
  }

  private globalFor(file: string): { urls: ReadonlySet<string> | null; path: string | null } {
    const g = this.opts.globalFile ?? join(dirname(file), 'global.csv');
    if (!this.opts.globalFile && !existsSync(g)) return { urls: null, path: null };
    let urls = this.globals.get(g);
    if (!urls) {
      urls = globalListUrls(g);
      this.globals.set(g, urls);
    }
    return { urls, path: g };
  }
}

/** The URLs of a global list (its well-formed six-column rows, header skipped). */
function globalListUrls(file: string): ReadonlySet<string> {
  const set = new Set<string>();
  let header = true;
  forEachCsvRecord(
    readListFile(file).text,
    file,
    (r) => {
      if (!header && r.fields.length === 6) set.add(r.fields[0] ?? '');
      header = false;
    },
    () => {},
  );
  return set;
}

function listKind(file: string): 'csv' | 'yaml' {
  const ext = extname(file).toLowerCase();
  return ext === '.yaml' || ext === '.yml' ? 'yaml' : 'csv';
}

/**
 * The text of one list, or null when it cannot be read and was found in a directory: then it is
 * reported as a problem and the others are still linted. A file named on the command line throws.
 */
function readEntry(entry: ListEntry, kind: 'csv' | 'yaml', run: LintRun): ListText | null {
  const { file } = entry;
  try {
    if (entry.unreadable !== undefined) throw new UnreadableListError(file, entry.unreadable);
    return readListFile(file);
  } catch (err) {
    if (!(err instanceof UnreadableListError) || entry.explicit) throw err;
    run.sink.file({ file, kind, fixes: [] });
    run.emit(unreadableProblem(file, err.reasonWhy ? { text: err.reason, why: err.reasonWhy } : err.reason));
    return null;
  }
}

async function lintYamlList(file: string, read: ListText, run: LintRun): Promise<void> {
  const sorter = new LineSorter(run.emit);
  run.sink.file({ file, kind: 'yaml', fixes: [] });
  for (const p of read.problems) sorter.add(p);
  // Loaded only when a YAML list is linted: yaml and zod are most of lint's start-up memory.
  const { parseServices } = await import('../lists/services.ts');
  for (const p of parseServices(read.text, file).problems) sorter.add(p);
  sorter.flushAll();
}

/** --fix: rewrites the file when there is something to fix, then reports what remains (so the exit code says whether a human is still needed). */
async function fixAndLintCsvList(file: string, read: ListText, ctx: CsvLintContext, run: LintRun): Promise<void> {
  const sorter = new LineSorter(run.emit);
  // Fixing rewrites the file, so its records are held; the plain lint keeps none.
  const parsed = parseCsv(read.text, file);
  if (parsed.problems.length === 0) {
    const fixed = fixCsv(parsed.records, { endsWithNewline: read.text.endsWith('\n'), hadBom: read.hadBom, crlfLines: read.crlfLines, crLines: read.crLines });
    if (fixed.fixes.length > 0) {
      // Loaded only to fix (node:crypto is ~2 MiB of a plain lint's memory).
      const { writeFileAtomic } = await import('../lists/atomic-write.ts');
      writeFileAtomic(file, fixed.text);
      run.counts.fixes += fixed.fixes.length;
      run.sink.file({ file, kind: 'csv', fixes: fixed.fixes });
      lintRecords(file, parseCsv(fixed.text, file).records, ctx, sorter);
      return;
    }
  }
  run.sink.file({ file, kind: 'csv', fixes: [] });
  for (const p of read.problems) sorter.add(p);
  for (const p of parsed.problems) sorter.add(p);
  lintRecords(file, parsed.records, ctx, sorter);
}

/** The plain lint: records are checked as they are parsed and none is kept; a backed-up sink is waited for. */
async function lintCsvList(file: string, read: ListText, ctx: CsvLintContext, run: LintRun): Promise<void> {
  const sorter = new LineSorter(run.emit);
  run.sink.file({ file, kind: 'csv', fixes: [] });
  for (const p of read.problems) sorter.add(p);
  const linter = new CsvLinter(file, ctx, sorter.add);
  let n = 0;
  for (const rec of csvRecords(read.text, file, sorter.add)) {
    sorter.flushBelow(rec.line);
    linter.record(rec);
    if (++n % RECORDS_PER_PAUSE_CHECK === 0) {
      const wait = run.pause();
      if (wait) await wait;
    }
  }
  linter.end();
  sorter.flushAll();
  const wait = run.pause();
  if (wait) await wait;
}

function lintRecords(file: string, records: readonly CsvRecord[], ctx: CsvLintContext, sorter: LineSorter): void {
  const linter = new CsvLinter(file, ctx, sorter.add);
  for (const rec of records) {
    sorter.flushBelow(rec.line);
    linter.record(rec);
  }
  linter.end();
  sorter.flushAll();
}

/** The codes of a country legend, lower case (its first column, header skipped); null when it has none. */
export function countryLegendCodes(text: string, file: string): ReadonlySet<string> | null {
  const codes = new Set<string>();
  let header = true;
  forEachCsvRecord(
    text,
    file,
    (r) => {
      const code = (r.fields[0] ?? '').trim().toLowerCase();
      if (!header && /^[a-z]{2}$/.test(code)) codes.add(code);
      header = false;
    },
    () => {},
  );
  return codes.size ? codes : null;
}

function unreadableProblem(file: string, reason: ErrorText): ListProblem {
  const rule = RULE_BY_ID.get('file-unreadable');
  return listProblem({ file, line: 0, ruleId: 'file-unreadable', severity: rule?.severity ?? 'error' }, msg('lint.unreadable', { title: msg('lint.rule.file-unreadable'), reason: typeof reason === 'string' ? reason : (reason.why as Message) }));
}

/** Lints and keeps everything in memory: for the API and tests. The CLI streams with `lintPathsTo`. */
export async function lintPaths(paths: readonly string[], opts: LintOptions = {}): Promise<LintReport> {
  const files: LintFileResult[] = [];
  const problems: ListProblem[] = [];
  const counts = await lintPathsTo(paths, opts, {
    file: (s) => void files.push({ ...s, problems: [] }),
    problem: (p) => {
      problems.push(p);
      files[files.length - 1]?.problems.push(p);
    },
  });
  return { files, problems, errorCount: counts.errorCount, warningCount: counts.warningCount };
}

export function compareProblems(a: ListProblem, b: ListProblem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
