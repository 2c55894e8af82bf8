import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { BUILTIN_CATEGORIES, parseCategoryLegend } from '../lists/categories.ts';
import { parseCsv } from '../lists/csv.ts';
import { UnreadableListError, type ListProblem } from '../lists/problem.ts';
import { readListFile } from '../lists/read-file.ts';
import { parseServices } from '../lists/services.ts';
import { writeFileAtomic } from '../lists/atomic-write.ts';
import { lintCsvRecords } from './lint-csv.ts';
import { fixCsv, type CsvFix } from './fix-csv.ts';

export interface LintOptions {
  /** Global list to check local lists against; default: global.csv beside each file. */
  globalFile?: string;
  /** Category legend; default: 00-LEGEND-new_category_codes.csv beside each file, else built in. */
  categoriesFile?: string;
  fix?: boolean;
}

export interface LintFileResult {
  file: string;
  kind: 'csv' | 'yaml';
  problems: ListProblem[];
  fixes: CsvFix[];
}

export interface LintReport {
  files: LintFileResult[];
  problems: ListProblem[];
  errorCount: number;
  warningCount: number;
}

const LIST_EXTENSIONS = new Set(['.csv', '.yaml', '.yml']);
const LEGEND_NAME = '00-LEGEND-new_category_codes.csv';

/** Files named on the command line are linted whatever their name; directories give their lists (not recursive, like upstream). */
export function expandListPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      throw new UnreadableListError(p, `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (st.isDirectory()) {
      const found = readdirSync(p)
        .filter((n) => !n.startsWith('00-') && !n.startsWith('.') && LIST_EXTENSIONS.has(extname(n).toLowerCase()))
        .sort()
        .map((n) => join(p, n))
        .filter((f) => statSync(f).isFile());
      if (found.length === 0) throw new UnreadableListError(p, 'directory holds no test lists (*.csv, *.yaml)');
      out.push(...found);
    } else {
      out.push(p);
    }
  }
  return [...new Set(out)];
}

export function lintPaths(paths: readonly string[], opts: LintOptions = {}): LintReport {
  const files = expandListPaths(paths);
  const legendCache = new Map<string, ReadonlyMap<string, string>>();
  const globalCache = new Map<string, ReadonlySet<string>>();

  const categoriesFor = (file: string): ReadonlyMap<string, string> => {
    const legend = opts.categoriesFile ?? join(dirname(file), LEGEND_NAME);
    if (!opts.categoriesFile && !existsSync(legend)) return BUILTIN_CATEGORIES;
    let map = legendCache.get(legend);
    if (!map) {
      const { text } = readListFile(legend);
      try {
        map = parseCategoryLegend(text, legend);
      } catch (err) {
        throw new UnreadableListError(legend, (err as Error).message.replace(`${legend}: `, ''));
      }
      legendCache.set(legend, map);
    }
    return map;
  };
  const globalFor = (file: string): { urls: ReadonlySet<string> | null; path: string | null } => {
    const g = opts.globalFile ?? join(dirname(file), 'global.csv');
    if (!opts.globalFile && !existsSync(g)) return { urls: null, path: null };
    let urls = globalCache.get(g);
    if (!urls) {
      const { records } = parseCsv(readListFile(g).text, g);
      urls = new Set(records.slice(1).filter((r) => r.fields.length === 6).map((r) => r.fields[0] ?? ''));
      globalCache.set(g, urls);
    }
    return { urls, path: g };
  };

  const results: LintFileResult[] = files.map((file) => {
    const ext = extname(file).toLowerCase();
    const read = readListFile(file);
    if (ext === '.yaml' || ext === '.yml') {
      const { problems } = parseServices(read.text, file);
      return { file, kind: 'yaml', problems: [...read.problems, ...problems], fixes: [] };
    }
    const parsed = parseCsv(read.text, file);
    const global = globalFor(file);
    const isGlobalList = basename(file) === 'global.csv' || (global.path !== null && resolve(global.path) === resolve(file));
    let problems = [
      ...read.problems,
      ...parsed.problems,
      ...lintCsvRecords(file, parsed.records, { globalUrls: global.urls, categories: categoriesFor(file), isGlobalList }),
    ];
    let fixes: CsvFix[] = [];
    if (opts.fix && parsed.problems.length === 0) {
      const fixed = fixCsv(parsed.records, {
        endsWithNewline: read.text.endsWith('\n'),
        hadBom: read.hadBom,
        crlfLines: read.crlfLines.length,
      });
      if (fixed.fixes.length > 0) {
        writeFileAtomic(file, fixed.text);
        fixes = fixed.fixes;
        // Report what remains after fixing, so the exit code says whether a human is still needed.
        const again = parseCsv(fixed.text, file);
        problems = lintCsvRecords(file, again.records, { globalUrls: global.urls, categories: categoriesFor(file), isGlobalList });
      }
    }
    return { file, kind: 'csv', problems, fixes };
  });

  const problems = results.flatMap((r) => r.problems).sort(compareProblems);
  return {
    files: results,
    problems,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
  };
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
