#!/usr/bin/env node
// Memory check for the run pipeline (issue 13): peak RSS of `run` for N healthy targets, in the
// jsonl and json formats, with each result streamed to a data directory and an output file.
// Figures to report, not assertions (but it exits 1 when a figure is over the bound, for CI use).
//
//   node test/bench/pipeline-memory.mjs [--sizes 1000,5000,10000,100000] [--formats jsonl,json]
//                                       [--engine real|synthetic] [--concurrency 64] [--bound 150]
//
// engine=real: the real engine against loopback servers (UDP DNS, DoH control, HTTPS sites serving
//   ~20 KiB pages) started in THIS process; the run happens in a child process whose peak RSS
//   (getrusage maxrss) is the figure, so the servers' memory is not counted.
// engine=synthetic: the child's measurer returns a full, realistic measurement at once (a fresh
//   20 KiB body, a two-certificate chain, DNS/TCP/TLS observations) without I/O: the pipeline's own
//   memory at sizes the real engine would take too long for on a shared machine (100k).
// Needs `npm run build` first (reads dist/).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

if (process.argv[2] === '--child') await child(JSON.parse(process.argv[3]));
else await parent();

async function parent() {
  const sizes = arg('sizes', '1000,5000,10000,100000').split(',').map(Number);
  const formats = arg('formats', 'jsonl,json').split(',');
  const engine = arg('engine', 'synthetic');
  const concurrency = Number(arg('concurrency', '64'));
  const bound = Number(arg('bound', '150'));
  const dir = mkdtempSync(join(tmpdir(), 'tekser-mem-'));
  let servers = null;
  let closeServers = async () => {};
  if (engine === 'real') {
    const { startDnsServer, startDohServer, startWebServer } = await import('../servers/servers.mjs');
    const { TestPki } = await import('../servers/pki.mjs');
    const pki = new TestPki(dir);
    const root = pki.root('root', '/CN=memory check root');
    const leaf = pki.issue('leaf', '/CN=memory check', root, { names: ['*.mem.test', '127.0.0.1'] });
    const zone = new Proxy({}, { get: (_t, name) => (typeof name === 'string' && name.endsWith('.mem.test') ? { A: ['127.0.0.1'], AAAA: [] } : undefined) });
    const sites = { '*': { title: 'a healthy site', body: `<html><head><title>a healthy site</title></head><body>${'y'.repeat(20_000)}</body></html>` } };
    const web = await startWebServer({ host: '127.0.0.1', tls: leaf, sites });
    const dns = await startDnsServer({ host: '127.0.0.1', zone });
    const doh = await startDohServer({ host: '127.0.0.1', cert: leaf.cert, key: leaf.key, zone });
    writeFileSync(join(dir, 'root.pem'), root.cert);
    servers = { web: web.port, dns: dns.port, doh: doh.port, rootFile: join(dir, 'root.pem') };
    closeServers = () => Promise.all([web.close(), dns.close(), doh.close()]);
  }
  console.log(`pipeline memory check: engine ${engine}, concurrency ${concurrency}, bound ${bound} MiB (node ${process.versions.node})`);
  let over = false;
  for (const n of sizes) {
    for (const format of formats) {
      const out = await new Promise((resolvePromise, reject) => {
        const c = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify({ n, format, engine, concurrency, servers, dir })], { stdio: ['ignore', 'pipe', 'inherit'] });
        let text = '';
        c.stdout.on('data', (d) => (text += d));
        c.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(text)) : reject(new Error(`child exited ${code}`))));
      });
      over ||= out.peakRssMiB > bound;
      console.log(
        `${String(n).padStart(6)} targets, ${format.padEnd(5)}: peak RSS ${String(out.peakRssMiB).padStart(4)} MiB ${out.peakRssMiB <= bound ? '≤' : '>'} ${bound} MiB; ` +
          `${out.seconds.toFixed(1)} s (${Math.round(n / out.seconds)} targets/s); output ${(out.outputBytes / 1048576).toFixed(0)} MiB, store ${(out.storeBytes / 1048576).toFixed(0)} MiB; ${out.accessible} accessible`,
      );
    }
  }
  await closeServers();
  rmSync(dir, { recursive: true, force: true });
  process.exit(over ? 1 : 0);
}

