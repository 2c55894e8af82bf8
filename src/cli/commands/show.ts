import { makeChalk } from '../../report/color.ts';
import { renderTable } from '../../report/table.ts';
import { RUN_SCHEMA_ID, type TargetResultJson } from '../../model/run.ts';
import { summarize } from '../../report/json.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';

export const labelOf = (t: TargetResultJson['target']): string => (t.kind === 'service' ? `${t.name} (${t.serviceKind})` : t.url);

/** `tekser show RUN`: a stored run, re-rendered as the table or JSON. */
export function showCommand(ref: string, opts: { dataDir?: string; format?: 'table' | 'json' | 'jsonl'; verbose?: boolean; color?: boolean }, io: CommandIO): number {
  const run = requireRun(dataDirOf(opts, io.env), ref);
  const r = run.record;
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ schema: RUN_SCHEMA_ID, run: r, summary: summarize(run.results), findings: r.findings ?? [], results: run.results }, null, 2)}\n`);
    return 0;
  }
  if (opts.format === 'jsonl') {
    for (const line of run.results) io.stdout(`${JSON.stringify(line)}\n`);
    return 0;
  }
  const chalk = makeChalk({ isTTY: io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
  const header = `run ${r.id} — ${r.startedAt.replace('T', ' ').slice(0, 19)} UTC — ${r.status}${r.status !== 'complete' ? ` (${run.results.length} of ${r.targets} targets finished)` : ''}`;
  io.stdout(renderTable(run.results.map((x) => ({ label: labelOf(x.target), verdict: x.verdict })), { chalk, header, findings: r.findings ?? [], verbose: Boolean(opts.verbose) }));
  return 0;
}
