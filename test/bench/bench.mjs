// `npm run bench` (builds first): the figures of issue 13, each beside its target. Figures to
// report, never assertions. Timings are medians of several runs, and tekser is compared with a
// plain Node/undici script doing the same network work on the same targets in the same run
// (test/bench/plain.mjs): a ratio survives a noisy machine, absolute times don't.
//
// The network: a private network namespace (as root, or as an ordinary user through an
// unprivileged user namespace) holding a DNS resolver, a DoH control and HTTPS sites serving
// 20 KiB pages (test/bench/servers.mjs, its own process), and one address where iptables drops
// every SYN (the blackholed share). Where no namespace can be made, the network rows are skipped
// with the reason and the lint row still runs.
//
// The servers share the machine's cores with the measured process: the healthy row prints their
// CPU per target too, and the CPU-bound ceiling both together allow, so a figure says which side
// capped it. Node runs a process's JavaScript on one core: tekser's own ceiling is 1000 / (its CPU
// ms per target) targets/s, whatever the servers do.
//
// Flags:
//   --quick                 fewer targets and runs (a smoke run: minutes, not tens of minutes)
//   --runs N                runs per timing (median; default 3, quick 1)
//   --blackhole-targets N   targets of the blackholed row (default 2000, quick 300)
//   --healthy-targets N     targets of the throughput row (default 1000, quick 300)
//   --rss-sizes A,B,...     list sizes for peak RSS with --format jsonl (default 1000,5000,10000; add 100000)
//   --json-size N           list size for peak RSS with --format json (default 5000, quick 1000)
//   --only a,b              rows: blackhole, healthy, rss, json, spawn, lint, analyze
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { closeSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
// TEKSER_BENCH_BIN: another build's bin/tekser (to compare two builds in the same conditions).
const TEKSER = process.env.TEKSER_BENCH_BIN ?? join(REPO, 'bin/tekser');
const SELF = fileURLToPath(import.meta.url);
const ENV = { ...process.env, PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/local/sbin:/usr/sbin:/sbin` };

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'blackhole-targets': { type: 'string' },
    'healthy-targets': { type: 'string' },
    'rss-sizes': { type: 'string' },
    'json-size': { type: 'string' },
    only: { type: 'string' },
  },
});
const quick = flags.quick;
const RUNS = Number(flags.runs ?? (quick ? 1 : 3));
const BLACKHOLE_N = Number(flags['blackhole-targets'] ?? (quick ? 300 : 2000));
const HEALTHY_N = Number(flags['healthy-targets'] ?? (quick ? 300 : 1000));
const RSS_SIZES = (flags['rss-sizes'] ?? (quick ? '1000' : '1000,5000,10000')).split(',').map(Number);
const JSON_N = Number(flags['json-size'] ?? (quick ? 1000 : 5000));
const ONLY = flags.only ? new Set(flags.only.split(',')) : null;
const want = (row) => !ONLY || ONLY.has(row);
// Environment: TEKSER_BENCH_BIN=path/to/other/bin/tekser compares another build in the same conditions.
// Extra node flags for every measured process, e.g. TEKSER_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
const NODE_ARGS = (process.env.TEKSER_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

// 0. Into a network namespace of our own, unless already there.
if (!process.env.TEKSER_BENCH_NS) {
  const ns = process.getuid?.() === 0 ? ['--net'] : ['--user', '--map-root-user', '--net'];
  const probe = spawnSync('unshare', [...ns, 'true'], { env: ENV, encoding: 'utf8' });
  const reason = probe.status === 0 ? null : `no network namespace here (unshare ${ns.join(' ')}: ${(probe.stderr || probe.error?.message || 'failed').trim().split('\n').pop()})`;
  const r = reason
    ? spawnSync(process.execPath, [SELF, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...ENV, TEKSER_BENCH_NS: 'none', TEKSER_BENCH_NO_NS_REASON: reason } })
    : spawnSync('unshare', [...ns, process.execPath, SELF, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...ENV, TEKSER_BENCH_NS: '1' } });
  process.exit(r.status ?? 1);
}
const NO_NET = process.env.TEKSER_BENCH_NS === 'none' ? process.env.TEKSER_BENCH_NO_NS_REASON : null;

// ---------------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const rows = [];
function report(figure, value, target, note = '') {
  rows.push({ figure, value, target, note });
  console.log(`${figure.padEnd(58)} ${String(value).padEnd(34)} target ${target}${note ? `   (${note})` : ''}`);
}

const work = mkdtempSync(join(tmpdir(), 'tekser-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let usageCounter = 0;

/** CPU (user, system ms) the bench servers' process has used so far, from /proc (Linux); null elsewhere. */
function serversCpu() {
  const pid = net?.servers.pid;
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = 1000 / 100; // USER_HZ is 100 on Linux
    return { userMs: Number(f[11]) * tick, systemMs: Number(f[12]) * tick };
  } catch {
    return null;
  }
}

/**
 * Runs a node script with the usage hook; resolves with wall ms, CPU ms, peak RSS MiB, exit code.
 * `countVerdicts`: the JSONL goes to a file, read after the process exits, so that this process
 * parsing 10 KiB lines does not compete with the measured one for the cores (nor block its stdout).
 */
function measured(args, { stdoutFile = null, countVerdicts = false } = {}) {
  const usageFile = join(work, `usage-${usageCounter++}.json`);
  const jsonlFile = countVerdicts ? join(work, `out-${usageCounter}.jsonl`) : null;
  const fd = jsonlFile ? openSync(jsonlFile, 'w') : null;
  return new Promise((resolveRun) => {
    const s0 = serversCpu();
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', join(HERE, 'usage.mjs'), ...NODE_ARGS, ...args], {
      stdio: ['ignore', fd ?? (stdoutFile ? 'pipe' : 'ignore'), 'pipe'],
      env: { ...ENV, TEKSER_BENCH_USAGE: usageFile, NO_COLOR: '1' },
    });
    if (fd !== null) closeSync(fd);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('close', async (code) => {
      const wallMs = performance.now() - t0;
      const s1 = serversCpu();
      let u = { userMs: NaN, systemMs: NaN, maxRssKiB: NaN };
      try {
        u = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        // the process died before its exit hook
      }
      const servers = s0 && s1 ? { userMs: s1.userMs - s0.userMs, systemMs: s1.systemMs - s0.systemMs } : { userMs: NaN, systemMs: NaN };
      // JSONL from tekser run: count verdicts line by line (10k results need not sit in memory).
      const verdicts = {};
      let outBytes = 0;
      if (jsonlFile) {
        outBytes = statSync(jsonlFile).size;
        for await (const line of createInterface({ input: createReadStream(jsonlFile), crlfDelay: Infinity })) {
          try {
            const status = JSON.parse(line)?.verdict?.status;
            if (status) verdicts[status] = (verdicts[status] ?? 0) + 1;
          } catch {
            // the summary line or a non-JSON line
          }
        }
        rmSync(jsonlFile, { force: true });
      }
      resolveRun({ code, wallMs, cpuMs: u.userMs + u.systemMs, userMs: u.userMs, systemMs: u.systemMs, rssMiB: u.maxRssKiB / 1024, out, err, verdicts, servers, outBytes });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The network rows.
let net = null;
if (!NO_NET && ['blackhole', 'healthy', 'rss', 'json', 'spawn'].some(want)) {
  const { BENCH_NET } = await import('./servers.mjs');
  const sh = (cmd, args) => execFileSync(cmd, args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  sh('ip', ['link', 'set', 'lo', 'up']);
  for (const ip of [BENCH_NET.resolver, BENCH_NET.doh, BENCH_NET.firstPacket, ...BENCH_NET.sites, BENCH_NET.blackhole]) sh('ip', ['addr', 'add', `${ip}/32`, 'dev', 'lo']);
  let blackholeNote = '';
  try {
    sh('iptables', ['-A', 'INPUT', '-d', BENCH_NET.blackhole, '-p', 'tcp', '--syn', '-j', 'DROP']);
  } catch (err) {
    blackholeNote = `iptables failed (${String(err.stderr ?? err.message).trim().split('\n').pop()}): nothing listens there, so SYNs are refused, not dropped`;
  }
  const { TestPki } = await import('../servers/pki.mjs');
  const pki = new TestPki(work);
  const root = pki.root('bench-root', '/CN=tekser bench root');
  const leaf = pki.issue('bench-leaf', '/CN=bench.lab', root, { names: ['*.bench.lab', BENCH_NET.doh] });
  const cfg = join(work, 'servers.json');
  writeFileSync(cfg, JSON.stringify({ cert: leaf.cert, key: leaf.key }));
  const servers = spawn(process.execPath, [join(HERE, 'servers.mjs'), cfg], { stdio: ['ignore', 'pipe', 'inherit'], env: ENV });
  await new Promise((ok, fail) => {
    servers.stdout.on('data', (d) => String(d).includes('ready') && ok());
    servers.once('exit', (c) => fail(new Error(`bench servers exited ${c}`)));
  });
  process.on('exit', () => servers.kill('SIGKILL'));
  net = { BENCH_NET, caFile: root.certFile, blackholeNote, servers };
}

/** A list of n targets; every fifth blackholed when `blackholed` (20 %). */
function list(n, blackholed = false) {
  const file = join(work, `list-${n}-${blackholed ? 'bh' : 'ok'}.csv`);
  if (existsSync(file)) return file;
  const lines = ['url,category_code,category_description,date_added,source,notes'];
  for (let i = 0; i < n; i++) lines.push(`https://${blackholed && i % 5 === 4 ? 'b' : 'h'}${i}.bench.lab/,MISC,Miscellaneous content,2026-11-23,bench,`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
const tekserRun = (listFile, { concurrency = 64, format = 'jsonl', resolver } = {}) =>
  measured([TEKSER, 'run', '--list', listFile, '--resolver', `udp://${resolver ?? net.BENCH_NET.resolver}`, '--control-resolver', `https://${net.BENCH_NET.doh}/dns-query`, '--ca-file', net.caFile, '--concurrency', String(concurrency), '--format', format, '--no-save'], { countVerdicts: format === 'jsonl' });
const verdictNote = (r) => Object.entries(r.verdicts ?? {}).map(([k, v]) => `${v} ${k}`).join(', ');
const plainRun = (listFile, concurrency = 64) => measured([join(HERE, 'plain.mjs'), listFile, net.caFile, String(concurrency), net.BENCH_NET.resolver, net.BENCH_NET.doh], { stdoutFile: true });

async function runs(n, fn) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}
const failedNote = (rs) => {
  const bad = rs.filter((r) => r.code !== 0);
  return bad.length ? `${bad.length} run(s) exited ${bad.map((r) => r.code).join(',')}: ${bad[0].err.trim().split('\n').pop()}` : '';
};

console.log(`tekser benchmark — ${quick ? 'quick' : 'full'} mode, ${RUNS} run(s) per timing, medians; node ${process.versions.node}, ${process.env.TEKSER_BENCH_NS === '1' ? 'private network namespace' : 'no namespace'}`);
if (NO_NET) console.log(`network rows skipped: ${NO_NET}`);
console.log('');

if (net && want('blackhole')) {
  const file = list(BLACKHOLE_N, true);
  const t = await runs(RUNS, () => tekserRun(file));
  const p = await runs(RUNS, () => plainRun(file));
  const wall = median(t.map((r) => r.wallMs)) / 1000;
  report(`${BLACKHOLE_N} targets, 20% blackholed, c=64, default timeouts`, `${f1(wall)} s (plain: ${f1(median(p.map((r) => r.wallMs)) / 1000)} s, 1 attempt)`, '≤ 60 s for 2,000', [verdictNote(t[0]), net.blackholeNote, failedNote(t)].filter(Boolean).join('; '));
}

if (net && want('healthy')) {
  const file = list(HEALTHY_N);
  const t = await runs(RUNS, () => tekserRun(file));
  const p = await runs(RUNS, () => plainRun(file));
  const tw = median(t.map((r) => r.wallMs)) / 1000;
  const pw = median(p.map((r) => r.wallMs)) / 1000;
  const tc = median(t.map((r) => r.cpuMs)) / HEALTHY_N;
  const pc = median(p.map((r) => r.cpuMs)) / HEALTHY_N;
  const okPlain = p.map((r) => Number(r.out.trim())).join('/');
  report(`healthy HTTPS throughput, ${HEALTHY_N} targets, c=64`, `${f0(HEALTHY_N / tw)} targets/s (plain ${f0(HEALTHY_N / pw)}/s)`, '≥ 300/s', [verdictNote(t[0]), `${f1(t[0].outBytes / HEALTHY_N / 1024)} KiB of JSONL per target`, failedNote(t)].filter(Boolean).join('; '));
  const split = (rs) => `user ${(median(rs.map((r) => r.userMs)) / HEALTHY_N).toFixed(2)} + system ${(median(rs.map((r) => r.systemMs)) / HEALTHY_N).toFixed(2)}`;
  report('  CPU per target', `${tc.toFixed(2)} ms (plain ${pc.toFixed(2)} ms)`, '≤ 3 ms', `tekser ${split(t)}; plain ${split(p)}`);
  report('  CPU per target vs plain Node/undici (same run)', `${(tc / pc).toFixed(2)}×`, '≤ 1.2×', `plain loaded ${okPlain} of ${HEALTHY_N}`);
  // The servers share the machine's cores with what is measured: their CPU per target, beside the
  // client's, says which side caps the throughput (cores × 1000 / (client + servers ms) targets/s).
  const sv = (rs) => median(rs.map((r) => r.servers.userMs + r.servers.systemMs)) / HEALTHY_N;
  const svSplit = (rs) => `user ${(median(rs.map((r) => r.servers.userMs)) / HEALTHY_N).toFixed(2)} + system ${(median(rs.map((r) => r.servers.systemMs)) / HEALTHY_N).toFixed(2)}`;
  const cores = availableParallelism();
  report('  bench servers\' CPU per target (DNS, DoH, HTTPS)', `${sv(t).toFixed(2)} ms (during plain ${sv(p).toFixed(2)} ms)`, 'not tekser\'s', `during tekser ${svSplit(t)}; ${cores} cores → CPU-bound ceiling ≈ ${f0((cores * 1000) / (tc + sv(t)))}/s for tekser + servers, ${f0((cores * 1000) / (pc + sv(p)))}/s plain; one core's worth of tekser ≈ ${f0(1000 / tc)}/s, of plain ≈ ${f0(1000 / pc)}/s`);
}

if (net && want('rss')) {
  for (const n of RSS_SIZES) {
    const r = await tekserRun(list(n), { format: 'jsonl' });
    report(`peak RSS, ${n} healthy targets, --format jsonl`, `${f0(r.rssMiB)} MiB (${f1(r.wallMs / 1000)} s)`, '≤ 150 MiB', [verdictNote(r), failedNote([r])].filter(Boolean).join('; '));
  }
}
if (net && want('json')) {
  const r = await tekserRun(list(JSON_N), { format: 'json' });
  report(`peak RSS, ${JSON_N} healthy targets, --format json`, `${f0(r.rssMiB)} MiB (${f1(r.wallMs / 1000)} s)`, '≤ 150 MiB', failedNote([r]));
}

if (net && want('spawn')) {
  // A silent resolver on its own address: the first datagram that reaches it ends the measurement.
  const firstPacket = async (args) => {
    const sock = createSocket('udp4');
    await new Promise((r) => sock.bind(53, net.BENCH_NET.firstPacket, r));
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: 'ignore', env: { ...ENV, NO_COLOR: '1' } });
    const ms = await new Promise((r) => {
      const timer = setTimeout(() => r(NaN), 10_000);
      sock.once('message', () => {
        clearTimeout(timer);
        r(performance.now() - t0);
      });
    });
    child.kill('SIGKILL');
    sock.close();
    return ms;
  };
  const file = list(10);
  const t = await runs(Math.max(RUNS, 5), () =>
    firstPacket([TEKSER, 'run', '--list', file, '--resolver', `udp://${net.BENCH_NET.firstPacket}`, '--control-resolver', `https://${net.BENCH_NET.doh}/dns-query`, '--ca-file', net.caFile, '--format', 'jsonl', '--no-save']),
  );
  // The default keeps the run in the data directory (lock, run directory, repair of a killed run).
  const saved = await runs(Math.max(RUNS, 5), () =>
    firstPacket([TEKSER, 'run', '--list', file, '--resolver', `udp://${net.BENCH_NET.firstPacket}`, '--control-resolver', `https://${net.BENCH_NET.doh}/dns-query`, '--ca-file', net.caFile, '--format', 'jsonl', '--data-dir', join(work, 'spawn-data')]),
  );
  const p = await runs(Math.max(RUNS, 5), () =>
    firstPacket(['-e', `require('node:dgram').createSocket('udp4').send(Buffer.alloc(12), 53, '${net.BENCH_NET.firstPacket}', () => process.exit(0))`]),
  );
  report('spawn → first DNS packet, 10 targets, --no-save', `${f0(median(t))} ms (bare node: ${f0(median(p))} ms)`, '≤ 150 ms', `${(median(t) / median(p)).toFixed(1)}× node's own start-up`);
  report('spawn → first DNS packet, 10 targets, saved (default)', `${f0(median(saved))} ms`, '≤ 150 ms', 'lock, run directory, repair of the killed run before');
}
net?.servers.kill('SIGTERM');

