#!/usr/bin/env node
// Lint and list-reading figures for issue #13 (lint row) and #12.4 (200,000-row list), measured in
// child processes so each peak RSS is the process's own (process.resourceUsage().maxRSS).
//
//   node test/bench/lint-bench.mjs [--runs 5] [--rows 200000] [--python path/to/lint-lists.py]   (after `npm run build`)
//
// The lab helper's bench.mjs can import { lintBench, listMemoryBench, compareWithUpstream, makeLintCorpus } instead.
// Needs ../shared/test-lists-upstream (kz.csv, global.csv, the legend) to build the corpus: all 147
// upstream lists hold 39,206 rows; the corpus repeats kz.csv's rows into 146 country files beside
// global.csv to the same row count. Upstream's Python linter on the real lists: 0.57 s, 16 MiB.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const UPSTREAM = resolve(REPO, '../shared/test-lists-upstream');
export const UPSTREAM_ROWS = 39_206;
export const UPSTREAM_PYTHON = { seconds: 0.57, rssMiB: 16 };
export const TARGET = { rssMiB: 40, listRssMiB: 200 };

/** A directory shaped like upstream's lists/: global.csv, the legend, 146 country files; 39,206 rows in all. */
export function makeLintCorpus(dir = mkdtempSync(join(tmpdir(), 'tekser-lint-corpus-')), upstream = UPSTREAM) {
  // The two legends upstream's lists/ directory holds beside the lists (its linter reads both).
  for (const f of ['global.csv', '00-LEGEND-new_category_codes.csv', '00-LEGEND-country_codes.csv']) copyFileSync(join(upstream, f), join(dir, f));
  const [header, ...kzRows] = readFileSync(join(upstream, 'kz.csv'), 'utf8').trimEnd().split('\n');
  const globalRows = readFileSync(join(upstream, 'global.csv'), 'utf8').trimEnd().split('\n').length - 1;
  const codes = readFileSync(join(upstream, '00-LEGEND-country_codes.csv'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0].toLowerCase())
    .filter((c) => /^[a-z]{2}$/.test(c) && c !== 'kz');
  const files = 146;
  let left = UPSTREAM_ROWS - globalRows;
  for (let i = 0; i < files; i++) {
    const n = Math.ceil(left / (files - i));
    left -= n;
    const rows = [];
    for (let r = 0; r < n; r++) rows.push(kzRows[(i * 37 + r) % kzRows.length]);
    writeFileSync(join(dir, `${codes[i]}.csv`), `${header}\n${rows.join('\n')}\n`);
  }
  return dir;
}

/** A Citizen Lab list of `rows` distinct URLs. */
export function makeBigList(rows, file = join(mkdtempSync(join(tmpdir(), 'tekser-big-list-')), 'big.csv')) {
  const out = ['url,category_code,category_description,date_added,source,notes'];
  for (let i = 0; i < rows; i++) out.push(`https://site-${i}.example.kz/path/${i % 97}/,NEWS,News Media,2024-01-01,bench,`);
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `script` in a fresh node; the child prints its wall time in ms and peak RSS in KiB as JSON. */
function child(script, args, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  const last = r.stdout.trimEnd().split('\n').pop();
  return JSON.parse(last);
}

const LINT_CHILD = `
const t0 = performance.now();
// The V8 flags bin/tekser sets for lint (src/cli/v8-flags.ts).
const { V8_FLAGS } = await import(${JSON.stringify(join(REPO, 'dist/cli/v8-flags.js'))});
(await import('node:v8')).default.setFlagsFromString(V8_FLAGS.lint);
const { lintCommand } = await import(${JSON.stringify(join(REPO, 'dist/cli/commands/lint.js'))});
let bytes = 0;
const code = await lintCommand([process.argv[1]], {}, { stdout: (t) => { bytes += t.length; }, stderr: () => {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false });
console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS, code, bytes }));
`;

/** `tekser lint` of the corpus, in-process timing inside a fresh process, and the whole CLI process (/usr/bin/time-like). */
export function lintBench({ runs = 5, corpus = makeLintCorpus() } = {}) {
  const inproc = [];
  const whole = [];
  for (let i = 0; i < runs; i++) {
    inproc.push(child(LINT_CHILD, [corpus]));
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(REPO, 'bin/tekser'), 'lint', corpus], { stdio: 'ignore' });
    whole.push({ ms: performance.now() - t0, code: r.status });
  }
  const wholeRss = peakRssOfCommand([join(REPO, 'bin/tekser'), 'lint', corpus]);
  return {
    rows: UPSTREAM_ROWS,
    lintMs: median(inproc.map((r) => r.ms)),
    processMs: median(whole.map((r) => r.ms)),
    peakRssMiB: median(inproc.map((r) => r.maxRssKiB)) / 1024,
    processPeakRssMiB: wholeRss,
    exitCode: inproc[0].code,
  };
}

