// The baseline: a plain Node/undici script doing the network work tekser does for one target
// (4 DNS queries: A and AAAA from the resolver under test over UDP and from the DoH control; a
// TLS handshake; a GET over a second connection), for every target of a list, at the same
// concurrency. Usage: node plain.mjs LIST CAFILE CONCURRENCY RESOLVER_IP DOH_IP
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { connect } from 'node:tls';
import * as dnsPacket from 'dns-packet';
import pLimit from 'p-limit';
import { Agent, request } from 'undici';

const [list, caFile, concurrency, resolverIp, dohIp] = process.argv.slice(2);
const ca = readFileSync(caFile, 'utf8');
const urls = readFileSync(list, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
const TIMEOUT = 10_000;

const doh = new Agent({ connect: { ca }, connections: 8 });
// The GET dials the address the resolver under test gave (no system resolver involved).
const resolved = new Map();
const lookup = (host, opts, cb) => {
  const address = resolved.get(host);
  if (!address) return cb(Object.assign(new Error(`not resolved: ${host}`), { code: 'ENOTFOUND' }));
  return opts?.all ? cb(null, [{ address, family: 4 }]) : cb(null, address, 4);
};
const web = new Agent({ connect: { ca, timeout: TIMEOUT, lookup }, pipelining: 0 });
let nextId = 1;

function udpQuery(name, type) {
  return new Promise((resolve) => {
    const sock = createSocket('udp4');
    const id = nextId++ & 0xffff;
    const t = setTimeout(() => { sock.close(); resolve(null); }, 4000);
    sock.on('message', (msg) => { clearTimeout(t); sock.close(); resolve(dnsPacket.decode(msg)); });
    sock.send(dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name }] }), 53, resolverIp);
  });
}
async function dohQuery(name, type) {
  const body = dnsPacket.encode({ type: 'query', id: 0, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name }] });
  const r = await request(`https://${dohIp}/dns-query`, { method: 'POST', body, headers: { 'content-type': 'application/dns-message' }, dispatcher: doh });
  return dnsPacket.decode(Buffer.from(await r.body.arrayBuffer()));
}
function handshake(ip, servername) {
  return new Promise((resolve) => {
    const s = connect({ host: ip, port: 443, servername, ca, timeout: TIMEOUT });
    const done = (ok) => { s.destroy(); resolve(ok); };
    s.setTimeout(TIMEOUT, () => done(false));
    s.once('secureConnect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function one(url) {
  const { hostname } = new URL(url);
  const [a] = await Promise.all([udpQuery(hostname, 'A'), udpQuery(hostname, 'AAAA'), dohQuery(hostname, 'A'), dohQuery(hostname, 'AAAA')]);
  const ip = a?.answers?.find((x) => x.type === 'A')?.data;
  if (!ip || !(await handshake(ip, hostname))) return false;
  resolved.set(hostname, ip);
  try {
    const r = await request(url, { dispatcher: web, headers: { connection: 'close' }, headersTimeout: TIMEOUT, bodyTimeout: TIMEOUT });
    await r.body.arrayBuffer();
    return r.statusCode === 200;
  } catch {
    return false;
  }
}

const limit = pLimit(Number(concurrency));
const ok = (await Promise.all(urls.map((u) => limit(() => one(u))))).filter(Boolean).length;
await Promise.all([doh.close(), web.close()]);
process.stdout.write(`${ok}\n`);
