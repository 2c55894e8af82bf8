import type { TcpProbe } from '../../model/check.ts';
import { tcpProbe } from '../tcp.ts';
import { recordedEndpoint, type CheckOptions } from './common.ts';

/**
 * A TCP connection to a port (a pluggable-transport bridge, a proxy): the port is reachable when the
 * handshake completes. Necessary, not sufficient: the transport's own handshake is not tried.
 */
export async function tcpConnectProbe(ip: string, port: number, opts: CheckOptions): Promise<TcpProbe> {
  const o = await tcpProbe(ip, port, { clock: opts.clock, timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
  return { check: 'tcp', ...recordedEndpoint(ip, port, 'tcp', opts), failure: o.failure, detail: o.failure ? null : 'TCP connection accepted', t0: o.t0, t: o.t };
}
