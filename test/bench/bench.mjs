// Benchmarks: figures to report, not assertions. `npm run bench` (builds first).
// 1. lint: upstream global.csv (~1,700 rows) and kz.csv, in-process, after one warm-up.
// 2. lint via the CLI, cold (node start-up included), as CI runs it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const UPSTREAM = resolve(REPO, '../shared/test-lists-upstream');
const { lintPaths } = await import(join(REPO, 'dist/lint/lint-paths.js'));

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: pick(0.5), p90: pick(0.9), min: s[0] };
}
const fmt = (ms) => `${ms.toFixed(1)} ms`;

if (!existsSync(join(UPSTREAM, 'global.csv'))) {
  console.error(`bench: ${UPSTREAM}/global.csv not found (the upstream lists live in ../shared)`);
  process.exit(2);
}

for (const [name, args] of [
  ['global.csv', [[join(UPSTREAM, 'global.csv')], {}]],
  ['kz.csv vs global.csv', [[join(UPSTREAM, 'kz.csv')], { globalFile: join(UPSTREAM, 'global.csv') }]],
]) {
  await lintPaths(...args); // warm-up: module load, regex compilation
  const samples = [];
  let rows = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const r = await lintPaths(...args);
    samples.push(performance.now() - t0);
    rows = r.files.length;
  }
  const st = stats(samples);
  console.log(`lint ${name}: median ${fmt(st.median)}, p90 ${fmt(st.p90)}, min ${fmt(st.min)} (in-process, 20 runs)`);
}

const cold = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  execFileSync(process.execPath, [join(REPO, 'bin/tekser'), 'lint', join(UPSTREAM, 'global.csv')], { stdio: 'ignore' });
  cold.push(performance.now() - t0);
}
console.log(`tekser lint global.csv, whole process: median ${fmt(stats(cold).median)} (5 runs, node start-up included)`);
const mem = process.memoryUsage();
console.log(`memory after lint benchmarks: rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB`);

// 3. run: many targets through the real engine against loopback servers (DNS over UDP, DoH
//    control, HTTPS sites with ~20 KiB pages), to see throughput and memory at the default concurrency.
{
  const { startDnsServer, startDohServer, startWebServer } = await import('../servers/servers.mjs');
  const { TestPki } = await import('../servers/pki.mjs');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const lib = await import(join(REPO, 'dist/index.js'));
  const dir = mkdtempSync(join(tmpdir(), 'tekser-bench-'));
  const pki = new TestPki(dir);
  const root = pki.root('root', '/CN=bench root');
  const leaf = pki.issue('leaf', '/CN=bench', root, { names: ['*.bench.test', '127.0.0.1'] });
  const N = 300;
  const zone = {};
  const sites = {};
  for (let i = 0; i < N; i++) {
    zone[`s${i}.bench.test`] = { A: ['127.0.0.1'], AAAA: [] };
    sites[`s${i}.bench.test`] = { title: `site ${i}`, body: `<title>site ${i}</title>${'y'.repeat(20_000)}` };
  }
  const web = await startWebServer({ host: '127.0.0.1', tls: leaf, sites });
  const dns = await startDnsServer({ host: '127.0.0.1', zone });
  const doh = await startDohServer({ host: '127.0.0.1', cert: leaf.cert, key: leaf.key, zone });
  const trust = lib.publicTrustStore([root.cert]);
  const timeouts = { ...lib.DEFAULT_TIMEOUTS, dnsMs: 2000, tcpMs: 2000, tlsMs: 2000, httpMs: 4000 };
  const ctx = {
    localResolver: lib.parseResolver(`udp://127.0.0.1:${dns.port}`),
    controlResolvers: [lib.parseResolver(`https://127.0.0.1:${doh.port}/dns-query`)],
    trust,
    extraCaPems: [root.cert],
    timeouts,
    helperUrl: null,
    dispatcher: lib.controlDispatcher(trust, timeouts),
    bodyLimit: 512 * 1024,
    dnsLingerMs: 300,
    dialLoopback: true,
    retries: 2,
    harmlessSni: 'example.org',
    sniProbeHost: null,
    interceptionCas: lib.BUILTIN_INTERCEPTION_CAS,
  };
  const targets = Array.from({ length: N }, (_, i) => ({ kind: 'web', url: `https://s${i}.bench.test:${web.port}/`, category: null, source: 'bench' }));
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  for (const concurrency of [16, 64]) {
    const t0 = performance.now();
    const results = await lib.runTargets(targets, ctx, { concurrency });
    const secs = (performance.now() - t0) / 1000;
    const ok = results.filter((r) => r.verdict.status === 'accessible').length;
    console.log(`run ${N} loopback HTTPS targets, concurrency ${concurrency}: ${secs.toFixed(2)} s (${(N / secs).toFixed(0)} targets/s), ${ok} accessible`);
  }
  clearInterval(sampler);
  console.log(`run peak RSS: ${(peakRss / 1048576).toFixed(0)} MiB (server side in the same process)`);
  await ctx.dispatcher.close();
  await Promise.all([web.close(), dns.close(), doh.close()]);
  rmSync(dir, { recursive: true, force: true });
}
