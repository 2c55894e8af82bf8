import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { REPO_ROOT } from './helpers/paths.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRun } from '../src/store/runs.ts';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';
import { measurement } from './fixtures/observations.ts';
import { analyzeWeb } from '../src/analyze/web.ts';
import { serializeResult } from '../src/report/json.ts';

const cli = (args: string[]) => runInMemory(args);

describe('history with a damaged run', () => {
  it('lists a run whose run.json is corrupt as unreadable, with the problem in words, beside the good ones', async () => {
    const dataDir = tempDir('history');
    const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 0 });
    w.finish('complete', { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    const bad = join(dataDir, 'runs', '20261123T090000Z-dead');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'run.json'), '{"schema": "tekser/run-record/v1", "id": "2026');
    const empty = join(dataDir, 'runs', '20261123T080000Z-beef');
    mkdirSync(empty, { recursive: true });

    const table = await cli(['history', '--data-dir', dataDir]);
    expect(table.code).toBe(0);
    expect(table.out).toContain(w.id);
    expect(table.out).toMatch(/^20261123T090000Z-dead\s+unreadable\s+run\.json is not valid JSON \(cut short or damaged\)/m);
    expect(table.out).toMatch(/^20261123T080000Z-beef\s+unreadable\s+run\.json is missing/m);

    const json = JSON.parse((await cli(['history', '--data-dir', dataDir, '--format', 'json'])).out);
    expect(json.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [w.id, 'complete'],
      ['20261123T090000Z-dead', 'unreadable'],
      ['20261123T080000Z-beef', 'unreadable'],
    ]);
  });

  it('only unreadable runs: listed, not "No runs yet"', async () => {
    const dataDir = tempDir('history');
    const bad = join(dataDir, 'runs', '20261123T090000Z-dead');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'run.json'), '{"schema": "something else"}');
    const r = await cli(['history', '--data-dir', dataDir]);
    expect(r.out).not.toContain('No runs yet');
    expect(r.out).toMatch(/unreadable\s+run\.json does not match tekser\/run-record\/v1/);
  });
});

describe('show', () => {
  it('ends the table with the next step: blocked sites point at `tekser report` with the run id', async () => {
    const dataDir = tempDir('history');
    const m = measurement('https://a.example/');
    const v = analyzeWeb(m);
    const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 1 });
    w.append(serializeResult({ target: m.target, verdict: { ...v, status: 'blocked', method: 'dns' }, measurement: m }, { includeBodies: false }));
    w.finish('complete', { total: 1, accessible: 0, blocked: 1, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    const r = await cli(['show', 'last', '--data-dir', dataDir]);
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^Next: 1 target\\(s\\) blocked\\. .*: tekser report ${w.id} -o report.html$`));
  });
});

describe('a closed pipe in a real process (EPIPE)', () => {
  it('`tekser show last --format jsonl | head -c 100` exits 141, not 0 and not a stack trace', async () => {
    const dataDir = tempDir('history');
    const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 400 });
    for (let i = 0; i < 400; i++) {
      const m = measurement(`https://site${i}.example/`);
      w.append(serializeResult({ target: m.target, verdict: analyzeWeb(m), measurement: m }, { includeBodies: false }));
    }
    w.finish('complete', { total: 400, accessible: 400, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/tekser'), 'show', 'last', '--format', 'jsonl', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((r) => child.once('exit', r));
    expect(err).not.toMatch(/\n\s+at /);
    expect(code).toBe(141);
  });
});
