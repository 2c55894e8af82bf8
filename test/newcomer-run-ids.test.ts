import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRun } from '../src/store/runs.ts';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #25 item 8: an ambiguous prefix lists what it fits; a damaged newest run stands in date
// order, and "last" says it passed over it.

const SUMMARY = { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 };

function twoRuns(): { dataDir: string; ids: string[] } {
  const dataDir = tempDir('run-ids');
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 0 });
    w.finish('complete', SUMMARY, []);
    ids.push(w.id);
  }
  return { dataDir, ids };
}

describe('run ids', () => {
  it('an ambiguous prefix lists the runs it fits', async () => {
    const { dataDir, ids } = twoRuns();
    const r = await runInMemory(['show', '2', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`"2" fits 2 runs in ${dataDir}:`);
    for (const id of ids) expect(r.err).toContain(id);
    expect(r.err).toContain('give more of the id');
  });

  it('a damaged newest run is listed in date order, and show last / diff say they passed over it', async () => {
    const { dataDir, ids } = twoRuns();
    const damaged = '29991231T235959Z-dead';
    mkdirSync(join(dataDir, 'runs', damaged), { recursive: true });
    writeFileSync(join(dataDir, 'runs', damaged, 'run.json'), '{"cut');
    const old = '20000101T000000Z-beef';
    mkdirSync(join(dataDir, 'runs', old), { recursive: true });

    const history = await runInMemory(['history', '--data-dir', dataDir]);
    const rows = history.out.split('\n').slice(1).filter(Boolean).map((l) => l.split(/\s+/)[0]);
    // Two runs started in the same second order by their random suffix: newest first is id order.
    const newestFirst = [...ids].sort().reverse();
    expect(rows).toEqual([damaged, ...newestFirst, old]);

    const show = await runInMemory(['show', 'last', '--data-dir', dataDir]);
    expect(show.code).toBe(0);
    expect(show.err).toBe(`tekser: note: passed over the newer run ${damaged}: run.json is not valid JSON (cut short or damaged); "last" is ${newestFirst[0]}\n`);
    const diff = await runInMemory(['diff', '--data-dir', dataDir]);
    expect(diff.err).toContain(`passed over the newer run ${damaged}`);
  });
});
