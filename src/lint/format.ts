import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ListProblem } from '../lists/problem.ts';
import { RULE_BY_ID, type LintRule } from './rules.ts';
import { moreText, type LintMore } from './bound.ts';
import type { LintCounts, LintFileSummary, LintReport, LintSink } from './lint-paths.ts';
import { currentLang, t, textOf, type Lang } from '../i18n/index.ts';

export const LINT_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** GitHub shows 10 error and 10 warning annotations per step; the rest would be silently dropped. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

export function defaultLintFormat(env: NodeJS.ProcessEnv): LintFormat {
  return env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKFLOW ? 'github' : 'text';
}

/**
 * A lint sink that writes the report as findings arrive: nothing but the GitHub annotations
 * (at most 10 of each kind) and the file summaries is kept, so any number of problems fits in
 * flat memory. Call `end` with the counts once the linter is done.
 */
export interface LintReporter extends LintSink {
  /** Problems of one rule in one file folded into one line (see bound.ts). */
  more(m: LintMore): void;
  end(counts: LintCounts): void;
}

/** Batches small writes (one per problem) into ~64 KiB ones. */
function batched(write: (text: string) => void): { put: (s: string) => void; flush: () => void } {
  let buf = '';
  return {
    put: (s) => {
      buf += s;
      if (buf.length >= 65536) {
        write(buf);
        buf = '';
      }
    },
    flush: () => {
      if (buf) write(buf);
      buf = '';
    },
  };
}

/** `lang` is for the text and GitHub formats (a person reads them); JSON and SARIF stay in English for machines. */
export function createLintReporter(format: LintFormat, version: string, write: (text: string) => void, drained?: () => Promise<void> | null, lang: Lang = currentLang()): LintReporter {
  const out = batched(write);
  const reporter = reporterFor(format, version, out, lang);
  if (drained) reporter.pause = drained;
  return reporter;
}

function reporterFor(format: LintFormat, version: string, out: ReturnType<typeof batched>, lang: Lang): LintReporter {
  switch (format) {
    case 'text':
      return {
        file: (f) => fixLines(f, lang).forEach((l) => out.put(`${l}\n`)),
        problem: (p) => out.put(`${problemLine(p, lang, p.message)}\n`),
        more: (m) => out.put(`${moreLine(m, lang)}\n`),
        end: (c) => {
          out.put(`${c.errorCount === 0 ? `ok: ${summary(c, lang)}` : summary(c, lang)}\n`);
          out.flush();
        },
      };
    case 'github':
      return githubReporter(out, lang);
    case 'json':
      return jsonReporter(out);
    case 'sarif':
      return sarifReporter(out, version);
  }
}

/** The whole report as one string (API and tests; the CLI streams with createLintReporter). */
export function formatLintReport(report: LintReport, format: LintFormat, version: string, lang: Lang = currentLang()): string {
  let text = '';
  const r = createLintReporter(format, version, (s) => void (text += s), undefined, lang);
  for (const f of report.files) {
    r.file(f);
    for (const p of f.problems) r.problem(p);
  }
  r.end({
    files: report.files.length,
    fixes: report.files.reduce((n, f) => n + f.fixes.length, 0),
    errorCount: report.errorCount,
    warningCount: report.warningCount,
  });
  return text;
}

/** The fold in the listing, placed like a problem at its first row. */
function moreLine(m: LintMore, lang: Lang): string {
  return `${m.firstLine > 0 ? `${m.file}:${m.firstLine}` : m.file}: ${t(lang, `lint.severity.${m.severity}`)} ${moreText(m, lang)} [${m.ruleId}]`;
}

/** One problem in the listing: place, severity, words (in the reader's language), rule id. `text` is the words as the format escapes them. */
function problemLine(p: ListProblem, lang: Lang, english: string, escape: (s: string) => string = (s) => s): string {
  const words = lang === 'en' ? english : escape(textOf(lang, p.why, p.message));
  return `${location(p)}: ${t(lang, `lint.severity.${p.severity}`)} ${words} [${p.ruleId}]`;
}

/** file:line[:column], or just the file for a problem with the whole file (line 0). */
function location(p: ListProblem): string {
  if (p.line <= 0) return p.file;
  return `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}`;
}

function summary(c: LintCounts, lang: Lang): string {
  const parts = [t(lang, 'lint.summary', { errors: c.errorCount, warnings: c.warningCount, files: c.files })];
  if (c.fixes) parts.push(t(lang, 'lint.fixes-applied', { count: c.fixes }));
  return parts.join('; ');
}

function fixLines(f: LintFileSummary, lang: Lang): string[] {
  return f.fixes.map((x) => `${f.file}:${x.line}: ${t(lang, 'lint.fixed', { what: textOf(lang, x.why, x.description) })} [${x.ruleId}]`);
}

/** actions/toolkit escaping: data escapes % CR LF; property values also : and ,. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The full listing goes out in a collapsed group as problems arrive; the annotations (errors before
 * warnings, so the cap never hides an error behind a warning) follow it, since GitHub reads workflow
 * commands wherever they appear in the log.
 */
