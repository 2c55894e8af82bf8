import type { Message } from '../../model/message.ts';
import { said } from '../../i18n/said.ts';
import { writeFileSync } from 'node:fs';
import { withDb } from '../../fleet/client.ts';
import { fleetText, renderFleetHtml } from '../../fleet/html.ts';
import { readFleet, readLastTwo, readRuns, type FleetRunRow } from '../../fleet/read.ts';
import { buildFleetView, fleetCsv } from '../../fleet/view.ts';
import type { FindingJson } from '../../model/finding.ts';
import type { TargetResultJson } from '../../model/run.ts';
import { diffRuns, type RunDiff } from '../../store/diff.ts';
import { EXIT, UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { msg, currentLang, t, verbatim } from '../../i18n/index.ts';
import { parseSince } from './report.ts';

// report, history and diff --from: the same commands, read from the fleet's PostgreSQL database
// (a reader role) instead of the data directory.

export interface FleetReadOptions {
  from: string;
  network?: string[];
  since?: string;
  output?: string;
  csv?: string;
  format?: string;
  quiet?: boolean;
  failOnChange?: boolean;
}

function write(file: string, text: string, flag: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(said(msg('cli.err.flag-file', { flag, file, problem: verbatim((e as NodeJS.ErrnoException).code ?? (e as Error).message) })));
  }
}

/** "no runs in the fleet database since …": nothing to show for that time (and those networks). */
function noFleetRuns(since: Date, networks: readonly string[]): Message {
  const at = since.toISOString().slice(0, 16).replace('T', ' ');
  return networks.length ? msg('cli.err.no-fleet-runs.networks', { since: at, networks: networks.join(', ') }) : msg('cli.err.no-fleet-runs', { since: at });
}

/** `report --from URL`: the fleet's page (HTML to -o or stdout), --csv for the table; the words on stderr with -o. */
export async function fleetReportCommand(opts: FleetReadOptions, io: CommandIO, now: Date = new Date()): Promise<number> {
  const since = parseSince(opts.since ?? '24h', now);
  const data = await withDb(opts.from, (db) => readFleet(db, since, opts.network ?? []), 'cannot read the fleet database');
  if (data.networks.length === 0) throw new UsageError(said(noFleetRuns(since, opts.network ?? [])));
  const view = buildFleetView(data, since, now);
  if (opts.csv) write(opts.csv, fleetCsv(view), '--csv');
  const html = renderFleetHtml(view);
  if (!opts.output) {
    io.stdout(html);
    return EXIT.ok;
  }
  write(opts.output, html, '--output');
  const csv = opts.csv ? t(currentLang(), 'cli.fleet.csvIn', { file: opts.csv }) : '';
  io.stderr(`${t(currentLang(), 'cli.fleet.wrote', { file: opts.output, networks: view.networks.length, targets: view.targets.length, csv })}\n${fleetText(view)}`);
  return EXIT.ok;
}

const n = (x: number | undefined): string => (x === undefined ? '-' : String(x));

/** `history --from URL`: the runs the fleet pushed, newest first, with their network and probe. */
export async function fleetHistoryCommand(opts: FleetReadOptions, io: CommandIO, now: Date = new Date()): Promise<number> {
  const since = parseSince(opts.since ?? '7d', now);
  const runs = await withDb(opts.from, (db) => readRuns(db, since, opts.network ?? []), 'cannot read the fleet database');
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(runs, null, 2)}\n`);
    return EXIT.ok;
  }
  if (runs.length === 0) {
    io.stdout(`${t(currentLang(), 'cli.fleet.noRuns', { since: since.toISOString().slice(0, 16).replace('T', ' ') })}\n`);
    return EXIT.ok;
  }
  const pad = (s: string, w: number): string => s.padEnd(w);
  io.stdout(`${pad('NETWORK', 18)}${pad('PROBE', 16)}${pad('RUN', 24)}${pad('STARTED (UTC)', 18)}${pad('STATUS', 12)}${pad('OK', 6)}${pad('BLOCKED', 9)}FINDINGS\n`);
  for (const r of runs) {
    const s = r.summary;
    io.stdout(`${pad(r.network, 18)}${pad(r.probe, 16)}${pad(r.run_id, 24)}${pad(r.started_at.toISOString().slice(0, 16).replace('T', ' '), 18)}${pad(r.status, 12)}${pad(n(s?.accessible), 6)}${pad(s ? String(s.blocked + s.partiallyBlocked) : '-', 9)}${r.findings.join(', ') || '-'}\n`);
  }
  return EXIT.ok;
}

/** A probe's two newest runs as diffRuns takes them (verdicts by target key; findings as stored). */
function asRun(x: { run: FleetRunRow; verdicts: Array<{ target_key: string; status: string; method: string | null }>; findings: Array<{ kind: string; title: string; details: string[]; targets: string[] }> }) {
  const results = x.verdicts.map((v) => ({ target: { url: v.target_key }, verdict: { status: v.status, method: v.method } })) as unknown as TargetResultJson[];
  return { results, findings: x.findings as FindingJson[], partial: x.run.status !== 'complete' || x.verdicts.length < x.run.targets };
}

/** `diff --from URL [--network …]`: per probe, what changed between its last two runs. */
export async function fleetDiffCommand(opts: FleetReadOptions, io: CommandIO, now: Date = new Date()): Promise<number> {
  const since = parseSince(opts.since ?? '7d', now);
  const rows = await withDb(opts.from, (db) => readLastTwo(db, since, opts.network ?? []), 'cannot read the fleet database');
  const diffs: Array<{ network: string; probe: string; old: string; new: string; diff: RunDiff }> = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const older = rows[i];
    const newer = rows[i + 1];
    if (!older || !newer || older.run.probe !== newer.run.probe) continue;
    diffs.push({ network: newer.run.network, probe: newer.run.probe, old: older.run.run_id, new: newer.run.run_id, diff: diffRuns(asRun(older), asRun(newer)) });
  }
  const changed = diffs.filter((d) => d.diff.changes.length + d.diff.findingsAppeared.length + d.diff.findingsVanished.length > 0);
  if (opts.quiet && changed.length === 0) return EXIT.ok;
  if (opts.format === 'json') io.stdout(`${JSON.stringify(diffs, null, 2)}\n`);
  else io.stdout(diffText(diffs));
  return changed.length && opts.failOnChange ? EXIT.findings : EXIT.ok;
}

function diffText(diffs: ReadonlyArray<{ network: string; probe: string; old: string; new: string; diff: RunDiff }>): string {
  if (diffs.length === 0) return 'no probe has two runs to compare yet\n';
  const lines: string[] = [];
  for (const d of diffs) {
    lines.push(`${d.network} (${d.probe}): ${d.old} → ${d.new}`);
    for (const c of d.diff.changes) lines.push(`  ${c.kind.padEnd(16)} ${c.target}: ${c.from ? `${c.from.status}${c.from.method ? ` (${c.from.method})` : ''}` : '-'} → ${c.to ? `${c.to.status}${c.to.method ? ` (${c.to.method})` : ''}` : '-'}`);
    for (const f of d.diff.findingsAppeared) lines.push(`  + finding: ${f.title}`);
    for (const f of d.diff.findingsVanished) lines.push(`  - finding: ${f.title}`);
    if (d.diff.changes.length + d.diff.findingsAppeared.length + d.diff.findingsVanished.length === 0) lines.push('  no changes');
  }
  return `${lines.join('\n')}\n`;
}
