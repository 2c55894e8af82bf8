import { randomBytes } from 'node:crypto';
import type { OpenvpnProbe, Transport } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import { recordedEndpoint, tcpExchange, udpExchange, type CheckOptions } from './common.ts';

/**
 * OpenVPN's first exchange, as the first step of OONI's openvpn experiment: P_CONTROL_HARD_RESET_CLIENT_V2
 * with a fresh session id, answered by P_CONTROL_HARD_RESET_SERVER_V2 (over TCP each packet carries a
 * 2-byte length). A server reset proves the OpenVPN server is reachable by this protocol from here.
 * Servers with tls-auth or tls-crypt drop packets without their key: they never answer this.
 */

export const OPENVPN_HARD_RESET_CLIENT_V2 = 7;
export const OPENVPN_HARD_RESET_SERVER_V2 = 8;

/** The client's hard reset: opcode<<3 | key id 0, session id, empty ack array, message packet id 0. */
export function openvpnHardReset(sessionId: Buffer): Buffer {
  return Buffer.concat([Buffer.from([OPENVPN_HARD_RESET_CLIENT_V2 << 3]), sessionId.subarray(0, 8), Buffer.from([0]), Buffer.alloc(4)]);
}

/** Frames a packet for TCP (2-byte length first). */
export function openvpnTcpFrame(packet: Buffer): Buffer {
  const len = Buffer.alloc(2);
  len.writeUInt16BE(packet.length, 0);
  return Buffer.concat([len, packet]);
}

/** A server hard reset answering `sessionId` (its ack, when present, names our session); null otherwise. */
export function parseServerReset(packet: Buffer, sessionId: Buffer): { acksUs: boolean } | null {
  if (packet.length < 14 || (packet[0] ?? 0) >> 3 !== OPENVPN_HARD_RESET_SERVER_V2) return null;
  const acks = packet[9] ?? 0;
  if (acks === 0) return { acksUs: false };
  const remoteAt = 10 + 4 * acks;
  if (packet.length < remoteAt + 8) return null;
  if (!packet.subarray(remoteAt, remoteAt + 8).equals(sessionId)) return null;
  return { acksUs: true };
}

function unframe(data: Buffer): Buffer | null {
  if (data.length < 2) return null;
  const len = data.readUInt16BE(0);
  return data.length >= 2 + len ? data.subarray(2, 2 + len) : null;
}

export async function openvpnResetProbe(ip: string, port: number, transport: Transport, opts: CheckOptions, random: (n: number) => Buffer = randomBytes): Promise<OpenvpnProbe> {
  const t0 = opts.clock.now();
  const session = random(8);
  const packet = openvpnHardReset(session);
  let reply: { acksUs: boolean } | null = null;
  let failure: string | null;
  if (transport === 'udp') {
    const ex = await udpExchange(ip, port, packet, (m) => parseServerReset(m, session), opts);
    reply = ex.reply;
    failure = ex.failure;
  } else {
    const ex = await tcpExchange(ip, port, openvpnTcpFrame(packet), (d) => unframe(d) !== null, { ...opts, maxBytes: 4096 });
    const framed = unframe(ex.data);
    reply = framed ? parseServerReset(framed, session) : null;
    failure = ex.failure ?? (reply ? null : FAILURES.unexpectedAnswer);
  }
  const detail = reply ? `OpenVPN server hard reset${reply.acksUs ? ' acknowledging our session' : ''}` : null;
  return { check: 'openvpn', ...recordedEndpoint(ip, port, transport, opts), failure, detail, serverSession: reply !== null, t0, t: opts.clock.now() };
}
