import { diffRuns, PARTIAL_STATUSES, type TargetChange } from '../../store/diff.ts';
import type { StoredRun } from '../../store/runs.ts';
import { listRuns } from '../../store/runs.ts';
import { EXIT, UsageError } from '../../errors.ts';
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
  const newer = requireRun(dataDir, newRef ?? 'last', io);
  const older = requireRun(dataDir, oldRef ?? 'last~1', io);
  // Partial: stopped early, or finished with fewer targets kept than it measured (a full disk).
  const isPartial = (r: typeof older): boolean => PARTIAL_STATUSES.includes(r.record.status) || r.results.length < r.record.targets;
  const olderPartial = isPartial(older);
  const newerPartial = isPartial(newer);
  const d = diffRuns(
    { results: older.results, findings: older.record.findings ?? [], partial: olderPartial },
    { results: newer.results, findings: newer.record.findings ?? [], partial: newerPartial },
  );
  const changed = d.changes.length + d.findingsAppeared.length + d.findingsVanished.length + d.findingsChanged.length > 0;
  if (opts.quiet && !changed) return EXIT.ok;
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ old: older.record.id, new: newer.record.id, oldStatus: older.record.status, newStatus: newer.record.status, ...d }, null, 2)}\n`);
  } else {
    const lines = [`${older.record.id} → ${newer.record.id}`];
    if (d.comparedOn !== null) lines.push(`  note: ${partialNote(olderPartial ? older : null, newerPartial ? newer : null, d.comparedOn)}`);
    for (const c of d.changes) lines.push(`  ${WORDS[c.kind].padEnd(20)} ${c.target}: ${state(c.from)} → ${state(c.to)}`);
    for (const f of d.findingsAppeared) lines.push(`  + finding: ${f.title}`);
    for (const f of d.findingsVanished) lines.push(`  - finding: ${f.title}`);
    for (const f of d.findingsChanged) lines.push(`  ~ finding: ${f.title} (${countChange(f.from, f.to)})`);
    if (!changed) lines.push('  no changes');
    io.stdout(`${lines.join('\n')}\n`);
  }
  return changed && opts.failOnChange ? EXIT.findings : EXIT.ok;
}

const targets = (n: number): string => `${n} target${n === 1 ? '' : 's'}`;
/** "1 target before, 106 now", or "other targets, 3 as before". */
const countChange = (from: number, to: number): string => (from === to ? `other targets, ${targets(to)} as before` : `${targets(from)} before, ${to} now`);

const STOPPED: Record<string, string> = { interrupted: 'was interrupted', deadline: 'ran out of time (--max-runtime)', running: 'is still running' };

/** One line: which run stopped early, and what the comparison was restricted to. */
function partialNote(older: (StoredRun & { results: unknown[] }) | null, newer: (StoredRun & { results: unknown[] }) | null, comparedOn: number): string {
  const part = (which: string, r: StoredRun & { results: unknown[] }): string =>
    STOPPED[r.record.status] ? `the ${which} run ${STOPPED[r.record.status]} after ${r.results.length} of ${r.record.targets} targets` : `the ${which} run kept only ${r.results.length} of ${r.record.targets} targets`;
  const said = [older ? part('earlier', older) : null, newer ? part('later', newer) : null].filter(Boolean).join(' and ');
  return `${said}: compared on the ${comparedOn} target(s) both runs measured`;
}
