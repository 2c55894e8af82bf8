import type { LintMore } from '../lint/bound.ts';
import type { LintCounts, LintSink } from '../lint/lint-paths.ts';
import type { ListProblem } from '../lists/problem.ts';

/** Problems listed by name in the step summary; the rest are counted by rule. */
export const SUMMARY_PROBLEMS = 20;

/** Collects what the job's step summary shows, in flat memory: counts by rule and the first problems. */
export interface SummarySink extends LintSink {
  more(m: LintMore): void;
  markdown(counts: LintCounts, note: string | null): string;
}

const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function summarySink(): SummarySink {
  const byRule = new Map<string, { severity: string; count: number }>();
  const first: ListProblem[] = [];
  const count = (ruleId: string, severity: string, n: number): void => {
    const r = byRule.get(ruleId) ?? { severity, count: 0 };
    r.count += n;
    byRule.set(ruleId, r);
  };
  return {
    file: () => {},
    problem: (p) => {
      count(p.ruleId, p.severity, 1);
      if (first.length < SUMMARY_PROBLEMS) first.push(p);
    },
    more: (m) => count(m.ruleId, m.severity, m.count),
    markdown: (counts, note) => {
      const lines = ['## tekser lint', ''];
      const verdict = counts.errorCount > 0 ? '❌' : counts.warningCount > 0 ? '⚠️' : '✅';
      lines.push(`${verdict} **${counts.errorCount} error(s), ${counts.warningCount} warning(s)** in ${counts.files} file(s).`);
      if (note) lines.push('', note);
      if (byRule.size > 0) {
        lines.push('', '| rule | severity | problems |', '|---|---|---:|');
        for (const [id, r] of [...byRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))) lines.push(`| \`${id}\` | ${r.severity} | ${r.count} |`);
        const total = counts.errorCount + counts.warningCount;
        lines.push('', total > first.length ? `The first ${first.length} of ${total}:` : 'Problems:', '', '| file | line | rule | message |', '|---|---:|---|---|');
        for (const p of first) lines.push(`| ${cell(p.file)} | ${p.line || ''} | \`${p.ruleId}\` | ${cell(p.message)} |`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}
