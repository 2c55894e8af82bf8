#!/usr/bin/env node
// Benchmark: `tekser analyze` of many OONI measurements, streamed (issue 10). Builds a JSONL file of
// N measurements (default 10,000) by repeating OONI's 36 generated cases in
// ../shared/ooni-measurements (read in place; the file is written to a temporary directory and
// removed), or the hand-written fixtures in test/fixtures/ooni when ../shared is absent, then runs
// `tekser analyze FILE --format jsonl -o OUT` in a child process and reports measurements/s and the
// child's peak RSS. Figures to report, not assertions.
//
//   node test/bench/analyze-bench.mjs [--count 10000] [--format jsonl|json|table] [--runs 3]
//
// Exported for test/bench/bench.mjs: `benchAnalyze({ count, format, runs })` → { count, seconds, perSecond, peakRssMiB }.
// Needs `npm run build` first (runs dist/ through bin/tekser).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(REPO, '../shared/ooni-measurements/probe-cli-generated');
const FIXTURES = join(REPO, 'test/fixtures/ooni');

/** The measurements to repeat, one JSON line each. */
function corpus() {
  if (existsSync(CORPUS)) {
    const lines = readdirSync(CORPUS)
      .filter((d) => existsSync(join(CORPUS, d, 'measurement.json')))
      .map((d) => JSON.stringify(JSON.parse(readFileSync(join(CORPUS, d, 'measurement.json'), 'utf8'))));
    return { source: `${lines.length} OONI cases from ${CORPUS}`, lines };
  }
  const lines = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.stringify(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'))));
  return { source: `${lines.length} hand-written fixtures (../shared not found)`, lines };
}

async function writeInput(file, count, lines) {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    if (!out.write(`${lines[i % lines.length]}\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

function runChild(input, output, format) {
  return new Promise((resolvePromise, reject) => {
    const c = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', input, output, format], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (code) => {
      const m = /^BENCH (.*)$/m.exec(err);
      if (code !== 0 || !m) reject(new Error(`analyze exited ${code}: ${err.slice(0, 500)}`));
      else resolvePromise(JSON.parse(m[1]));
    });
  });
}

export async function benchAnalyze({ count = 10_000, format = 'jsonl', runs = 3 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tekser-analyze-bench-'));
  try {
    const { source, lines } = corpus();
    const input = join(dir, 'measurements.jsonl');
    await writeInput(input, count, lines);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await runChild(input, join(dir, `out.${format}`), format));
    samples.sort((a, b) => a.seconds - b.seconds);
    const median = samples[Math.floor(samples.length / 2)];
    return {
      count,
      format,
      source,
      inputMiB: statSync(input).size / 1048576,
      seconds: median.seconds,
      perSecond: count / median.seconds,
      peakRssMiB: Math.max(...samples.map((s) => s.peakRssMiB)),
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  // In the child: run the CLI in-process and report its own wall time and peak RSS.
  const [, , , input, output, format] = process.argv;
  const { runCli } = await import(join(REPO, 'dist/cli/main.js'));
  const { processIO } = await import(join(REPO, 'dist/cli/io.js'));
  const io = { ...processIO(), stderr: () => {} };
  const t0 = performance.now();
  const code = await runCli(['node', 'tekser', 'analyze', input, '--format', format, '-o', output], io);
  const seconds = (performance.now() - t0) / 1000;
  process.stderr.write(`BENCH ${JSON.stringify({ code, seconds, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  process.exit(code);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : def;
  };
  const r = await benchAnalyze({ count: Number(arg('count', '10000')), format: arg('format', 'jsonl'), runs: Number(arg('runs', '3')) });
  console.log(
    `tekser analyze, ${r.count} OONI measurements (${r.inputMiB.toFixed(0)} MiB JSONL; ${r.source}), --format ${r.format}: ` +
      `median ${r.seconds.toFixed(2)} s of ${r.runs} runs = ${Math.round(r.perSecond)} measurements/s; peak RSS ${r.peakRssMiB} MiB`,
  );
}
