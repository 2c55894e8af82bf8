import { listRuns, type StoredRun, type UnreadableRun } from '../../store/runs.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf } from './stored.ts';
import { EXIT } from '../../errors.ts';

type Listed = { run: StoredRun } | { unreadable: UnreadableRun };
const idOf = (l: Listed): string => ('run' in l ? l.run.record.id : l.unreadable.id);

/** Every run directory, readable or not, newest first by id (ids start with the start time), so a damaged run stands where it ran. */
function inDateOrder(runs: StoredRun[], unreadable: UnreadableRun[]): Listed[] {
  const all: Listed[] = [...runs.map((run) => ({ run })), ...unreadable.map((u) => ({ unreadable: u }))];
  return all.sort((a, b) => (idOf(a) < idOf(b) ? 1 : idOf(a) > idOf(b) ? -1 : 0));
}

const pad = (s: string, n: number): string => s.padEnd(n);
const n = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : String(x));

/** One row of the history table. */
function historyRow(l: Listed): string {
  if ('unreadable' in l) return `${pad(l.unreadable.id, 24)}${pad('', 21)}${pad('unreadable', 13)}${l.unreadable.problem} (${l.unreadable.dir})\n`;
  const r = l.run.record;
  const s = r.summary;
  const blocked = s ? s.blocked + s.partiallyBlocked : null;
  const findings = r.findings ? r.findings.map((f) => f.kind).join(', ') || '-' : '-';
  return `${pad(r.id, 24)}${pad(r.startedAt.replace('T', ' ').slice(0, 19), 21)}${pad(r.status, 13)}${pad(`${r.measured}/${r.targets}`, 9)}${pad(n(s?.accessible), 6)}${pad(n(blocked), 9)}${pad(n(s?.down), 6)}${pad(n(s?.inconclusive), 5)}${findings}\n`;
}

/** `tekser history`: the runs on disk, newest first, with their counts. */
export function historyCommand(opts: { dataDir?: string; format?: 'table' | 'json' }, io: CommandIO): number {
  const dataDir = dataDirOf(opts, io.env);
  const unreadable: UnreadableRun[] = [];
  const listed = inDateOrder(listRuns(dataDir, { unreadable }), unreadable);
  if (opts.format === 'json') {
    // Unreadable runs stand in date order too, with status "unreadable" and the problem in words.
    io.stdout(`${JSON.stringify(listed.map((l) => ('run' in l ? l.run.record : { id: l.unreadable.id, status: 'unreadable', problem: l.unreadable.problem })), null, 2)}\n`);
    return EXIT.ok;
  }
  if (listed.length === 0) {
    io.stdout(`No runs yet in ${dataDir}. \`tekser run\` keeps each run there.\n`);
    return EXIT.ok;
  }
  io.stdout(`${pad('RUN', 24)}${pad('STARTED (UTC)', 21)}${pad('STATUS', 13)}${pad('TARGETS', 9)}${pad('OK', 6)}${pad('BLOCKED', 9)}${pad('DOWN', 6)}${pad('?', 5)}FINDINGS\n`);
  for (const l of listed) io.stdout(historyRow(l));
  return EXIT.ok;
}
