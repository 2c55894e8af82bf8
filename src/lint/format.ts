import type { ListProblem } from '../lists/problem.ts';
import { LINT_RULES, RULE_BY_ID } from './rules.ts';
import type { LintReport } from './lint-paths.ts';

export const LINT_FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** GitHub shows 10 error and 10 warning annotations per step; the rest would be silently dropped. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

export function defaultLintFormat(env: NodeJS.ProcessEnv): LintFormat {
  return env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKFLOW ? 'github' : 'text';
}

export function formatLintReport(report: LintReport, format: LintFormat, version: string): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
    case 'github':
      return githubReport(report);
    case 'sarif':
      return `${JSON.stringify(sarifReport(report, version), null, 2)}\n`;
    case 'text':
      return textReport(report);
  }
}

function location(p: ListProblem): string {
  return `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}`;
}

function summary(report: LintReport): string {
  const files = report.files.length;
  const fixed = report.files.reduce((n, f) => n + f.fixes.length, 0);
  const parts = [`${report.errorCount} error(s), ${report.warningCount} warning(s) in ${files} file(s)`];
  if (fixed) parts.push(`${fixed} fix(es) applied`);
  return parts.join('; ');
}

function fixLines(report: LintReport): string[] {
  return report.files.flatMap((f) => f.fixes.map((x) => `${f.file}:${x.line}: fixed ${x.description} [${x.ruleId}]`));
}

function textReport(report: LintReport): string {
  const lines = [...fixLines(report), ...report.problems.map((p) => `${location(p)}: ${p.severity} ${p.message} [${p.ruleId}]`)];
  lines.push(report.errorCount === 0 ? `ok: ${summary(report)}` : summary(report));
  return `${lines.join('\n')}\n`;
}

function jsonReport(report: LintReport): object {
  return {
    schema: 'tekser/lint/v1',
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    files: report.files.map((f) => ({ file: f.file, kind: f.kind, fixes: f.fixes })),
    problems: report.problems.map((p) => ({
      file: p.file,
      line: p.line,
      column: p.column ?? null,
      severity: p.severity,
      ruleId: p.ruleId,
      message: p.message,
      value: p.value ?? null,
    })),
  };
}

/** actions/toolkit escaping: data escapes % CR LF; property values also : and ,. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function githubReport(report: LintReport): string {
  const out: string[] = [];
  const shown = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  // Errors first so the cap never hides an error behind a warning.
  const ordered = [...report.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const p of ordered) {
    if (shown[p.severity] >= GITHUB_ANNOTATIONS_PER_KIND) {
      hidden[p.severity]++;
      continue;
    }
    shown[p.severity]++;
    const props = [`file=${escapeGithubProperty(p.file)}`, `line=${p.line}`];
    if (p.column) props.push(`col=${p.column}`);
    props.push(`title=${escapeGithubProperty(p.ruleId)}`);
    out.push(`::${p.severity} ${props.join(',')}::${escapeGithubData(p.message)}`);
  }
  if (hidden.error + hidden.warning > 0) {
    out.push(
      `::notice::${escapeGithubData(`${hidden.error} more error(s) and ${hidden.warning} more warning(s) not annotated (GitHub shows ${GITHUB_ANNOTATIONS_PER_KIND} of each); all are listed below`)}`,
    );
  }
  out.push('::group::tekser lint: all problems');
  out.push(...fixLines(report), ...report.problems.map((p) => `${location(p)}: ${p.severity} ${escapeGithubData(p.message)} [${p.ruleId}]`));
  out.push('::endgroup::');
  out.push(summary(report));
  return `${out.join('\n')}\n`;
}

function sarifReport(report: LintReport, version: string): object {
  const used = new Set(report.problems.map((p) => p.ruleId));
  const rules = LINT_RULES.filter((r) => used.has(r.id));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tekser',
            version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.title,
              shortDescription: { text: r.title },
              help: { text: r.help },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        results: report.problems.map((p) => ({
          ruleId: p.ruleId,
          ruleIndex: rules.findIndex((r) => r.id === p.ruleId),
          level: RULE_BY_ID.get(p.ruleId)?.severity ?? p.severity,
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: p.file.split('\\').join('/') },
                region: { startLine: Math.max(1, p.line), ...(p.column ? { startColumn: p.column } : {}) },
              },
            },
          ],
        })),
      },
    ],
  };
}
