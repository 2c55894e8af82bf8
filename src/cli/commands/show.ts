import { makeChalk } from '../../report/color.ts';
import { renderTable } from '../../report/table.ts';
import { StepTally } from '../../report/next-steps.ts';
import { RUN_SCHEMA_ID, type TargetResultJson } from '../../model/run.ts';
import { summarize } from '../../report/json.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';
import { EXIT } from '../../errors.ts';

export const labelOf = (t: TargetResultJson['target']): string => (t.kind === 'service' ? `${t.name} (${t.serviceKind})` : t.url);

/** `tekser show RUN`: a stored run, re-rendered as the table or JSON. */
export function showCommand(ref: string, opts: { dataDir?: string; format?: 'table' | 'json' | 'jsonl'; verbose?: boolean; color?: boolean }, io: CommandIO): number {
  const run = requireRun(dataDirOf(opts, io.env), ref, io);
  const r = run.record;
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ schema: RUN_SCHEMA_ID, run: r, summary: summarize(run.results), findings: r.findings ?? [], results: run.results }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (opts.format === 'jsonl') {
    for (const line of run.results) io.stdout(`${JSON.stringify(line)}\n`);
    return EXIT.ok;
  }
  const chalk = makeChalk({ isTTY: io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
  const header = `run ${r.id} — ${r.startedAt.replace('T', ' ').slice(0, 19)} UTC — ${r.status}${r.status !== 'complete' ? ` (${run.results.length} of ${r.targets} targets finished)` : ''}`;
  const tally = new StepTally();
  for (const x of run.results) tally.add(x);
  const steps = tally.steps((r.findings ?? []).map((f) => f.kind), r.id);
  const width = io.stdoutIsTTY && process.stdout.columns ? { width: process.stdout.columns } : {};
  io.stdout(renderTable(run.results.map((x) => ({ label: labelOf(x.target), verdict: x.verdict })), { chalk, header, findings: r.findings ?? [], steps, verbose: Boolean(opts.verbose), ...width }));
  return EXIT.ok;
}
