import { runInMemory } from './helpers/cli.ts';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { diffRuns } from '../src/store/diff.ts';
import { startRun } from '../src/store/runs.ts';
import type { FindingJson } from '../src/model/finding.ts';
import type { RunRecord, TargetResultJson } from '../src/model/run.ts';
import { analyzeWeb } from '../src/analyze/web.ts';
import { serializeResult } from '../src/report/json.ts';
import { measurement } from './fixtures/observations.ts';
import { tempDir } from './helpers/tmp.ts';

const res = (url: string, status: string, method: string | null = null): TargetResultJson =>
  ({ schema: 'tekser/run/v1', target: { kind: 'web', url, category: null, source: 't' }, verdict: { status, method, reason: '', evidence: [] } }) as unknown as TargetResultJson;
const finding = (kind: FindingJson['kind'], targets: string[]): FindingJson => ({ kind, title: kind, details: [], targets });
const real = (url: string): TargetResultJson => {
  const m = measurement(url);
  return serializeResult({ target: m.target, verdict: analyzeWeb(m), measurement: m }, { includeBodies: false });
};
const urls = Array.from({ length: 42 }, (_, i) => `https://site${i}.kz/`);

describe('diff with a run that stopped early', () => {
  it('compares only the targets both runs measured: no "no longer tested", no "new target"', () => {
    const full = { results: urls.map((u) => res(u, 'accessible')), findings: [] };
    const cut = { results: urls.slice(0, 5).map((u, i) => res(u, i === 0 ? 'blocked' : 'accessible', i === 0 ? 'dns' : null)), findings: [], partial: true };
    const d = diffRuns(full, cut);
    expect(d.comparedOn).toBe(5);
    expect(d.changes.map((c) => [c.kind, c.target])).toEqual([['became-blocked', 'https://site0.kz/']]);
    const back = diffRuns(cut, { ...full, partial: false });
    expect(back.changes.map((c) => c.kind)).toEqual(['unblocked']);
    // Two complete runs still report a list that changed.
    expect(diffRuns(full, { results: urls.slice(1).map((u) => res(u, 'accessible')), findings: [] }).changes.map((c) => c.kind)).toEqual(['removed']);
  });

  it('a finding about targets only one run measured is not a change', () => {
    const older = { results: urls.slice(0, 12).map((u) => res(u, 'accessible')), findings: [finding('collateral', [urls[10] as string, urls[11] as string])] };
    const newer = { results: urls.slice(0, 3).map((u) => res(u, 'accessible')), findings: [], partial: true };
    expect(diffRuns(older, newer).findingsVanished).toEqual([]);
  });

  it('cron: `diff --quiet` after and before a killed run mails nothing; without --quiet one line says so', async () => {
    const dataDir = tempDir('diff');
    const store = (n: number, status: RunRecord['status']) => {
      const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: urls.length });
      for (const u of urls.slice(0, n)) w.append(real(u));
      w.finish(status, { total: n, accessible: n, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    };
    const cli = (args: string[]) => runInMemory(['diff', '--data-dir', dataDir, ...args]);
    store(42, 'complete');
    await new Promise((r) => setTimeout(r, 1100)); // run ids sort by second
    store(5, 'interrupted');
    expect(await cli(['--quiet'])).toEqual({ code: 0, out: '', err: '' });
    const told = await cli([]);
    expect(told.out).not.toMatch(/no longer tested|new target/);
    expect(told.out).toMatch(/^ {2}note: the later run was interrupted after 5 of 42 targets: compared on the 5 target\(s\) both runs measured$/m);
    expect(told.out).toContain('no changes');
    await new Promise((r) => setTimeout(r, 1100));
    store(42, 'complete');
    expect(await cli(['--quiet', '--fail-on-change'])).toEqual({ code: 0, out: '', err: '' });
    expect((await cli([])).out).toMatch(/note: the earlier run was interrupted after 5 of 42 targets/);
  });

  it('a run that kept fewer targets than it measured (a full disk) counts as partial too', async () => {
    const dataDir = tempDir('diff');
    const store = (n: number) => {
      const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: urls.length });
      for (const u of urls.slice(0, n)) w.append(real(u));
      w.finish('complete', { total: urls.length, accessible: urls.length, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    };
    store(42);
    await new Promise((r) => setTimeout(r, 1100));
    store(20);
    const io = memoryIO({});
    expect(await runCli(['node', 'tekser', 'diff', '--data-dir', dataDir], io)).toBe(0);
    expect(io.out.join('')).toMatch(/note: the later run kept only 20 of 42 targets: compared on the 20 target\(s\)/);
    expect(io.out.join('')).not.toContain('no longer tested');
  });
});
