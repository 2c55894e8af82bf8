import { diffRuns, type TargetChange } from '../../store/diff.ts';
import { listRuns } from '../../store/runs.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';

const WORDS: Record<TargetChange['kind'], string> = {
  'became-blocked': 'now blocked',
  unblocked: 'unblocked',
  'method-changed': 'blocked differently',
  'status-changed': 'changed',
  added: 'new target',
  removed: 'no longer tested',
};
const state = (x: TargetChange['from']): string => (x ? `${x.status}${x.method ? ` (${x.method})` : ''}` : '-');

/** `tekser diff [OLD] [NEW]`: what changed between two runs (default: the last two). */
export function diffCommand(oldRef: string | undefined, newRef: string | undefined, opts: { dataDir?: string; failOnChange?: boolean; format?: 'text' | 'json'; quiet?: boolean }, io: CommandIO): number {
  const dataDir = dataDirOf(opts, io.env);
  const stored = oldRef ? null : listRuns(dataDir).length;
  if (stored !== null && stored < 2) {
    // The first cron run has nothing to compare with: that is not worth a mail.
    if (opts.quiet) return EXIT.ok;
    throw new UsageError(`diff needs two runs; ${dataDir} has ${stored}`);
  }
  const newer = requireRun(dataDir, newRef ?? 'last');
  const older = requireRun(dataDir, oldRef ?? 'last~1');
  const d = diffRuns({ results: older.results, findings: older.record.findings ?? [] }, { results: newer.results, findings: newer.record.findings ?? [] });
  const changed = d.changes.length + d.findingsAppeared.length + d.findingsVanished.length > 0;
  if (opts.quiet && !changed) return EXIT.ok;
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ old: older.record.id, new: newer.record.id, ...d }, null, 2)}\n`);
  } else {
    const lines = [`${older.record.id} → ${newer.record.id}`];
    for (const c of d.changes) lines.push(`  ${WORDS[c.kind].padEnd(20)} ${c.target}: ${state(c.from)} → ${state(c.to)}`);
    for (const f of d.findingsAppeared) lines.push(`  + finding: ${f.title}`);
    for (const f of d.findingsVanished) lines.push(`  - finding: ${f.title}`);
    if (!changed) lines.push('  no changes');
    io.stdout(`${lines.join('\n')}\n`);
  }
  return changed && opts.failOnChange ? EXIT.findings : EXIT.ok;
}
