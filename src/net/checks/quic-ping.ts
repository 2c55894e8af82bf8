import { randomBytes } from 'node:crypto';
import type { QuicPingProbe } from '../../model/check.ts';
import { recordedEndpoint, udpExchange, type CheckOptions } from './common.ts';

/**
 * QUIC ping, as OONI's quicping: a 1,200-byte Initial-shaped long-header packet with a version no
 * server speaks (0xbabababa, of the form reserved to force negotiation, RFC 9000 §15). A server that
 * gets it must answer with Version Negotiation, echoing our connection IDs swapped: that answer proves
 * UDP, and QUIC's packet shape, reach the server. No TLS, no server name.
 */

export const QUIC_PING_VERSION = 0xbabababa;
export const QUIC_INITIAL_SIZE = 1200;

/** The datagram: long header (form 1, fixed bit 1, type Initial), the version, DCID and SCID, random filler. */
export function quicPingPacket(dcid: Buffer, scid: Buffer, random: (n: number) => Buffer = randomBytes): Buffer {
  const head = Buffer.concat([Buffer.from([0xc0 | ((random(1)[0] ?? 0) & 0x0f)]), u32(QUIC_PING_VERSION), Buffer.from([dcid.length]), dcid, Buffer.from([scid.length]), scid]);
  // Token length 0, then a 2-byte length varint covering the rest, then filler (a packet number and payload nobody can decrypt).
  const restLen = QUIC_INITIAL_SIZE - head.length - 3;
  const lengthField = Buffer.from([0x00, 0x40 | (restLen >> 8), restLen & 0xff]);
  return Buffer.concat([head, lengthField, random(restLen)]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}

/** Versions listed by a Version Negotiation packet answering ours; null when the datagram is not one. */
export function parseVersionNegotiation(msg: Buffer, dcid: Buffer, scid: Buffer): number[] | null {
  if (msg.length < 7 || !((msg[0] ?? 0) & 0x80) || msg.readUInt32BE(1) !== 0) return null;
  let at = 5;
  const dlen = msg[at++] ?? 0;
  const gotD = msg.subarray(at, at + dlen);
  at += dlen;
  const slen = msg[at++] ?? 0;
  const gotS = msg.subarray(at, at + slen);
  at += slen;
  // The server's DCID is our SCID and its SCID our DCID.
  if (!gotD.equals(scid) || !gotS.equals(dcid)) return null;
  const rest = msg.length - at;
  if (rest < 4 || rest % 4 !== 0) return null;
  const versions: number[] = [];
  for (; at < msg.length; at += 4) versions.push(msg.readUInt32BE(at));
  return versions;
}

export async function quicPingProbe(ip: string, port: number, opts: CheckOptions, random: (n: number) => Buffer = randomBytes): Promise<QuicPingProbe> {
  const t0 = opts.clock.now();
  const dcid = random(8);
  const scid = random(8);
  const ex = await udpExchange(ip, port, quicPingPacket(dcid, scid, random), (m) => parseVersionNegotiation(m, dcid, scid), opts);
  const versions = ex.reply ?? [];
  const detail = ex.reply ? `QUIC Version Negotiation listing ${versions.map((v) => `0x${v.toString(16).padStart(8, '0')}`).join(', ')}` : ex.stray ? `${ex.stray} datagram(s) came back, none a Version Negotiation for this packet` : null;
  return { check: 'quic_ping', ...recordedEndpoint(ip, port, 'udp', opts), failure: ex.failure, detail, versions, t0, t: opts.clock.now() };
}
