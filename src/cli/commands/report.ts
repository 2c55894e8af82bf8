import { cannotWriteMessage, said } from '../../i18n/said.ts';
import { writeFileSync } from 'node:fs';
import { currentLang, msg, render, t } from '../../i18n/index.ts';
import type { MessageParam } from '../../model/message.ts';
import { renderRunHtml, renderTimelineHtml } from '../../report/html.ts';
import { buildTimeline, timelineCsv, type ReportRun } from '../../report/timeline.ts';
import { listRuns, readResults } from '../../store/runs.ts';
import { EXIT, UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';

export interface ReportCommandOptions {
  dataDir?: string;
  output?: string;
  since?: string;
  csv?: string;
  includeBodies?: boolean;
}

/** A usage error said in the reader's language (its English text for scripts and logs). */
function usage(key: string, params: Record<string, string>): UsageError {
  const err = new UsageError(render('en', msg(key, params)));
  err.why = { key, params };
  return err;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since`: a duration back from now (90m, 24h, 7d) or a date/time (2026-11-22, 2026-11-22T14:00Z). */
export function parseSince(value: string, now: Date): Date {
  const ago = /^(\d+(?:\.\d+)?)\s*([mhd])$/i.exec(value.trim());
  if (ago) return new Date(now.getTime() - Number(ago[1]) * (UNIT_MS[(ago[2] as string).toLowerCase()] as number));
  // A date or time without a zone is UTC, like every time tekser writes.
  const iso = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?$/.test(value.trim()) ? `${value.trim().replace(' ', 'T')}${value.includes(':') ? 'Z' : 'T00:00:00Z'}` : value;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw usage('html.err.since', { value });
  return new Date(time);
}

function write(file: string, text: string, flag: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(said(msg('cli.err.flag-file', { flag, file, problem: cannotWriteMessage(e) })));
  }
}

/** `tekser report [run…]`: one self-contained HTML page for one run, or a timeline of several (default: the last 24 h). */
export function reportCommand(refs: string[], opts: ReportCommandOptions, io: CommandIO, now: Date = new Date()): number {
  const dataDir = dataDirOf(opts, io.env);
  let runs: ReportRun[];
  if (refs.length) {
    runs = refs.map((ref) => requireRun(dataDir, ref, io));
  } else {
    const since = parseSince(opts.since ?? '24h', now);
    runs = listRuns(dataDir)
      .filter((r) => Date.parse(r.record.startedAt) >= since.getTime())
      .map((r) => ({ record: r.record, results: readResults(r.dir) }));
    if (runs.length === 0) throw usage('html.err.noRuns', { since: since.toISOString().slice(0, 16).replace('T', ' '), dir: dataDir, command: 'tekser history' });
  }
  const lang = currentLang();
  const pageOpts = { includeBodies: Boolean(opts.includeBodies), now, lang };
  const html = runs.length === 1 ? renderRunHtml(runs[0] as ReportRun, pageOpts) : renderTimelineHtml(runs, pageOpts);
  if (opts.csv) write(opts.csv, timelineCsv(buildTimeline(runs), { lang }), '--csv');
  if (!opts.output) {
    io.stdout(html);
    return EXIT.ok;
  }
  write(opts.output, html, '--output');
  const targets = new Set(runs.flatMap((r) => r.results.map((x) => x.target.url))).size;
  const said: Record<string, MessageParam> = { file: opts.output, targets, kib: Math.ceil(Buffer.byteLength(html) / 1024) };
  const wrote = runs.length === 1 ? t(lang, 'html.cli.wroteRun', { ...said, id: runs[0]?.record.id ?? '' }) : t(lang, 'html.cli.wroteRuns', { ...said, count: runs.length });
  io.stderr(`${wrote}${opts.csv ? t(lang, 'html.cli.csv', { csv: opts.csv }) : ''}\n`);
  return EXIT.ok;
}
