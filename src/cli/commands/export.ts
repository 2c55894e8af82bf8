import { exportNetwork, networkKnown, toOoni, waysOoni, type OoniOptions } from '../../report/ooni.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { openReportOutput } from '../run-output.ts';
import type { CommandIO } from '../io.ts';
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
  if (!m) throw new UsageError(`--probe-asn "${value}": give the network's AS number, as AS1234 or 1234`);
  return `AS${Number(m[1])}`;
}

/** --probe-cc: an ISO 3166 alpha-2 country code. */
export function parseProbeCc(value: string): string {
  const cc = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(cc) || cc === 'ZZ') throw new UsageError(`--probe-cc "${value}": give the country as two letters (KZ, DE)`);
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
export const UNKNOWN_NETWORK_NOTE =
  "note: the network is not known (written as ZZ/AS0), and OONI's pipeline drops such measurements (its API refuses AS0). " +
  'Set it when measuring (tekser run --network-asn AS1234 --network-cc KZ, or network: in the config file) or when exporting (--probe-asn, --probe-cc).\n';

/** Said when --include-bodies finds no body to include: only runs made with --include-bodies keep them. */
export const NO_BODIES_NOTE = 'note: this run kept no page bodies (only runs made with --include-bodies keep them), so none were written.\n';

function keptBodies(results: readonly TargetResultJson[]): boolean {
  const hops = results.flatMap((r) => (r.target.kind === 'web' ? (r as WebResultJson).measurement.http : (r as ServiceResultJson).measurement.checks.flatMap((c) => c.attempts.flatMap((a) => (a.http ? [a.http] : [])))));
  return hops.some((h) => h.body !== undefined);
}

function notes(run: { record: RunRecord; results: readonly TargetResultJson[] }, opts: OoniOptions, io: CommandIO): void {
  if (!networkKnown(exportNetwork(run.record, opts))) io.stderr(UNKNOWN_NETWORK_NOTE);
  if (opts.includeBodies && !keptBodies(run.results)) io.stderr(NO_BODIES_NOTE);
}

/** `tekser export --ooni RUN`: the run's measurements in OONI's data format, one JSON per line. */
export async function exportCommand(ref: string, opts: ExportOptions, io: CommandIO): Promise<number> {
  if (!opts.ooni) throw new UsageError('say which format: --ooni');
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
  io.stderr(`wrote ${lines.length} measurement(s) to ${out.problem ? 'stdout (see above)' : opts.output}\n`);
  notes(run, ooni, io);
  return out.problem ? EXIT.notWritten : EXIT.ok;
}
