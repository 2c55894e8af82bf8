import { describe, expect, it } from 'vitest';
import type { ListProblem } from '../lists/problem.ts';
import { escapeGithubProperty, formatLintReport } from './format.ts';
import type { LintReport } from './lint-paths.ts';

function report(problems: ListProblem[]): LintReport {
  return {
    files: [{ file: 'lists/kz.csv', kind: 'csv', problems, fixes: [] }],
    problems,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
  };
}
const err = (line: number, message = 'Invalid Date "2024-1-05"'): ListProblem => ({ file: 'lists/kz.csv', line, ruleId: 'date-invalid', severity: 'error', message });
const warn = (line: number): ListProblem => ({ file: 'lists/kz.csv', line, ruleId: 'url-variant', severity: 'warning', message: 'Variant' });

describe('lint formatters', () => {
  it('github: escapes data and properties the way actions/toolkit does', () => {
    const out = formatLintReport(report([{ ...err(3, '100% bad\nnext'), file: 'a,b:c.csv' }]), 'github', '0.1.0');
    expect(out).toContain('::error file=a%2Cb%3Ac.csv,line=3,title=date-invalid::100%25 bad%0Anext');
    expect(escapeGithubProperty('x,y:z%')).toBe('x%2Cy%3Az%25');
  });

  it('github: annotates at most 10 errors and 10 warnings, errors first, and says how many were left out', () => {
    const problems = [...Array.from({ length: 12 }, (_, i) => warn(i + 1)), ...Array.from({ length: 13 }, (_, i) => err(i + 20))];
    const lines = formatLintReport(report(problems), 'github', '0.1.0').split('\n');
    const errorsAnn = lines.filter((l) => l.startsWith('::error '));
    const warningsAnn = lines.filter((l) => l.startsWith('::warning '));
    expect(errorsAnn).toHaveLength(10);
    expect(warningsAnn).toHaveLength(10);
    expect(lines.findIndex((l) => l.startsWith('::error '))).toBeLessThan(lines.findIndex((l) => l.startsWith('::warning ')));
    expect(lines.find((l) => l.startsWith('::notice::'))).toContain('3 more error(s) and 2 more warning(s)');
    // Nothing is lost: the full listing follows in a group.
    expect(lines.filter((l) => /^lists\/kz\.csv:\d+: /.test(l))).toHaveLength(25);
  });

  it('sarif: a 2.1.0 log whose results point at rules and lines', () => {
    const sarif = JSON.parse(formatLintReport(report([err(7), warn(9)]), 'sarif', '9.9.9'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.version).toBe('9.9.9');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['date-invalid', 'url-variant']);
    expect(run.results[0]).toMatchObject({
      ruleId: 'date-invalid',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'lists/kz.csv' }, region: { startLine: 7 } } }],
    });
  });

  it('json and text carry rule id, line and severity', () => {
    const json = JSON.parse(formatLintReport(report([err(7)]), 'json', '0.1.0'));
    expect(json.problems[0]).toMatchObject({ file: 'lists/kz.csv', line: 7, ruleId: 'date-invalid', severity: 'error' });
    expect(formatLintReport(report([err(7)]), 'text', '0.1.0')).toContain('lists/kz.csv:7: error Invalid Date "2024-1-05" [date-invalid]');
  });
});
