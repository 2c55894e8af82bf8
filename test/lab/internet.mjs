// The lab's "internet": authoritative DNS, the DoH control resolver and every site, inside the
// internet namespace. Started by lab.mjs with a JSON config path; prints "ready" when listening.
import { readFileSync } from 'node:fs';
import { startDnsServer, startDohServer, startWebServer, serveUntilSignal } from '../servers/servers.mjs';
import { NET, SERVICE_HOSTS, authoritativeZone, hostAddresses } from './scenarios.mjs';
import { startWays } from './ways.mjs';

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const tls = { cert: cfg.siteCert, key: cfg.siteKey };
const closers = [];

closers.push(await startDnsServer({ host: NET.authoritativeDns, port: 53, zone: authoritativeZone() }));
closers.push(await startDohServer({ host: NET.dohControl, port: 443, cert: cfg.dohCert, key: cfg.dohKey, zone: authoritativeZone() }));

for (const [ip, sites] of hostAddresses()) {
  if (sites.length === 0) continue; // an address with nothing listening: the dead site
  const table = {};
  for (const s of sites) {
    // Bodies of a few hundred KiB, so transfer rates can be compared (throttling).
    const size = s.bodyBytes ?? 200_000;
    table[s.name] = { title: `${s.name} home`, body: `<html><head><title>${s.name} home</title></head><body>${'x'.repeat(size)}</body></html>`, ...(s.refuse ? { refuse: s.refuse } : {}) };
  }
  closers.push(await startWebServer({ host: ip, port: 443, tls, sites: table }));
  closers.push(await startWebServer({ host: ip, port: 80, sites: table }));
}

// Messenger stand-ins: every Host answers (registration, web clients, Telegram's DC POSTs).
for (const h of SERVICE_HOSTS) {
  const certs = h.cert === 'signal' ? { cert: cfg.signalCert, key: cfg.signalKey } : tls;
  for (const [port, kind] of Object.entries(h.ports)) {
    const any = { '*': { title: 'service' } };
    if (kind === 'https') closers.push(await startWebServer({ host: h.ip, port: Number(port), tls: certs, sites: any }));
    else if (kind === 'http') closers.push(await startWebServer({ host: h.ip, port: Number(port), sites: any }));
    else closers.push(await startWebServer({ host: h.ip, port: Number(port), mode: 'accept' }));
  }
}

// Ways out (issue 21): a directory authority, a bridge, STUN, DoT, a CDN front, an ECH server.
closers.push(...(await startWays({ certs: { relay: { cert: cfg.relayCert, key: cfg.relayKey }, front: { cert: cfg.frontCert, key: cfg.frontKey } }, zone: authoritativeZone })));

serveUntilSignal(closers);
