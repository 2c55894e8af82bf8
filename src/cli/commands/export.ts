import { createWriteStream } from 'node:fs';
import { toOoni } from '../../report/ooni.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';

/** `tekser export --ooni RUN`: the run's measurements in OONI's data format, one JSON per line. */
export async function exportCommand(ref: string, opts: { dataDir?: string; ooni?: boolean; output?: string }, io: CommandIO): Promise<number> {
  if (!opts.ooni) throw new UsageError('say which format: --ooni');
  const run = requireRun(dataDirOf(opts, io.env), ref);
  const lines = run.results.map((r) => `${JSON.stringify(toOoni(r, run.record))}\n`);
  if (!opts.output) {
    for (const l of lines) io.stdout(l);
    return 0;
  }
  const out = createWriteStream(opts.output);
  for (const l of lines) out.write(l);
  await new Promise<void>((resolve, reject) => {
    out.on('error', (e) => reject(new UsageError(`--output ${opts.output}: ${(e as NodeJS.ErrnoException).code ?? e.message}`)));
    out.end(() => resolve());
  });
  io.stderr(`wrote ${lines.length} measurement(s) to ${opts.output}\n`);
  return 0;
}
