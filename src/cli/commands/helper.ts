import { createHelperServer } from '../../helper/server.ts';
import { parseResolver } from '../../net/dns.ts';
import { publicTrustStore } from '../../net/tls.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../io.ts';
import { readFlagFile } from './run.ts';

export interface HelperCommandOptions {
  listen: string;
  resolver: string;
  caFile?: string[];
  tlsCert?: string;
  tlsKey?: string;
}

/** `tekser helper`: serve the control helper until interrupted. */
export async function helperCommand(opts: HelperCommandOptions, io: CommandIO): Promise<number> {
  const m = /^(.*):(\d+)$/.exec(opts.listen);
  if (!m) throw new UsageError(`--listen ${opts.listen}: expected host:port`);
  if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey)) throw new UsageError('--tls-cert and --tls-key go together');
  let resolver;
  try {
    resolver = parseResolver(opts.resolver);
  } catch (err) {
    throw new UsageError(`--resolver: ${(err as Error).message}`);
  }
  const server = createHelperServer({
    resolver,
    trust: publicTrustStore((opts.caFile ?? []).map((f) => readFlagFile('--ca-file', f))),
    ...(opts.tlsCert && opts.tlsKey ? { tls: { cert: readFlagFile('--tls-cert', opts.tlsCert), key: readFlagFile('--tls-key', opts.tlsKey) } } : {}),
  });
  const host = (m[1] ?? '').replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new UsageError(`cannot listen on ${opts.listen}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    server.listen(Number(m[2]), host, () => resolve());
  });
  io.stderr(`tekser helper listening on ${opts.tlsCert ? 'https' : 'http'}://${opts.listen}/ (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
