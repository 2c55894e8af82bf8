import { randomBytes } from 'node:crypto';
import type { StunProbe } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import { recordedEndpoint, udpExchange, type CheckOptions } from './common.ts';

/**
 * STUN Binding over UDP (RFC 8489), as OONI's stunreachability: a valid Binding success response to
 * our transaction proves UDP to this STUN server works (what WebRTC and Snowflake need). The answer's
 * XOR-MAPPED-ADDRESS is the user's public address: it is parsed (a malformed one is no answer) and
 * only its family is kept.
 */

export const STUN_MAGIC_COOKIE = 0x2112a442;
export const STUN_BINDING_REQUEST = 0x0001;
export const STUN_BINDING_SUCCESS = 0x0101;
export const STUN_BINDING_ERROR = 0x0111;
export const STUN_ATTR_MAPPED_ADDRESS = 0x0001;
export const STUN_ATTR_XOR_MAPPED_ADDRESS = 0x0020;

/** A Binding request: 20-byte header, no attributes. */
export function stunBindingRequest(transactionId: Buffer): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16BE(STUN_BINDING_REQUEST, 0);
  b.writeUInt16BE(0, 2);
  b.writeUInt32BE(STUN_MAGIC_COOKIE, 4);
  transactionId.copy(b, 8, 0, 12);
  return b;
}

export interface StunAnswer {
  success: boolean;
  mappedFamily: 'ipv4' | 'ipv6' | null;
}

/** The family of a (XOR-)MAPPED-ADDRESS value, after checking its length; the address is not decoded into anything kept. */
function mappedFamily(value: Buffer): 'ipv4' | 'ipv6' | null {
  const family = value[1];
  if (family === 0x01 && value.length === 8) return 'ipv4';
  if (family === 0x02 && value.length === 20) return 'ipv6';
  return null;
}

/** Parses a STUN message answering `transactionId`; null when it is not one (wrong cookie, id, length or type). */
export function parseStunAnswer(msg: Buffer, transactionId: Buffer): StunAnswer | null {
  if (msg.length < 20 || (msg[0] ?? 0) & 0xc0) return null;
  const type = msg.readUInt16BE(0);
  const length = msg.readUInt16BE(2);
  if (length % 4 !== 0 || 20 + length > msg.length) return null;
  if (msg.readUInt32BE(4) !== STUN_MAGIC_COOKIE || !msg.subarray(8, 20).equals(transactionId)) return null;
  if (type !== STUN_BINDING_SUCCESS && type !== STUN_BINDING_ERROR) return null;
  let family: 'ipv4' | 'ipv6' | null = null;
  for (let at = 20; at + 4 <= 20 + length; ) {
    const attr = msg.readUInt16BE(at);
    const len = msg.readUInt16BE(at + 2);
    if (at + 4 + len > 20 + length) return null;
    if (attr === STUN_ATTR_XOR_MAPPED_ADDRESS || (attr === STUN_ATTR_MAPPED_ADDRESS && family === null)) {
      family = mappedFamily(msg.subarray(at + 4, at + 4 + len));
      if (family === null) return null;
    }
    at += 4 + Math.ceil(len / 4) * 4;
  }
  return { success: type === STUN_BINDING_SUCCESS && family !== null, mappedFamily: family };
}

export async function stunProbe(ip: string, port: number, opts: CheckOptions, random: (n: number) => Buffer = randomBytes): Promise<StunProbe> {
  const t0 = opts.clock.now();
  const txid = random(12);
  const ex = await udpExchange(ip, port, stunBindingRequest(txid), (m) => parseStunAnswer(m, txid), opts);
  const answer = ex.reply;
  const failure = ex.failure ?? (answer?.success ? null : FAILURES.unexpectedAnswer);
  const detail = answer?.success
    ? `STUN Binding success (an ${answer.mappedFamily === 'ipv6' ? 'IPv6' : 'IPv4'} mapped address, not kept)`
    : answer
      ? 'STUN Binding error response'
      : ex.stray
        ? `${ex.stray} datagram(s) came back, none a STUN answer to this request`
        : null;
  return { check: 'stun', ...recordedEndpoint(ip, port, 'udp', opts), failure, detail, mappedFamily: answer?.mappedFamily ?? null, t0, t: opts.clock.now() };
}
