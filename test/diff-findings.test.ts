import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../src/model/finding.ts';
import type { TargetResultJson } from '../src/model/run.ts';
import { analyzeWeb } from '../src/analyze/web.ts';
import { serializeResult } from '../src/report/json.ts';
import { diffRuns, findingSubject } from '../src/store/diff.ts';
import { startRun } from '../src/store/runs.ts';
import { measurement } from './fixtures/observations.ts';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

// diff matches findings by kind and subject (issue #25, item 12): a finding whose targets changed is
// one line with the count, not "went" and "came back".

const urls = Array.from({ length: 106 }, (_, i) => `https://site${i}.kz/`);
const helperDown = (n: number): FindingJson => ({
  kind: 'helper-unavailable',
  title: `The control helper did not answer for ${n === 1 ? 'any' : `${n} of 106`} of the targets it was asked about (generic_timeout_error): their verdicts had no outside view`,
  details: [],
  targets: urls.slice(0, n),
});
const collateral = (ip: string, targets: string[]): FindingJson => ({ kind: 'collateral', title: `IP ${ip} unreachable (generic_timeout_error): ${targets.length} tested sites share it`, details: [], targets });
const res = (url: string): TargetResultJson =>
  ({ schema: 'tekser/run/v1', target: { kind: 'web', url, category: null, source: 't' }, verdict: { status: 'accessible', method: null, reason: '', evidence: [] } }) as unknown as TargetResultJson;
const results = urls.map(res);

describe('diff of findings', () => {
  it('a finding made by both runs about more targets is a count change, not gone and back', () => {
    const d = diffRuns({ results, findings: [helperDown(1)] }, { results, findings: [helperDown(106)] });
    expect(d.findingsAppeared).toEqual([]);
    expect(d.findingsVanished).toEqual([]);
    expect(d.findingsChanged).toEqual([{ kind: 'helper-unavailable', subject: '', title: helperDown(106).title, from: 1, to: 106 }]);
    // the same targets: no change at all
    expect(diffRuns({ results, findings: [helperDown(5)] }, { results, findings: [{ ...helperDown(5), title: 'reworded' }] }).findingsChanged).toEqual([]);
  });

  it('collateral damage is one finding per address: another address appears, the same address with more sites changes', () => {
    const older = [collateral('203.0.113.7', urls.slice(0, 3))];
    const newer = [collateral('203.0.113.7', urls.slice(0, 5)), collateral('203.0.113.9', urls.slice(10, 12))];
    const d = diffRuns({ results, findings: older }, { results, findings: newer });
    expect(d.findingsAppeared.map(findingSubject)).toEqual(['203.0.113.9']);
    expect(d.findingsVanished).toEqual([]);
    expect(d.findingsChanged.map((f) => [f.subject, f.from, f.to])).toEqual([['203.0.113.7', 3, 5]]);
    expect(findingSubject({ kind: 'state-mitm', title: 'TLS interception with a known state certificate: "Qaznet Trust Network" (KZ) in …', details: [], targets: [] })).toBe('Qaznet Trust Network');
    expect(findingSubject({ kind: 'collateral', title: '203.0.113.8 unreachable from here (connection_refused): 2 tested sites share it', details: [], targets: [] })).toBe('203.0.113.8');
  });

  it('tekser diff prints one "~ finding" line with the count change, and --fail-on-change counts it', async () => {
    const dataDir = tempDir('diff-findings');
    const real = (url: string): TargetResultJson => {
      const m = measurement(url);
      return serializeResult({ target: m.target, verdict: analyzeWeb(m), measurement: m }, { includeBodies: false });
    };
    const store = (finding: FindingJson) => {
      const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 2 });
      for (const u of urls.slice(0, 2)) w.append(real(u));
      w.finish('complete', { total: 2, accessible: 2, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, [finding]);
    };
    store(helperDown(1));
    await new Promise((r) => setTimeout(r, 1100)); // run ids sort by second
    store(helperDown(106));
    const out = await runInMemory(['diff', '--data-dir', dataDir, '--fail-on-change']);
    expect(out.code).toBe(1);
    expect(out.out).not.toMatch(/^ {2}[+-] finding/m);
    expect(out.out).toMatch(/^ {2}~ finding: The control helper did not answer for 106 of 106 .* \(1 target before, 106 now\)$/m);
  });
});
