#!/usr/bin/env node
// Conformance with OONI: runs `tekser analyze` on the OONI Web Connectivity cases in
// ../shared/ooni-measurements/probe-cli-generated/*/measurement.json (test data read in place,
// never copied into the repo; see its SOURCE.txt) and prints, case by case, OONI's blocking /
// accessible beside tekser's verdict, then the agreement counts. Not part of `npm test`: the data
// lives outside the repository. Exit 0 always when the data is there (figures are for people);
// exit 2 when it is missing. `--json` prints the per-case table as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(process.env.TEKSER_OONI_CASES ?? join(root, '../shared/ooni-measurements/probe-cli-generated'));
if (!existsSync(corpus)) {
  console.error(`conformance: ${corpus} is missing: the OONI cases live outside the repo (../shared/ooni-measurements); set TEKSER_OONI_CASES to their directory`);
  process.exit(2);
}
const cases = readdirSync(corpus).filter((d) => existsSync(join(corpus, d, 'measurement.json'))).sort();
if (!cases.length) {
  console.error(`conformance: no */measurement.json under ${corpus}`);
  process.exit(2);
}
const bin = join(root, 'bin/tekser');
const r = spawnSync(process.execPath, [bin, 'analyze', '--format', 'jsonl', ...cases.map((c) => join(corpus, c, 'measurement.json'))], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (r.status !== 0) {
  console.error(`conformance: tekser analyze exited ${r.status}: ${r.stderr}`);
  process.exit(1);
}
const rows = [];
for (const line of r.stdout.split('\n')) {
  if (!line.trim()) continue;
  const x = JSON.parse(line);
  if (x.type === 'run-summary') continue;
  const where = x.source.where;
  const name = cases.find((c) => where.startsWith(join(corpus, c, 'measurement.json')));
  rows.push({
    case: name,
    ooni: `${JSON.stringify(x.ooni.blocking)}/${JSON.stringify(x.ooni.accessible)}`,
    ooniLabel: x.ooni.label,
    tekser: x.verdict.status === 'blocked' || x.verdict.status === 'partially blocked' ? `${x.verdict.status} ${x.verdict.method}` : x.verdict.status,
    agree: x.agreement.agree,
    reason: x.verdict.reason,
  });
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const w = Math.max(...rows.map((x) => x.case.length));
  console.log(`${'CASE'.padEnd(w)}  ${'OONI blocking/accessible'.padEnd(26)}${'tekser'.padEnd(22)}AGREE`);
  for (const x of rows) {
    console.log(`${x.case.padEnd(w)}  ${x.ooni.padEnd(26)}${x.tekser.padEnd(22)}${x.agree}${x.agree === 'differs' ? `  — ${x.reason}` : ''}`);
  }
}
const count = (a) => rows.filter((x) => x.agree === a).length;
console.log(`\n${rows.length} of ${cases.length} cases analysed: ${count('same') + count('finer')} agree (${count('same')} same, ${count('finer')} finer), ${count('differs')} differ`);