// ---------------------------------------------------------------------------------------------
// Lint: the lint helper's benchmark when there is one and ../shared is beside the repo, else tekser
// lint of a generated corpus the size of upstream's (147 lists, 39,206 rows).
if (want('lint')) {
  const own = join(HERE, 'lint-bench.mjs');
  // The lint helper's benchmark builds its corpus from the upstream lists in ../shared.
  if (existsSync(own) && existsSync(resolve(REPO, '../shared/test-lists-upstream/kz.csv'))) {
    console.log('\nlint (test/bench/lint-bench.mjs):');
    const r = spawnSync(process.execPath, [own, '--runs', String(Math.max(RUNS, 3))], { stdio: 'inherit', env: ENV });
    if (r.status !== 0) report('tekser lint (lint-bench.mjs)', `exited ${r.status}`, 'faster than upstream (0.57 s), ≤ 40 MiB');
  } else {
    const dir = join(work, 'lists');
    mkdirSync(dir);
    const regions = new Intl.DisplayNames(['en'], { type: 'region' });
    const codes = [];
    for (let a = 97; a < 123 && codes.length < 146; a++)
      for (let b = 97; b < 123 && codes.length < 146; b++) {
        const c = String.fromCharCode(a, b);
        try {
          if (regions.of(c.toUpperCase()) !== c.toUpperCase()) codes.push(c);
        } catch {
          // not a region code
        }
      }
    const header = 'url,category_code,category_description,date_added,source,notes';
    const files = ['global', ...codes];
    const per = Math.floor(39_206 / files.length);
    files.forEach((name, f) => {
      const lines = [header];
      const n = f === 0 ? 39_206 - per * (files.length - 1) : per;
      for (let i = 0; i < n; i++) lines.push(`https://${name}-site-${i}.example/,NEWS,News Media,2020-0${1 + (i % 9)}-1${i % 9},bench,"notes, with a comma"`);
      writeFileSync(join(dir, `${name}.csv`), `${lines.join('\n')}\n`);
    });
    const t = await runs(Math.max(RUNS, 3), () => measured([TEKSER, 'lint', dir]));
    report(`tekser lint, generated corpus (${files.length} lists, 39,206 rows)`, `${(median(t.map((r) => r.wallMs)) / 1000).toFixed(2)} s, ${f0(median(t.map((r) => r.rssMiB)))} MiB`, 'faster than upstream (0.57 s), ≤ 40 MiB', t[0].code > 1 ? `exit ${t[0].code}: ${t[0].err.trim().split('\n').pop()}` : 'whole process');
  }
}

// `tekser analyze` of OONI measurements (issue 10), when the ingest helper's benchmark is there.
if (want('analyze') && existsSync(join(HERE, 'analyze-bench.mjs'))) {
  console.log('\nanalyze (test/bench/analyze-bench.mjs):');
  spawnSync(process.execPath, [join(HERE, 'analyze-bench.mjs'), '--runs', String(RUNS), ...(quick ? ['--count', '2000'] : [])], { stdio: 'inherit', env: ENV });
}
