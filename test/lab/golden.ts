// Golden measurements from the network lab, for replays through `tekser analyze` without namespaces
// (test/golden/replay.test.ts; format in test/golden/README.md). Opt-in: TEKSER_WRITE_GOLDEN=1
// (npm run lab:golden). A scenario's run is kept only after its assertions passed, so each golden
// holds verified behaviour:
//
//   test/golden/lab-<scenario>/measurement.json   the run's stored measurements.jsonl, as `tekser run
//                                                 --data-dir` wrote them (one target result a line)
//   test/golden/lab-<scenario>/expected.json      { description, targets: { <url>: { status, method } },
//                                                   findings: [<kind>, ...] }
//
// Everything in them comes from the lab: addresses in 198.18.0.0/15, 198.51.100.0/24 and
// 203.0.113.0/24, names under .lab, the lab's temporary directory renamed "lab/". Nothing from a
// public network.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.ts';

export const WRITE_GOLDEN = process.env.TEKSER_WRITE_GOLDEN === '1';
export const GOLDEN_DIR = join(REPO_ROOT, 'test/golden');

export interface GoldenRun {
  code: number;
  /** What the scenario is, in words (it goes into expected.json's description). */
  description?: string;
  dataDir: string;
  /** The run's JSON document (tekser run --format json). */
  doc: { findings: Array<{ kind: string }>; results: Array<{ target: { url: string }; verdict: { status: string; method: string | null } }> };
}

/** Public addresses must never reach a golden: everything the lab uses is in these ranges. */
const LAB_ADDRESS = /^(?:127\.|198\.1[89]\.|198\.51\.100\.|203\.0\.113\.|192\.0\.2\.|0\.0\.0\.0$)/;

/** The stored measurements of the one run in dataDir (or of the run with that id). */
export function storedMeasurements(dataDir: string, runId?: string): string {
  const runs = join(dataDir, 'runs');
  const ids = readdirSync(runs).sort();
  const id = runId ?? ids[0];
  if (!id) throw new Error(`golden: no run in ${runs}`);
  return readFileSync(join(runs, id, 'measurements.jsonl'), 'utf8');
}

/** Keeps a scenario's run as a golden when TEKSER_WRITE_GOLDEN=1; otherwise does nothing. */
export function writeGolden(scenario: string, run: GoldenRun, runId?: string): void {
  if (!WRITE_GOLDEN) return;
  // The lab's temporary directory (list paths in each target's source) becomes "lab".
  const jsonl = storedMeasurements(run.dataDir, runId).split(`${dirname(run.dataDir)}/`).join('lab/');
  const ips = new Set(jsonl.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? []);
  const foreign = [...ips].filter((ip) => !LAB_ADDRESS.test(ip));
  // Version-like strings (1.2.3.4 in a user agent) would trip this too; a lab golden has none.
  if (foreign.length) throw new Error(`golden ${scenario}: addresses outside the lab ranges: ${foreign.join(', ')}`);
  const dir = join(GOLDEN_DIR, `lab-${scenario}`);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'measurement.json'), jsonl);
  const expected = {
    description: `Network lab scenario "${scenario}"${run.description ? `: ${run.description}` : ''}. tekser run exited ${run.code}; written by npm run lab:golden after the lab test's assertions passed (test/lab/).`,
    targets: Object.fromEntries(run.doc.results.map((r) => [r.target.url, { status: r.verdict.status, method: r.verdict.method }])),
    findings: run.doc.findings.map((f) => f.kind),
  };
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}