/** Wall, CPU (user+sys) seconds and peak RSS MiB of a command, from /usr/bin/time; null without it. */
export function timeCommand(cmd, args) {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return m ? { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMiB: Number(m[4]) / 1024 } : null;
}

/**
 * tekser lint and upstream's Python linter (scripts/lint-lists.py of citizenlab/test-lists, not shipped:
 * pass its path) on the same corpus, alternated, medians: a ratio measured in one run survives a busy machine.
 */
export function compareWithUpstream({ python, runs = 5, corpus = makeLintCorpus() }) {
  const t = [];
  const p = [];
  for (let i = 0; i < runs; i++) {
    t.push(timeCommand(process.execPath, [join(REPO, 'bin/tekser'), 'lint', corpus]));
    p.push(timeCommand('python3', [python, corpus]));
  }
  const med = (xs, k) => median(xs.map((x) => x[k]));
  return {
    tekser: { wall: med(t, 'wall'), cpu: med(t, 'cpu'), rssMiB: med(t, 'rssMiB') },
    upstream: { wall: med(p, 'wall'), cpu: med(p, 'cpu'), rssMiB: med(p, 'rssMiB') },
  };
}

/** Peak RSS of `node args...` in MiB, from /usr/bin/time -v when present, else the child's own resourceUsage. */
function peakRssOfCommand(args) {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) return Number(m[1]) / 1024;
  }
  return NaN;
}

const LIST_CHILD = `
const t0 = performance.now();
const { readTargets } = await import(${JSON.stringify(join(REPO, 'dist/lists/targets.js'))});
const targets = await readTargets([], [process.argv[1]]);
const ms = performance.now() - t0;
globalThis.keep = targets;
console.log(JSON.stringify({ ms, targets: targets.length, maxRssKiB: process.resourceUsage().maxRSS, heapUsedMiB: process.memoryUsage().heapUsed / 1048576 }));
`;

/** Reading a `rows`-row list into run targets (streamed, deduplicated): peak RSS of the whole process. */
export function listMemoryBench({ rows = 200_000, runs = 3 } = {}) {
  const file = makeBigList(rows);
  try {
    const results = Array.from({ length: runs }, () => child(LIST_CHILD, [file]));
    const baseline = child(`console.log(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }))`, []);
    return {
      rows,
      targets: results[0].targets,
      ms: median(results.map((r) => r.ms)),
      peakRssMiB: median(results.map((r) => r.maxRssKiB)) / 1024,
      heapUsedMiB: median(results.map((r) => r.heapUsedMiB)),
      nodeBaselineRssMiB: baseline.maxRssKiB / 1024,
    };
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  if (!existsSync(join(REPO, 'dist/cli/main.js'))) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  const corpus = makeLintCorpus();
  try {
    const l = lintBench({ runs: arg('--runs', 5), corpus });
    const f = (x) => x.toFixed(2);
    console.log(`lint ${l.rows} rows / 147 lists: ${f(l.lintMs / 1000)} s in-process (module load included), ${f(l.processMs / 1000)} s whole process; upstream Python ${UPSTREAM_PYTHON.seconds} s`);
    console.log(`lint peak RSS: ${f(l.peakRssMiB)} MiB (lint in a fresh node), ${f(l.processPeakRssMiB)} MiB (bin/tekser, /usr/bin/time); target <= ${TARGET.rssMiB} MiB; upstream ${UPSTREAM_PYTHON.rssMiB} MiB`);
    const pyIdx = process.argv.indexOf('--python');
    if (pyIdx > 0) {
      const c = compareWithUpstream({ python: process.argv[pyIdx + 1], runs: arg('--runs', 5), corpus });
      console.log(`same run, medians: tekser lint ${f(c.tekser.wall)} s wall, ${f(c.tekser.cpu)} s CPU, ${f(c.tekser.rssMiB)} MiB; upstream Python ${f(c.upstream.wall)} s wall, ${f(c.upstream.cpu)} s CPU, ${f(c.upstream.rssMiB)} MiB; CPU ratio ${f(c.tekser.cpu / c.upstream.cpu)}`);
    }
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
  const m = listMemoryBench({ rows: arg('--rows', 200_000) });
  console.log(`list of ${m.rows} rows -> ${m.targets} targets: ${(m.ms / 1000).toFixed(2)} s, peak RSS ${m.peakRssMiB.toFixed(1)} MiB (node alone ${m.nodeBaselineRssMiB.toFixed(1)} MiB), heap ${m.heapUsedMiB.toFixed(1)} MiB; target < ${TARGET.listRssMiB} MiB`);
}
