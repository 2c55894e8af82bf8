// The baseline: a plain Node/undici script doing the network work tekser does for one healthy
// target (4 DNS queries: A and AAAA from the resolver under test over UDP and from the DoH control;
// one TLS handshake; a GET over that same connection), for every target of a list, at the same
// concurrency. Like tekser, it builds one secure context for the whole run (a context per
// connection parses the CA again each time). Usage: node plain.mjs LIST CAFILE CONCURRENCY RESOLVER_IP DOH_IP
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { connect, createSecureContext } from 'node:tls';
import * as dnsPacket from 'dns-packet';
import pLimit from 'p-limit';
import { Agent, Client, request } from 'undici';

const [list, caFile, concurrency, resolverIp, dohIp] = process.argv.slice(2);
const ca = readFileSync(caFile, 'utf8');
const urls = readFileSync(list, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
const TIMEOUT = 10_000;

const secureContext = createSecureContext({ ca });
const doh = new Agent({ connect: { secureContext }, connections: 8 });
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
    const s = connect({ host: ip, port: 443, servername, secureContext, ALPNProtocols: ['http/1.1'] });
    const done = (ok) => {
      s.setTimeout(0);
      s.removeAllListeners('error');
      s.on('error', () => {});
      if (!ok) s.destroy();
      resolve(ok ? s : null);
    };
    s.setTimeout(TIMEOUT, () => done(false));
    s.once('secureConnect', () => done(true));
    s.once('error', () => done(false));
  });
}

/** GET over the connection whose handshake was made (as tekser does), read to the end. */
async function get(url, socket) {
  const u = new URL(url);
  const client = new Client(`https://${u.host}`, { connect: (_o, cb) => setImmediate(() => cb(null, socket)), pipelining: 0, headersTimeout: TIMEOUT, bodyTimeout: TIMEOUT });
  try {
    const r = await client.request({ path: u.pathname, method: 'GET', headers: { host: u.host } });
    await r.body.arrayBuffer();
    return r.statusCode === 200;
  } catch {
    return false;
  } finally {
    await client.destroy().catch(() => {});
    socket.destroy();
  }
}

async function one(url) {
  const { hostname } = new URL(url);
  const [a] = await Promise.all([udpQuery(hostname, 'A'), udpQuery(hostname, 'AAAA'), dohQuery(hostname, 'A'), dohQuery(hostname, 'AAAA')]);
  const ip = a?.answers?.find((x) => x.type === 'A')?.data;
  const socket = ip ? await handshake(ip, hostname) : null;
  return socket ? get(url, socket) : false;
}

const limit = pLimit(Number(concurrency));
const ok = (await Promise.all(urls.map((u) => limit(() => one(u))))).filter(Boolean).length;
await doh.close();
process.stdout.write(`${ok}\n`);
