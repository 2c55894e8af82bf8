import { toOoni } from '../../report/ooni.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { openReportOutput } from '../run-output.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';

/** `tekser export --ooni RUN`: the run's measurements in OONI's data format, one JSON per line. */
export async function exportCommand(ref: string, opts: { dataDir?: string; ooni?: boolean; output?: string }, io: CommandIO): Promise<number> {
  if (!opts.ooni) throw new UsageError('say which format: --ooni');
  const run = requireRun(dataDirOf(opts, io.env), ref, io);
  const lines = run.results.map((r) => `${JSON.stringify(toOoni(r, run.record))}\n`);
  if (!opts.output) {
    for (const l of lines) io.stdout(l);
    return EXIT.ok;
  }
  // The same -o as `run`: a path that cannot be written is one line in words, exit 2.
  const out = openReportOutput(opts.output, io);
  for (const l of lines) out.write(l);
  out.end();
  io.stderr(`wrote ${lines.length} measurement(s) to ${out.problem ? 'stdout (see above)' : opts.output}\n`);
  return out.problem ? EXIT.notWritten : EXIT.ok;
}