async function child({ n, format, engine, concurrency, servers, dir }) {
  // The V8 flags bin/tekser sets for `run` (src/cli/v8-flags.ts), before anything else loads.
  const { V8_FLAGS } = await import(join(REPO, 'dist/cli/v8-flags.js'));
  (await import('node:v8')).default.setFlagsFromString(V8_FLAGS.run);
  // What `tekser run` loads itself, not the whole library (dist/index.js loads every command's modules).
  const libModules = ['model/values.js', 'net/tls.js', 'net/dns.js', 'measure/context.js', 'data/interception-cas.js'];
  const lib = Object.assign({}, ...(await Promise.all(libModules.map((m) => import(join(REPO, 'dist', m))))));
  const pipeline = await import(join(REPO, 'dist/pipeline.js'));
  const render = await import(join(REPO, 'dist/report/render.js'));
  const { preferFlatMemory } = await import(join(REPO, 'dist/cli/v8-flags.js'));
  const { startRun } = await import(join(REPO, 'dist/store/runs.js'));
  const { createWriteStream, readFileSync } = await import('node:fs');
  const dataDir = mkdtempSync(join(dir, 'data-'));
  const outFile = join(dataDir, `out.${format}`);
  const file = createWriteStream(outFile);
  const write = (text) => (file.write(text) ? undefined : new Promise((r) => file.once('drain', r)));
  const startedAt = new Date().toISOString();
  const output =
    format === 'jsonl'
      ? render.jsonlRenderer(write, startedAt)
      : render.jsonDocumentRenderer(write, { schema: lib.RUN_SCHEMA_ID, tekser: { version: 'x', node: process.versions.node, openssl: process.versions.openssl }, startedAt, settings: { localResolver: 'udp', controlResolvers: [], controlHelper: null, trustStore: 'bench', concurrency, lists: [] } });
  const writer = startRun(dataDir, { tekserVersion: 'memory-check', lists: [], settings: {}, targets: n });

  let ctx;
  let measurers;
  let targets;
  if (engine === 'real') {
    const rootPem = readFileSync(servers.rootFile, 'utf8');
    const trust = lib.publicTrustStore([rootPem]);
    const timeouts = { ...lib.DEFAULT_TIMEOUTS, dnsMs: 3000, tcpMs: 3000, tlsMs: 3000, httpMs: 5000 };
    ctx = {
      localResolver: lib.parseResolver(`udp://127.0.0.1:${servers.dns}`),
      controlResolvers: [lib.parseResolver(`https://127.0.0.1:${servers.doh}/dns-query`)],
      trust,
      extraCaPems: [rootPem],
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
    targets = Array.from({ length: n }, (_, i) => ({ kind: 'web', url: `https://s${i}.mem.test:${servers.web}/`, category: null, source: 'memory check' }));
  } else {
    ctx = { timeouts: { ...lib.DEFAULT_TIMEOUTS }, localResolver: { kind: 'system' }, interceptionCas: lib.BUILTIN_INTERCEPTION_CAS };
    targets = Array.from({ length: n }, (_, i) => ({ kind: 'web', url: `https://s${i}.mem.test/`, category: null, source: 'memory check' }));
    const der = () => Buffer.from(`${Math.random()}`.repeat(120)).toString('base64');
    measurers = {
      service: async () => {
        throw new Error('no services');
      },
      web: async (t) => {
        await new Promise((r) => setImmediate(r));
        const host = new URL(t.url).hostname;
        const ip = '198.51.100.7';
        const cert = (subject) => ({ der: der(), sha256: 'ab'.repeat(32), spkiSha256: 'cd'.repeat(32), subject, issuer: 'CN=CA', notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z', isCA: false });
        const hs = { ip, port: 443, serverName: host, failure: null, tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', alpn: 'http/1.1', peerCertificates: [cert(`CN=${host}`), cert('CN=CA')], chainTrusted: true, chainError: null, hostnameMatches: true, t0: 0.02, t: 0.03 };
        const q = (engineName) => ({ engine: engineName, resolver: '', hostname: host, queryType: 'A', answers: [{ type: 'A', value: ip, ttl: 60 }], rcode: 'NOERROR', failure: null, t0: 0, t: 0.01 });
        const body = `<html><head><title>${host}</title></head><body>${'y'.repeat(20_000)}${Math.random()}</body></html>`;
        return {
          target: t, startedAt: new Date().toISOString(), runtime: 0.05, hostname: host, port: 443, localResolver: 'udp',
          dns: { local: [q('udp'), { ...q('udp'), queryType: 'AAAA', answers: [], failure: 'dns_no_answer' }], control: [q('doh')] },
          addresses: [{ ip, sources: ['local', 'control'], skipped: null }],
          tcp: [{ ip, port: 443, failure: null, t0: 0.01, t: 0.02 }], tls: [hs],
          http: [{ url: t.url, method: 'GET', ip, port: 443, failure: null, failedOperation: null, status: 200, headers: { 'content-type': 'text/html', server: 'bench' }, bodyLength: body.length, bodyTruncated: false, body, title: host, tls: hs, responseAt: 0.04, t0: 0.03, t: 0.05 }],
          redirectDns: [], helper: null, controlRecheck: [], sniProbes: [], deadlineExceeded: false,
        };
      },
    };
  }
  // As `tekser run` does (see preferFlatMemory in src/cli/v8-flags.ts).
  preferFlatMemory();
  const t0 = performance.now();
  const outcome = await pipeline.runPipeline({ targets, ctx, concurrency, measurers, serialize: { includeBodies: false }, store: writer, output });
  await output.finish({ finishedAt: new Date().toISOString(), ...outcome });
  writer.finish('complete', outcome.summary, outcome.findings);
  await new Promise((r) => file.end(r));
  const seconds = (performance.now() - t0) / 1000;
  await ctx.dispatcher?.close();
  const result = {
    n,
    format,
    seconds,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    accessible: outcome.summary.accessible,
    outputBytes: statSync(outFile).size,
    storeBytes: statSync(join(writer.dir, 'measurements.jsonl')).size,
  };
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(result));
}
