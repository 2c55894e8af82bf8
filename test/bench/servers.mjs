// The benchmark's internet, run as its own process inside the benchmark's network namespace (so
// its CPU and memory are not counted against what is measured): a DNS resolver, a DoH control and
// HTTPS sites serving 20 KiB pages. Names: h<N>.bench.lab are healthy (spread over four addresses),
// b<N>.bench.lab resolve to the blackholed address (every SYN dropped by iptables). Prints "ready".
import { readFileSync } from 'node:fs';
import { startDnsServer, startDohServer, startWebServer, serveUntilSignal } from '../servers/servers.mjs';

export const BENCH_NET = {
  resolver: '203.0.113.1',
  doh: '203.0.113.2',
  firstPacket: '203.0.113.3',
  sites: ['203.0.113.10', '203.0.113.11', '203.0.113.12', '203.0.113.13'],
  blackhole: '203.0.113.99',
};

/** The zone as a function of the name, so 100k targets need no table. */
export const benchZone = new Proxy(
  {},
  {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      const m = /^([hb])(\d+)\.bench\.lab$/.exec(name);
      if (!m) return undefined;
      if (m[1] === 'b') return { A: [BENCH_NET.blackhole], AAAA: [] };
      return { A: [BENCH_NET.sites[Number(m[2]) % BENCH_NET.sites.length]], AAAA: [] };
    },
  },
);

if (process.argv[1] && process.argv[1].endsWith('servers.mjs') && process.argv[2]) {
  const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const body = `<html><head><title>bench</title></head><body>${'y'.repeat(20 * 1024)}</body></html>`;
  const closers = [];
  closers.push(await startDnsServer({ host: BENCH_NET.resolver, port: 53, zone: benchZone }));
  closers.push(await startDohServer({ host: BENCH_NET.doh, port: 443, cert: cfg.cert, key: cfg.key, zone: benchZone }));
  for (const ip of BENCH_NET.sites) closers.push(await startWebServer({ host: ip, port: 443, tls: { cert: cfg.cert, key: cfg.key }, sites: { '*': { title: 'bench', body } } }));
  serveUntilSignal(closers);
}
