import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { EchProbe, ProbeVariant } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import { recordedEndpoint, tcpExchange, type CheckOptions } from './common.ts';

/**
 * ECH interference, as OONI's echcheck: a TLS 1.3 ClientHello written by hand over a plain socket
 * (Node's tls has no ECH), once with a GREASE encrypted_client_hello extension (RFC 9849 §6.2: random
 * config id, X25519 key and payload) and once without, to the same address with the same outer name.
 * The server's first record tells: a ServerHello means the ClientHello got through. Only the ECH one
 * failing, while the one without it works, is interference with ECH.
 */

export const EXT_SERVER_NAME = 0x0000;
export const EXT_ENCRYPTED_CLIENT_HELLO = 0xfe0d;
const TLS_HANDSHAKE = 0x16;
const TLS_ALERT = 0x15;
const HANDSHAKE_CLIENT_HELLO = 0x01;
const HANDSHAKE_SERVER_HELLO = 0x02;

const u8 = (n: number): Buffer => Buffer.from([n & 0xff]);
const u16 = (n: number): Buffer => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u24 = (n: number): Buffer => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
const vec16 = (b: Buffer): Buffer => Buffer.concat([u16(b.length), b]);
const vec8 = (b: Buffer): Buffer => Buffer.concat([u8(b.length), b]);
const ext = (type: number, body: Buffer): Buffer => Buffer.concat([u16(type), vec16(body)]);
const list16 = (ns: readonly number[]): Buffer => Buffer.concat(ns.map(u16));

/** A fresh X25519 public key (a valid key share: a server must be able to answer it). */
function x25519PublicKey(): Buffer {
  const { publicKey } = generateKeyPairSync('x25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

/** A GREASE ECH extension body: outer type, HPKE KDF/AEAD (HKDF-SHA256, AES-128-GCM), random config id, enc and payload. */
export function greaseEch(random: (n: number) => Buffer = randomBytes): Buffer {
  const payloadLen = 144 + ((random(1)[0] ?? 0) % 4) * 32;
  return Buffer.concat([u8(0), u16(0x0001), u16(0x0001), u8(random(1)[0] ?? 0), vec16(x25519PublicKey()), vec16(random(payloadLen))]);
}

function clientHelloExtensions(serverName: string, withEch: boolean, random: (n: number) => Buffer): Buffer {
  const name = Buffer.from(serverName, 'ascii');
  const exts = [
    ext(EXT_SERVER_NAME, vec16(Buffer.concat([u8(0), vec16(name)]))),
    ext(0x000a, vec16(list16([0x001d, 0x0017, 0x0018]))), // supported_groups: x25519, P-256, P-384
    ext(0x000b, vec8(Buffer.from([0]))), // ec_point_formats: uncompressed
    ext(0x000d, vec16(list16([0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601]))), // signature_algorithms
    ext(0x0010, vec16(Buffer.concat([vec8(Buffer.from('h2')), vec8(Buffer.from('http/1.1'))]))), // ALPN
    ext(0x002b, vec8(list16([0x0304, 0x0303]))), // supported_versions: TLS 1.3, 1.2
    ext(0x002d, vec8(Buffer.from([1]))), // psk_key_exchange_modes: psk_dhe_ke
    ext(0x0033, vec16(Buffer.concat([u16(0x001d), vec16(x25519PublicKey())]))), // key_share: x25519
  ];
  if (withEch) exts.push(ext(EXT_ENCRYPTED_CLIENT_HELLO, greaseEch(random)));
  return Buffer.concat(exts);
}

/** A complete TLS record carrying a ClientHello for `serverName`, with or without GREASE ECH. */
export function clientHello(serverName: string, withEch: boolean, random: (n: number) => Buffer = randomBytes): Buffer {
  const suites = list16([0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8]);
  const body = Buffer.concat([u16(0x0303), random(32), vec8(random(32)), vec16(suites), vec8(Buffer.from([0])), vec16(clientHelloExtensions(serverName, withEch, random))]);
  const handshake = Buffer.concat([u8(HANDSHAKE_CLIENT_HELLO), u24(body.length), body]);
  return Buffer.concat([u8(TLS_HANDSHAKE), u16(0x0301), vec16(handshake)]);
}

/** Whether a ClientHello record carries an ECH extension (for tests' middleboxes and the lab). */
export function hasEchExtension(record: Buffer): boolean {
  // record(5) type(1) len(3) version(2) random(32) session_id, suites, compression, extensions
  let at = 5 + 4 + 2 + 32;
  if (record.length < at + 1) return false;
  at += 1 + (record[at] ?? 0);
  at += 2 + record.readUInt16BE(at);
  at += 1 + (record[at] ?? 0);
  const end = at + 2 + record.readUInt16BE(at);
  for (at += 2; at + 4 <= end && at + 4 <= record.length; ) {
    if (record.readUInt16BE(at) === EXT_ENCRYPTED_CLIENT_HELLO) return true;
    at += 4 + record.readUInt16BE(at + 2);
  }
  return false;
}

/** What the server's first record is. */
export function firstRecordKind(data: Buffer): EchProbe['reply'] {
  if (data.length < 6) return 'none';
  if (data[0] === TLS_HANDSHAKE && data[5] === HANDSHAKE_SERVER_HELLO) return 'server_hello';
  if (data[0] === TLS_ALERT) return 'alert';
  return 'other';
}

export async function echProbe(ip: string, port: number, serverName: string, variant: Extract<ProbeVariant, 'control' | 'grease_ech'>, opts: CheckOptions): Promise<EchProbe> {
  const t0 = opts.clock.now();
  const hello = clientHello(serverName, variant === 'grease_ech');
  const ex = await tcpExchange(ip, port, hello, (d) => d.length >= 6, { ...opts, maxBytes: 16 * 1024 });
  const reply = firstRecordKind(ex.data);
  const failure = ex.failure ?? (reply === 'server_hello' ? null : reply === 'alert' ? FAILURES.failedHandshake : FAILURES.unexpectedAnswer);
  const what = variant === 'grease_ech' ? 'ClientHello with ECH' : 'ClientHello without ECH';
  const detail = reply === 'server_hello' ? `${what} (SNI ${serverName}): ServerHello` : reply === 'alert' ? `${what} (SNI ${serverName}): TLS alert` : ex.connectFailure ? null : `${what} (SNI ${serverName}): ${ex.failure ?? 'an answer that is not TLS'}`;
  return { check: 'ech', ...recordedEndpoint(ip, port, 'tcp', opts), failure, detail, variant, serverName, reply, t0, t: opts.clock.now() };
}
