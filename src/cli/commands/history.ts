import { listRuns, type UnreadableRun } from '../../store/runs.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf } from './stored.ts';
import { EXIT } from '../../errors.ts';

/** `tekser history`: the runs on disk, newest first, with their counts. */
export function historyCommand(opts: { dataDir?: string; format?: 'table' | 'json' }, io: CommandIO): number {
  const dataDir = dataDirOf(opts, io.env);
  const unreadable: UnreadableRun[] = [];
  const runs = listRuns(dataDir, { unreadable });
  if (opts.format === 'json') {
    // Unreadable runs come last, with status "unreadable" and the problem in words.
    io.stdout(`${JSON.stringify([...runs.map((r) => r.record), ...unreadable.map((u) => ({ id: u.id, status: 'unreadable', problem: u.problem }))], null, 2)}\n`);
    return EXIT.ok;
  }
  if (runs.length === 0 && unreadable.length === 0) {
    io.stdout(`No runs yet in ${dataDir}. \`tekser run\` keeps each run there.\n`);
    return EXIT.ok;
  }
  const pad = (s: string, n: number): string => s.padEnd(n);
  io.stdout(`${pad('RUN', 24)}${pad('STARTED (UTC)', 21)}${pad('STATUS', 13)}${pad('TARGETS', 9)}${pad('OK', 6)}${pad('BLOCKED', 9)}${pad('DOWN', 6)}${pad('?', 5)}FINDINGS\n`);
  for (const { record: r } of runs) {
    const s = r.summary;
    const blocked = s ? s.blocked + s.partiallyBlocked : null;
    const n = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : String(x));
    io.stdout(
      `${pad(r.id, 24)}${pad(r.startedAt.replace('T', ' ').slice(0, 19), 21)}${pad(r.status, 13)}${pad(`${r.measured}/${r.targets}`, 9)}${pad(n(s?.accessible), 6)}${pad(n(blocked), 9)}${pad(n(s?.down), 6)}${pad(n(s?.inconclusive), 5)}${r.findings ? r.findings.map((f) => f.kind).join(', ') || '-' : '-'}\n`,
    );
  }
  for (const u of unreadable) io.stdout(`${pad(u.id, 24)}${pad('', 21)}${pad('unreadable', 13)}${u.problem} (${u.dir})\n`);
  return EXIT.ok;
}
