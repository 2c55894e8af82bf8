import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_INTERCEPTION_CAS } from '../../src/data/interception-cas.ts';
import { ingestFiles, newSourceState, serviceLookup } from '../../src/ingest/sources.ts';
import { analyzePipeline } from '../../src/pipeline.ts';
import { findingSchema } from '../../src/model/finding.ts';
import { verdictSchema } from '../../src/model/verdict.ts';

/**
 * Golden replays: each test/golden/<scenario>/ holds a measurement (any input `tekser analyze`
 * reads: tekser result lines, OONI measurements) and the verdicts expected of it. They are replayed
 * through the analysis offline, so a rule change is checked against every scenario without network
 * namespaces. Format: test/golden/README.md.
 */
export const expectedSchema = z.strictObject({
  description: z.string().min(1),
  /** By target URL (web) or `service:<id>` (services). Every analysed target must be listed. */
  targets: z.record(
    z.string(),
    z.strictObject({
      status: verdictSchema.shape.status,
      method: verdictSchema.shape.method,
      /** A piece of text the verdict's reason must contain. */
      reason: z.string().optional(),
    }),
  ),
  /** Kinds of the run-level findings, in any order; [] when none is expected. */
  findings: z.array(findingSchema.shape.kind),
});

const root = fileURLToPath(new URL('.', import.meta.url));
const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'measurement.json')))
  .map((d) => d.name)
  .sort();

describe('golden replays', () => {
  it('there are goldens to replay, each with its expectation', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
    for (const s of scenarios) expect(existsSync(join(root, s, 'expected.json')), `${s}/expected.json`).toBe(true);
  });

  for (const scenario of scenarios) {
    it(scenario, async () => {
      const expected = expectedSchema.parse(JSON.parse(readFileSync(join(root, scenario, 'expected.json'), 'utf8')));
      const state = newSourceState();
      const seen: Record<string, { status: string; method: string | null; reason: string }> = {};
      const outcome = await analyzePipeline({
        items: ingestFiles([join(root, scenario, 'measurement.json')], { services: serviceLookup() }, state),
        knowledge: { interceptionCas: BUILTIN_INTERCEPTION_CAS },
        serialize: { includeBodies: false },
        output: {
          result: (line) => {
            seen[line.target.url] = { status: line.verdict.status, method: line.verdict.method, reason: line.verdict.reason };
          },
          finish: () => {},
        },
      });
      expect(state.skippedTotal, 'measurements skipped').toBe(0);
      const got = Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, { status: v.status, method: v.method }]));
      const want = Object.fromEntries(Object.entries(expected.targets).map(([k, v]) => [k, { status: v.status, method: v.method }]));
      expect(got).toEqual(want);
      for (const [target, e] of Object.entries(expected.targets)) if (e.reason) expect(seen[target]?.reason, target).toContain(e.reason);
      expect(outcome.findings.map((f) => f.kind).sort()).toEqual([...expected.findings].sort());
    });
  }
});
