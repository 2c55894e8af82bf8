import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer as createTcpServer, connect as netConnect, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { STUN_BINDING_SUCCESS, STUN_MAGIC_COOKIE } from '../../src/net/checks/stun.ts';

/**
 * Tiny loopback servers for the way-out checks: each answers one protocol's first exchange, and no
 * more. Every server binds 127.0.0.1 on a free port; close them with closeAll().
 */
export const LO = '127.0.0.1';
const open: Array<{ close: () => void }> = [];
export function closeAll(): void {
  for (const s of open.splice(0)) s.close();
}

export async function udpServer(answer: (msg: Buffer, rinfo: { address: string; port: number }) => Buffer | null): Promise<{ port: number; seen: Buffer[] }> {
  const sock: UdpSocket = createSocket('udp4');
  const seen: Buffer[] = [];
  sock.on('message', (msg, rinfo) => {
    seen.push(msg);
    const reply = answer(msg, rinfo);
    if (reply) sock.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, LO, r));
  open.push({ close: () => sock.close() });
  return { port: sock.address().port, seen };
}

export async function listen(s: Server): Promise<number> {
  s.on('error', () => {});
  await new Promise<void>((r) => s.listen(0, LO, r));
  open.push({ close: () => s.close() });
  return (s.address() as { port: number }).port;
}

export function tcpServer(onData: (data: Buffer, sock: Socket) => void): Promise<number> {
  return listen(
    createTcpServer((sock) => {
      sock.on('error', () => {});
      sock.on('data', (d) => onData(d, sock));
    }),
  );
}

export function tlsServer(cert: string, key: string, onData: (data: Buffer, sock: Socket) => void = () => {}): Promise<number> {
  const s = createTlsServer({ cert, key, ALPNProtocols: ['http/1.1', 'dot'] }, (sock) => {
    sock.on('error', () => {});
    sock.on('data', (d) => onData(d, sock));
  });
  s.on('tlsClientError', () => {});
  return listen(s as unknown as Server);
}

/** A TCP proxy to `port` that resets a connection whose first bytes `drop` says so (a DPI box). */
export function middlebox(port: number, drop: (first: Buffer) => boolean): Promise<number> {
  return listen(
    createTcpServer((client) => {
      client.on('error', () => {});
      client.once('data', (first) => {
        if (drop(first)) return void client.resetAndDestroy();
        const up = netConnect(port, LO, () => {
          up.write(first);
          client.pipe(up).pipe(client);
        });
        up.on('error', () => client.destroy());
      });
    }),
  );
}

/** A STUN server: a Binding success with the sender's address in XOR-MAPPED-ADDRESS (as a real one does). */
export function stunAnswer(msg: Buffer, rinfo: { address: string; port: number }): Buffer | null {
  if (msg.length < 20 || msg.readUInt16BE(0) !== 0x0001) return null;
  const b = Buffer.alloc(32);
  b.writeUInt16BE(STUN_BINDING_SUCCESS, 0);
  b.writeUInt16BE(12, 2);
  b.writeUInt32BE(STUN_MAGIC_COOKIE, 4);
  msg.copy(b, 8, 8, 20);
  b.writeUInt16BE(0x0020, 20);
  b.writeUInt16BE(8, 22);
  b.writeUInt8(0, 24);
  b.writeUInt8(1, 25);
  b.writeUInt16BE(rinfo.port ^ (STUN_MAGIC_COOKIE >>> 16), 26);
  const ip = rinfo.address.split('.').map(Number);
  b.writeUInt32BE(((((ip[0] ?? 0) << 24) | ((ip[1] ?? 0) << 16) | ((ip[2] ?? 0) << 8) | (ip[3] ?? 0)) ^ STUN_MAGIC_COOKIE) >>> 0, 28);
  return b;
}

/** A QUIC server's Version Negotiation for any long-header packet: the connection IDs swapped, two versions. */
export function versionNegotiation(msg: Buffer): Buffer | null {
  if (msg.length < 1200 || !((msg[0] ?? 0) & 0x80)) return null;
  const dlen = msg[5] ?? 0;
  const dcid = msg.subarray(6, 6 + dlen);
  const slen = msg[6 + dlen] ?? 0;
  const scid = msg.subarray(7 + dlen, 7 + dlen + slen);
  const versions = Buffer.alloc(8);
  versions.writeUInt32BE(0x00000001, 0);
  versions.writeUInt32BE(0x6b3343cf, 4);
  return Buffer.concat([Buffer.from([0x80, 0, 0, 0, 0]), Buffer.from([scid.length]), scid, Buffer.from([dcid.length]), dcid, versions]);
}

/** An OpenVPN server's hard reset acknowledging the client's packet (ack array of one, our session id). */
export function openvpnServerReset(msg: Buffer): Buffer | null {
  if ((msg[0] ?? 0) >> 3 !== 7) return null;
  const clientSession = msg.subarray(1, 9);
  return Buffer.concat([Buffer.from([8 << 3]), Buffer.alloc(8, 0xab), Buffer.from([1]), Buffer.alloc(4), clientSession, Buffer.alloc(4)]);
}
