import { makeChalk } from '../../report/color.ts';
import { renderTable } from '../../report/table.ts';
import { StepTally } from '../../report/next-steps.ts';
import { RUN_SCHEMA_ID, type RunRecord, type TargetResultJson } from '../../model/run.ts';
import { summarize } from '../../report/json.ts';
import { currentLang, isLang, t, type Lang } from '../../i18n/index.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';
import { EXIT } from '../../errors.ts';

export const labelOf = (t: TargetResultJson['target']): string => (t.kind === 'service' ? `${t.name} (${t.serviceKind})` : t.url);

/** The table's first line for a stored run: its id, when it started, how it ended (and how far a partial run got). */
export function showHeader(r: RunRecord, finished: number, lang: Lang): string {
  const head = t(lang, 'text.show.header', { id: r.id, time: r.startedAt.replace('T', ' ').slice(0, 19), status: t(lang, `text.run-status.${r.status}`) });
  return r.status !== 'complete' ? head + t(lang, 'text.show.partial', { done: finished, count: r.targets }) : head;
}

/** `tekser show RUN`: a stored run, re-rendered as the table or JSON. */
export function showCommand(ref: string, opts: { dataDir?: string; format?: 'table' | 'json' | 'jsonl'; verbose?: boolean; color?: boolean; lang?: Lang }, io: CommandIO): number {
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
  const lang = isLang(opts.lang) ? opts.lang : currentLang();
  const chalk = makeChalk({ isTTY: io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
  const tally = new StepTally();
  for (const x of run.results) tally.add(x);
  const steps = tally.steps((r.findings ?? []).map((f) => f.kind), r.id, lang);
  const width = io.stdoutIsTTY && process.stdout.columns ? { width: process.stdout.columns } : {};
  const rows = run.results.map((x) => ({ label: labelOf(x.target), verdict: x.verdict }));
  io.stdout(renderTable(rows, { chalk, header: showHeader(r, run.results.length, lang), findings: r.findings ?? [], steps, verbose: Boolean(opts.verbose), lang, ...width }));
  return EXIT.ok;
}
