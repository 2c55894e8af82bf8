// Proves that two builds of tekser print the same bytes for the same input (issue #19: the house
// is tidied without changing any output).
//
//   npm run build && node test/scripts/same-output.mjs --base /tmp/tekser-base [--head DIR] [--keep]
//
// --base and --head are checkouts with dist/ built (head defaults to this repository). A base for
// "main before the house work":
//   git worktree add /tmp/tekser-base 68a18fd && ln -s "$PWD/node_modules" /tmp/tekser-base/ \
//     && (cd /tmp/tekser-base && npm run build)
//
// For every scenario in test/golden/*/measurement.json, each build's bin/tekser makes:
//   analyze: table (--no-color, with and without -v), json, jsonl
//   from a stored run of the scenario: show (table, table -v, json), report (HTML page, and with
//   --include-bodies), export --ooni
// and, across scenarios: diff (text and json) between each scenario's run and the next one's, and
// report of all the runs at once (the timeline page, and its --csv).
// Each output is stdout, then the exit code and stderr, compared byte for byte: one line per output
// (same / DIFFERENT with the first line that differs), then "N same, N different". Exit 1 when any
// output differs.
//
// The stored runs: one per scenario, laid out as `tekser run` lays them out (runs/<id>/run.json and
// measurements.jsonl; see src/store/writer.ts), with fixed ids and times (scenario i started at
// 2026-11-23T00:00Z + i hours, 1 minute long, status complete). measurements.jsonl holds the golden's
// tekser result lines as they are; for an OONI scenario, the base build's `analyze --format jsonl
// --include-bodies` results. run.json's summary and findings are the base build's `analyze` of the
// scenario. Both builds read the same data directory (a fresh copy each), so they see the same input.
//
// Pinned, not normalised: the clock. Both builds run with a preload (node --import) that fixes
// `Date` at 2026-11-24T00:00:00.000Z, because analyze's json/jsonl print startedAt/finishedAt (now)
// and report prints "generated … at" (now). Nothing else is pinned or normalised: the environment
// is fixed instead (TZ=UTC, LANG=C, no NO_COLOR/FORCE_COLOR, HOME and the data directory in a
// temporary directory), and both builds run under this same node.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const FIXED_NOW = '2026-11-24T00:00:00.000Z';
const FIRST_RUN = Date.parse('2026-11-23T00:00:00.000Z');

