import { causeMessage } from '../errors.ts';
import { said } from '../../i18n/said.ts';
import { createSecureContext } from 'node:tls';
import { createHelperServer } from '../../helper/server.ts';
import { parseAsnTable, type AsnTable } from '../../helper/asn-table.ts';
import { HELPER_TOKEN_ENV } from '../../helper/protocol.ts';
import { parseResolver } from '../../net/dns.ts';
import { addressFamily, joinHostPort, splitHostPort } from '../../net/endpoint.ts';
import { publicTrustStore } from '../../net/tls.ts';
import { EXIT, UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { msg, currentLang, t, verbatim } from '../../i18n/index.ts';
import { readFlagFile } from '../flag-file.ts';
import { parseEchoPorts, type EchoPort } from '../../lists/ways.ts';
import { startEchoService, type EchoService } from '../../helper/echo.ts';
import { createReferenceServer, REFERENCE_LIMITS } from '../../helper/reference.ts';
import type { Server } from 'node:tls';

export interface HelperCommandOptions {
  listen: string;
  resolver: string;
  caFile?: string[];
  tlsCert?: string;
  tlsKey?: string;
  token?: string;
  rateLimit?: number;
  maxConcurrent?: number;
  trustForwardedFor?: boolean;
  allowLabRanges?: boolean;
  /** Opt-in echo service ports (`tcp:179,3785 udp:3478`). */
  echoPorts?: string;
  asnTable?: string;
  /** Opt-in throughput reference over TLS on this port (the throttling proof). */
  referencePort?: number;
}

/** host:port or [v6]:port, the port a number 0–65535 (0: any free port). */
export function parseListen(listen: string): { host: string; port: number } {
  const { host, port } = splitHostPort(listen);
  // A bracket anywhere but around the host (`a[b:80`, `[a]b:80`) is no endpoint either.
  if (!host || port === null || port > 65535 || /[[\]]/.test(host)) throw new UsageError(said(msg('cli.err.flag-value', { flag: '--listen', value: listen, problem: msg('cli.err.listen') })));
  if (listen.startsWith('[') && addressFamily(host) !== 6) throw new UsageError(said(msg('cli.err.flag-value', { flag: '--listen', value: listen, problem: msg('cli.err.not-ipv6', { host }) })));
  return { host, port };
}

/** Certificate and key as a TLS server would use them, checked now so a mismatch is one line, not a crash. */
function loadTls(certFile: string, keyFile: string): { cert: string; key: string } {
  const cert = readFlagFile('--tls-cert', certFile);
  const key = readFlagFile('--tls-key', keyFile);
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(said(msg('cli.err.no-pem-certificate', { flag: '--tls-cert', file: certFile })));
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) throw new UsageError(said(msg('cli.err.no-pem-key', { flag: '--tls-key', file: keyFile })));
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    const why = String((err as Error).message).replace(/^error:[0-9A-F]+:[^:]*:[^:]*:/i, '');
    throw new UsageError(said(msg('cli.err.tls-pair', { cert: certFile, key: keyFile, problem: /mismatch/i.test(why) ? msg('cli.err.key-mismatch') : verbatim(why) })));
  }
  return { cert, key };
}

