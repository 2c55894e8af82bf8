import type { TorDirProbe } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import { joinHostPort } from '../endpoint.ts';
import { recordedEndpoint, tcpExchange, type CheckOptions } from './common.ts';

/**
 * The consensus from a directory port, as OONI's tor experiment (dir_port): a plain HTTP GET of
 * /tor/status-vote/current/consensus.z. Only the status line and the first bytes are read: a 200
 * with a body proves the directory answers from here.
 */
export const TOR_CONSENSUS_PATH = '/tor/status-vote/current/consensus.z';
/** Bytes of body enough to call it an answer (the consensus is megabytes; nobody needs them here). */
const BODY_BYTES = 256;

/** The status and the body bytes read, once the headers are in. */
export function parseHttpHead(data: Buffer): { status: number; bodyBytes: number } | null {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(data.subarray(0, Math.min(end, 64)).toString('latin1'));
  return m ? { status: Number(m[1]), bodyBytes: data.length - end - 4 } : null;
}

export async function torDirProbe(ip: string, port: number, opts: CheckOptions, path = TOR_CONSENSUS_PATH): Promise<TorDirProbe> {
  const t0 = opts.clock.now();
  const request = Buffer.from(`GET ${path} HTTP/1.0\r\nHost: ${joinHostPort(ip, port)}\r\n\r\n`, 'latin1');
  const enough = (d: Buffer): boolean => {
    const head = parseHttpHead(d);
    return head !== null && (head.status !== 200 || head.bodyBytes >= BODY_BYTES);
  };
  const ex = await tcpExchange(ip, port, request, enough, { ...opts, maxBytes: 64 * 1024 });
  const head = parseHttpHead(ex.data);
  // A 200 whose body ended before BODY_BYTES still answered: the read ended with EOF after the headers.
  const answered = head !== null && head.status === 200 && head.bodyBytes > 0;
  const failure = answered ? null : head ? FAILURES.unexpectedAnswer : ex.failure;
  const detail = head ? `HTTP ${head.status}${head.bodyBytes ? `, ${head.bodyBytes} body bytes read` : ''}` : null;
  return { check: 'tor_dir', ...recordedEndpoint(ip, port, 'tcp', opts), failure, detail, status: head?.status ?? null, bytes: ex.data.length, t0, t: opts.clock.now() };
}
