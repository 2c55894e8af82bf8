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
  lintPaths(...args); // warm-up: module load, regex compilation
  const samples = [];
  let rows = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const r = lintPaths(...args);
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