/** --asn-table: read now, so a bad line is one usage error before the helper listens. */
function loadAsnTable(file: string): AsnTable {
  try {
    return parseAsnTable(readFlagFile('--asn-table', file), file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(said(msg('cli.err.flag-problem', { flag: '--asn-table', problem: causeMessage(err) })));
  }
}

/** `tekser helper`: serve the control helper until interrupted. */
export async function helperCommand(opts: HelperCommandOptions, io: CommandIO): Promise<number> {
  const { host, port } = parseListen(opts.listen);
  const echoPorts = echoPortsOf(opts.echoPorts);
  if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey)) throw new UsageError(said(msg('cli.err.tls-together')));
  let resolver;
  try {
    resolver = parseResolver(opts.resolver);
  } catch (err) {
    throw new UsageError(said(msg('cli.err.flag-colon', { flag: '--resolver', problem: causeMessage(err) })));
  }
  const token = opts.token ?? io.env[HELPER_TOKEN_ENV] ?? null;
  if (token !== null && !/^[\x21-\x7e]{8,}$/.test(token)) throw new UsageError(said(msg('cli.err.token')));
  const reference = opts.referencePort === undefined ? null : await startReference(host, opts.referencePort, token);
  const server = createHelperServer({
    reference: reference ? { port: reference.port, bytes: REFERENCE_LIMITS.bytes } : null,
    resolver,
    trust: publicTrustStore((opts.caFile ?? []).map((f) => readFlagFile('--ca-file', f))),
    ...(opts.tlsCert && opts.tlsKey ? { tls: loadTls(opts.tlsCert, opts.tlsKey) } : {}),
    token,
    limits: { ...(opts.rateLimit ? { ratePerMinute: opts.rateLimit } : {}), ...(opts.maxConcurrent ? { maxConcurrent: opts.maxConcurrent } : {}) },
    trustForwardedFor: Boolean(opts.trustForwardedFor),
    allowLabRanges: Boolean(opts.allowLabRanges),
    asnTable: opts.asnTable ? loadAsnTable(opts.asnTable) : null,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new UsageError(said(msg('cli.err.cannot-listen', { where: opts.listen, problem: (err as NodeJS.ErrnoException).code ?? err.message })))));
    server.listen(port, host, () => resolve());
  }).catch((err: unknown) => {
    reference?.server.close();
    throw err;
  });
  const bound = server.address();
  const shown = typeof bound === 'object' && bound ? joinHostPort(bound.address, bound.port) : opts.listen;
  // An echo port that cannot be bound stops the helper: it must not keep listening half started.
  const echo = echoPorts
    ? await startEcho(echoPorts, opts.echoPorts ?? '', host).catch((err: unknown) => {
        server.close();
        reference?.server.close();
        throw err;
      })
    : null;
  const lang = currentLang();
  const url = `${opts.tlsCert ? 'https' : 'http'}://${shown}/`;
  const needsToken = token ? t(lang, 'cli.helper.token') : '';
  const echoOn = echo ? t(lang, 'cli.helper.echo', { ports: echo.ports.map((p) => `${p.transport} ${p.port}`).join(', ') }) : '';
  const referenceOn = reference ? t(lang, 'cli.helper.reference', { port: reference.port }) : '';
  io.stderr(`${t(lang, 'cli.helper.listening', { url, token: needsToken, echo: echoOn, reference: referenceOn })}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void echo?.close();
      reference?.server.close();
      server.close(() => resolve());
      server.closeAllConnections?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}

/** The ports of the opt-in echo service (`--echo-ports`), checked before anything listens; null when not asked for. */
function echoPortsOf(spec: string | undefined): EchoPort[] | null {
  if (spec === undefined) return null;
  const ports = parseEchoPorts(spec);
  if (!ports) throw new UsageError(said(msg('cli.err.flag-value', { flag: '--echo-ports', value: spec, problem: msg('cli.err.echo-ports') })));
  return ports;
}

/** The echo service on the helper's address. */
async function startEcho(ports: EchoPort[], spec: string, host: string): Promise<EchoService> {
  try {
    return await startEchoService(ports, { host });
  } catch (err) {
    throw new UsageError(said(msg('cli.err.flag-colon', { flag: '--echo-ports', problem: msg('cli.err.cannot-listen', { where: spec, problem: (err as NodeJS.ErrnoException).code ?? (err as Error).message }) })));
  }
}

/** The throughput reference (`--reference-port`) on the helper's address, listening before the helper says where it is. */
async function startReference(host: string, port: number, token: string | null): Promise<{ server: Server; port: number }> {
  if (port > 65535) throw new UsageError(said(msg('cli.err.flag-value', { flag: '--reference-port', value: String(port), problem: msg('cli.err.port-range') })));
  const server = createReferenceServer({ token });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new UsageError(said(msg('cli.err.flag-colon', { flag: '--reference-port', problem: msg('cli.err.cannot-listen', { where: joinHostPort(host, port), problem: (err as NodeJS.ErrnoException).code ?? err.message }) })))));
    server.listen(port, host, () => resolve());
  });
  const bound = server.address();
  return { server, port: typeof bound === 'object' && bound ? bound.port : port };
}