function githubReporter(out: ReturnType<typeof batched>, lang: Lang): LintReporter {
  const kept: Record<'error' | 'warning', ListProblem[]> = { error: [], warning: [] };
  const hidden = { error: 0, warning: 0 };
  let opened = false;
  const open = (): void => {
    if (!opened) out.put(`::group::${t(lang, 'lint.group')}\n`);
    opened = true;
  };
  const annotation = (p: ListProblem): string => {
    const props = [`file=${escapeGithubProperty(p.file)}`];
    if (p.line > 0) props.push(`line=${p.line}`);
    if (p.column) props.push(`col=${p.column}`);
    props.push(`title=${escapeGithubProperty(p.ruleId)}`);
    return `::${p.severity} ${props.join(',')}::${escapeGithubData(textOf(lang, p.why, p.message))}\n`;
  };
  return {
    file: (f) => {
      open();
      for (const l of fixLines(f, lang)) out.put(`${l}\n`);
    },
    problem: (p) => {
      open();
      out.put(`${problemLine(p, lang, escapeGithubData(p.message), escapeGithubData)}\n`);
      if (kept[p.severity].length < GITHUB_ANNOTATIONS_PER_KIND) kept[p.severity].push(p);
      else hidden[p.severity]++;
    },
    more: (m) => {
      open();
      out.put(`${escapeGithubData(moreLine(m, lang))}\n`);
      hidden[m.severity] += m.count;
    },
    end: (c) => {
      open();
      out.put('::endgroup::\n');
      for (const p of kept.error) out.put(annotation(p));
      for (const p of kept.warning) out.put(annotation(p));
      if (hidden.error + hidden.warning > 0) {
        out.put(
          `::notice::${escapeGithubData(t(lang, 'lint.not-annotated', { errors: hidden.error, warnings: hidden.warning, max: GITHUB_ANNOTATIONS_PER_KIND }))}\n`,
        );
      }
      out.put(`${summary(c, lang)}\n`);
      out.flush();
    },
  };
}

/** Problems stream out first; files, folds and counts, known only at the end, follow them. */
function jsonReporter(out: ReturnType<typeof batched>): LintReporter {
  const files: object[] = [];
  const omitted: object[] = [];
  let n = 0;
  out.put('{\n  "schema": "tekser/lint/v1",\n  "problems": [');
  return {
    file: (f) => void files.push({ file: f.file, kind: f.kind, fixes: f.fixes.map(({ line, ruleId, description }) => ({ line, ruleId, description })) }),
    problem: (p) => {
      const row = { file: p.file, line: p.line, column: p.column ?? null, severity: p.severity, ruleId: p.ruleId, message: p.message, value: p.value ?? null };
      out.put(`${n++ ? ',' : ''}\n    ${JSON.stringify(row)}`);
    },
    more: (m) => void omitted.push({ file: m.file, ruleId: m.ruleId, severity: m.severity, count: m.count, firstLine: m.firstLine, lastLine: m.lastLine, message: moreText(m) }),
    end: (c) => {
      const tail = `"files": ${JSON.stringify(files)},\n  "omitted": ${JSON.stringify(omitted)},\n  "errorCount": ${c.errorCount},\n  "warningCount": ${c.warningCount}`;
      out.put(`${n ? '\n  ' : ''}],\n  ${tail}\n}\n`);
      out.flush();
    },
  };
}

/**
 * SARIF `artifactLocation.uri` is a URI reference: a relative path has each segment percent-encoded
 * (a space, `%` or `#` would otherwise break it), an absolute one becomes a file: URL.
 */
export function sarifUri(file: string): string {
  const slashed = file.split('\\').join('/');
  if (isAbsolute(file) || slashed.startsWith('/')) return pathToFileURL(file).href;
  return slashed.split('/').map(encodeURIComponent).join('/');
}

/** Results stream out; the rules they point at (by first use) and the tool follow them. A fold is one result with its count (`occurrenceCount`) over its rows. */
function sarifReporter(out: ReturnType<typeof batched>, version: string): LintReporter {
  const ruleIndex = new Map<string, number>();
  const rules: LintRule[] = [];
  let n = 0;
  const indexOf = (ruleId: string): number => {
    let idx = ruleIndex.get(ruleId);
    const rule = RULE_BY_ID.get(ruleId);
    if (idx === undefined && rule) {
      idx = rules.push(rule) - 1;
      ruleIndex.set(ruleId, idx);
    }
    return idx ?? -1;
  };
  const put = (result: object): void => out.put(`${n++ ? ',' : ''}\n        ${JSON.stringify(result)}`);
  out.put('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [');
  return {
    file: () => {},
    problem: (p) => {
      const region = { startLine: Math.max(1, p.line), ...(p.column ? { startColumn: p.column } : {}) };
      put(sarifResult(p.ruleId, indexOf(p.ruleId), p.severity, p.message, p.file, region));
    },
    more: (m) => {
      const region = { startLine: Math.max(1, m.firstLine), endLine: Math.max(1, m.lastLine) };
      put({ ...sarifResult(m.ruleId, indexOf(m.ruleId), m.severity, moreText(m), m.file, region), occurrenceCount: m.count });
    },
    end: () => {
      const driver = {
        name: 'tekser',
        version,
        rules: rules.map((r) => ({ id: r.id, name: r.title, shortDescription: { text: r.title }, help: { text: r.help }, defaultConfiguration: { level: r.severity } })),
      };
      out.put(`${n ? '\n      ' : ''}],\n      "tool": { "driver": ${JSON.stringify(driver)} }\n    }\n  ]\n}\n`);
      out.flush();
    },
  };
}

function sarifResult(ruleId: string, ruleIndex: number, severity: string, text: string, file: string, region: object): object {
  const level = RULE_BY_ID.get(ruleId)?.severity ?? severity;
  return { ruleId, ruleIndex, level, message: { text }, locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(file) }, region } }] };
}