function parseArgs(argv) {
  const args = { base: null, head: HERE, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') args.base = resolve(argv[++i] ?? '');
    else if (a === '--head') args.head = resolve(argv[++i] ?? '');
    else if (a === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${a} (use --base DIR [--head DIR] [--keep])`);
  }
  if (!args.base) throw new Error('--base DIR is required (a checkout with dist/ built)');
  for (const dir of [args.base, args.head]) {
    if (!existsSync(join(dir, 'dist', 'cli', 'main.js'))) throw new Error(`${dir}: no dist/cli/main.js (run npm run build there)`);
  }
  return args;
}

/** The preload that pins the clock: `new Date()` and `Date.now()` are FIXED_NOW; every other use of Date is Node's. */
function writeClock(dir) {
  const file = join(dir, 'fixed-clock.mjs');
  writeFileSync(
    file,
    `const FIXED = Date.parse(${JSON.stringify(FIXED_NOW)});
const Real = Date;
class FixedDate extends Real {
  constructor(...args) { super(...(args.length ? args : [FIXED])); }
  static now() { return FIXED; }
}
globalThis.Date = FixedDate;
`,
  );
  return file;
}

/** Runs one build's bin/tekser; resolves to { stdout, code, stderr } (never rejects). */
function tekser(build, args, ctx) {
  const env = { PATH: process.env.PATH, TZ: 'UTC', LANG: 'C', HOME: ctx.home, XDG_DATA_HOME: ctx.home, TEKSER_DATA_DIR: ctx.dataDir ?? join(ctx.home, 'none') };
  return new Promise((done) => {
    execFile(process.execPath, ['--import', ctx.clock, join(build, 'bin', 'tekser'), ...args], { env, cwd: build, maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' }, (err, stdout, stderr) => {
      done({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : String(err.code ?? err.signal)) : 0 });
    });
  });
}

/** At most `n` promises at a time, results in order. */
async function pool(jobs, n) {
  const out = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return out;
}

const runId = (i) => `${new Date(FIRST_RUN + i * 3_600_000).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-s${String(i).padStart(3, '0')}`;
const jsonLines = (buf) => buf.toString('utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** The scenario's result lines and run summary, from the golden (tekser lines) and the base build's analyze. */
async function scenarioRun(base, scenario, i, ctx) {
  const file = join(HERE, 'test', 'golden', scenario, 'measurement.json');
  const analyzed = await tekser(base, ['analyze', file, '--format', 'jsonl', '--include-bodies'], ctx);
  if (analyzed.code !== 0) throw new Error(`${scenario}: base analyze failed (${analyzed.code}): ${analyzed.stderr}`);
  const lines = jsonLines(analyzed.stdout);
  const summaryLine = lines.find((l) => l.type === 'run-summary');
  const golden = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const isTekser = golden.every((l) => JSON.parse(l).schema === 'tekser/run/v1');
  const results = isTekser ? golden.filter((l) => JSON.parse(l).type !== 'run-summary') : lines.filter((l) => l.type !== 'run-summary').map((l) => JSON.stringify(l));
  const startedAt = new Date(FIRST_RUN + i * 3_600_000).toISOString();
  const record = {
    schema: 'tekser/run-record/v1',
    id: runId(i),
    status: 'complete',
    startedAt,
    finishedAt: new Date(FIRST_RUN + i * 3_600_000 + 60_000).toISOString(),
    tekserVersion: '0.1.0',
    pid: 1,
    lists: [{ path: `test/golden/${scenario}/measurement.json`, sha256: '0'.repeat(64) }],
    settings: { source: 'same-output', scenario },
    network: { asn: i % 2 ? 'AS64500' : null, country: i % 2 ? 'ZZ' : null },
    targets: results.length,
    measured: results.length,
    summary: summaryLine?.summary ?? null,
    findings: summaryLine?.findings ?? [],
    ...(summaryLine?.controlCheck ? { controlCheck: summaryLine.controlCheck } : {}),
  };
  return { id: record.id, record, results };
}

function writeDataDir(dir, runs) {
  for (const run of runs) {
    const runDir = join(dir, 'runs', run.id);
    mkdirSync(runDir, { recursive: true });
    writeFileSync(join(runDir, 'run.json'), `${JSON.stringify(run.record, null, 2)}\n`);
    writeFileSync(join(runDir, 'measurements.jsonl'), run.results.map((l) => `${l}\n`).join(''));
  }
}

/** Every output to compare: a name, the arguments, and whether it reads the data directory. */
function outputs(scenarios, runs) {
  const list = [];
  scenarios.forEach((s, i) => {
    const file = join(HERE, 'test', 'golden', s, 'measurement.json');
    const id = runs[i].id;
    list.push([`${s}: analyze table`, ['analyze', file, '--no-color']]);
    list.push([`${s}: analyze table -v`, ['analyze', file, '--no-color', '-v']]);
    list.push([`${s}: analyze json`, ['analyze', file, '--format', 'json']]);
    list.push([`${s}: analyze jsonl`, ['analyze', file, '--format', 'jsonl']]);
    list.push([`${s}: show table`, ['show', id, '--no-color'], true]);
    list.push([`${s}: show table -v`, ['show', id, '--no-color', '-v'], true]);
    list.push([`${s}: show json`, ['show', id, '--format', 'json'], true]);
    list.push([`${s}: report (run page)`, ['report', id], true]);
    list.push([`${s}: report --include-bodies`, ['report', id, '--include-bodies'], true]);
    list.push([`${s}: export --ooni`, ['export', '--ooni', id], true]);
    const next = runs[i + 1];
    if (next) {
      list.push([`diff ${s} → ${scenarios[i + 1]}`, ['diff', id, next.id], true]);
      list.push([`diff ${s} → ${scenarios[i + 1]} json`, ['diff', id, next.id, '--format', 'json'], true]);
    }
  });
  list.push(['report of every run (timeline page)', ['report', ...runs.map((r) => r.id)], true]);
  list.push(['report --since 7d (timeline page, by time)', ['report', '--since', '7d'], true]);
  list.push(['report timeline --csv', ['report', ...runs.map((r) => r.id), '--csv', '@CSV', '-o', '@HTML'], true]);
  return list;
}

/** One build's output for one entry: stdout, exit code and stderr (and --csv/-o files), as bytes. */
async function produce(build, [, args, stored], ctx) {
  const out = join(ctx.home, `out-${Math.random().toString(36).slice(2)}`);
  const real = args.map((a) => (a === '@CSV' ? `${out}.csv` : a === '@HTML' ? `${out}.html` : a));
  const r = await tekser(build, real, stored ? ctx : { ...ctx, dataDir: null });
  const files = [`${out}.csv`, `${out}.html`].filter(existsSync).map((f) => readFileSync(f, 'utf8').replaceAll(out, '@OUT'));
  return Buffer.concat([r.stdout, Buffer.from(`\n--- exit ${r.code}; stderr:\n`), Buffer.from(r.stderr.toString('utf8').replaceAll(out, '@OUT')), ...files.map((f) => Buffer.from(`\n--- file:\n${f}`))]);
}

function firstDifference(a, b) {
  const la = a.toString('utf8').split('\n');
  const lb = b.toString('utf8').split('\n');
  const clip = (s) => (s === undefined ? '(no line)' : JSON.stringify(s.length > 120 ? `${s.slice(0, 120)}…` : s));
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: base ${clip(la[i])} / head ${clip(lb[i])}`;
  }
  return 'same lines, different bytes';
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), 'tekser-same-output-'));
  const clock = writeClock(tmp);
  const scenarios = readdirSync(join(HERE, 'test', 'golden'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(HERE, 'test', 'golden', d.name, 'measurement.json')))
    .map((d) => d.name)
    .sort();
  const ctxFor = (name) => {
    const home = join(tmp, name);
    mkdirSync(home, { recursive: true });
    return { home, clock, dataDir: join(home, 'data') };
  };
  const prep = ctxFor('prepare');
  const runs = await Promise.all(scenarios.map((s, i) => scenarioRun(args.base, s, i, prep)));
  writeDataDir(prep.dataDir, runs);
  const base = ctxFor('base');
  const head = ctxFor('head');
  cpSync(prep.dataDir, base.dataDir, { recursive: true });
  cpSync(prep.dataDir, head.dataDir, { recursive: true });
  const list = outputs(scenarios, runs);
  const n = Math.max(2, availableParallelism());
  const [a, b] = [await pool(list.map((o) => () => produce(args.base, o, base)), n), await pool(list.map((o) => () => produce(args.head, o, head)), n)];
  let same = 0;
  list.forEach(([name], i) => {
    const equal = a[i].equals(b[i]);
    if (equal) same++;
    process.stdout.write(equal ? `same       ${name}\n` : `DIFFERENT  ${name}: ${firstDifference(a[i], b[i])}\n`);
  });
  process.stdout.write(`pinned: the clock (Date) at ${FIXED_NOW} for both builds (analyze's startedAt/finishedAt, report's "generated" line); nothing normalised\n`);
  process.stdout.write(`${same} same, ${list.length - same} different (base ${args.base}, head ${args.head})\n`);
  if (args.keep) process.stdout.write(`kept: ${tmp}\n`);
  else rmSync(tmp, { recursive: true, force: true });
  process.exitCode = same === list.length ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`same-output: ${err.message}\n`);
  process.exitCode = 2;
});
