import { said } from '../../i18n/said.ts';
import { exportNetwork, networkKnown, toOoni, waysOoni, type OoniOptions } from '../../report/ooni.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { openReportOutput } from '../run-output.ts';
import type { CommandIO } from '../io.ts';
import { msg, currentLang, t, type Lang } from '../../i18n/index.ts';
import type { RunRecord, ServiceResultJson, TargetResultJson, WebResultJson } from '../../model/run.ts';
import { dataDirOf, requireRun } from './stored.ts';

interface ExportOptions {
  dataDir?: string;
  ooni?: boolean;
  output?: string;
  probeAsn?: string;
  probeCc?: string;
  includeBodies?: boolean;
}

/** --probe-asn as OONI writes it ("AS" and 1 to 10 digits; a bare number is taken as the AS number). */
export function parseProbeAsn(value: string): string {
  const m = /^(?:AS)?(\d{1,10})$/i.exec(value.trim());
  if (!m) throw new UsageError(said(msg('cli.err.probe-asn', { value })));
  return `AS${Number(m[1])}`;
}

/** --probe-cc: an ISO 3166 alpha-2 country code. */
export function parseProbeCc(value: string): string {
  const cc = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc) || cc === 'ZZ') throw new UsageError(said(msg('cli.err.probe-cc', { value, examples: 'KZ, DE' })));
  return cc;
}

function ooniOptions(opts: ExportOptions): OoniOptions {
  return {
    asn: opts.probeAsn === undefined ? undefined : parseProbeAsn(opts.probeAsn),
    country: opts.probeCc === undefined ? undefined : parseProbeCc(opts.probeCc),
    includeBodies: Boolean(opts.includeBodies),
  };
}

/** Said on stderr whenever an export without a known network is written: nobody could ingest it. */
const unknownNetworkNote = (lang: Lang): string =>
  `${t(lang, 'cli.export.unknownNetwork', { unknown: 'ZZ/AS0', as0: 'AS0', runCmd: 'tekser run --network-asn AS1234 --network-cc KZ', configKey: 'network:' })}\n`;
export const UNKNOWN_NETWORK_NOTE = unknownNetworkNote('en');

/** Said when --include-bodies finds no body to include: only runs made with --include-bodies keep them. */
const noBodiesNote = (lang: Lang): string => `${t(lang, 'cli.export.noBodies')}\n`;
export const NO_BODIES_NOTE = noBodiesNote('en');

function keptBodies(results: readonly TargetResultJson[]): boolean {
  const hops = results.flatMap((r) => (r.target.kind === 'web' ? (r as WebResultJson).measurement.http : (r as ServiceResultJson).measurement.checks.flatMap((c) => c.attempts.flatMap((a) => (a.http ? [a.http] : [])))));
  return hops.some((h) => h.body !== undefined);
}

function notes(run: { record: RunRecord; results: readonly TargetResultJson[] }, opts: OoniOptions, io: CommandIO): void {
  if (!networkKnown(exportNetwork(run.record, opts))) io.stderr(unknownNetworkNote(currentLang()));
  if (opts.includeBodies && !keptBodies(run.results)) io.stderr(noBodiesNote(currentLang()));
}

/** `tekser export --ooni RUN`: the run's measurements in OONI's data format, one JSON per line. */
export async function exportCommand(ref: string, opts: ExportOptions, io: CommandIO): Promise<number> {
  if (!opts.ooni) throw new UsageError(said(msg('cli.err.export-format')));
  const ooni = ooniOptions(opts);
  const run = requireRun(dataDirOf(opts, io.env), ref, io);
  // The ways out first (what still works), then one measurement per target.
  const lines = [...waysOoni(run.record, ooni), ...run.results.map((r) => toOoni(r, run.record, ooni))].map((m) => `${JSON.stringify(m)}\n`);
  if (!opts.output) {
    for (const l of lines) io.stdout(l);
    notes(run, ooni, io);
    return EXIT.ok;
  }
  // The same -o as `run`: a path that cannot be written is one line in words, exit 2.
  const out = openReportOutput(opts.output, io);
  for (const l of lines) out.write(l);
  out.end();
  io.stderr(`${t(currentLang(), out.problem ? 'cli.export.wroteStdout' : 'cli.export.wrote', { count: lines.length, file: opts.output })}\n`);
  notes(run, ooni, io);
  return out.problem ? EXIT.notWritten : EXIT.ok;
}
