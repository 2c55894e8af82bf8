import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSince } from '../src/cli/commands/report.ts';
import { historyRuns, labRun, PROBER_PUBLIC_IP, writeRuns } from './fixtures/report-runs.ts';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

const cli = (args: string[]) => runInMemory(args);

describe('tekser report', () => {
  it('writes one run as a page, and several runs as a timeline with its CSV', async () => {
    const data = tempDir('report');
    writeRuns(data, historyRuns());
    const dir = tempDir('report-out');
    const one = await cli(['report', 'last', '--data-dir', data, '-o', join(dir, 'one.html')]);
    expect(one).toMatchObject({ code: 0, out: '' });
    expect(one.err).toMatch(/^wrote .*one\.html: run 20261122T230000Z-0017, 12 targets, \d+ KiB\n$/);
    expect(readFileSync(join(dir, 'one.html'), 'utf8')).toContain('tekser report: run 20261122T230000Z-0017');

    const day = await cli(['report', '--data-dir', data, '--since', '2026-11-22', '-o', join(dir, 'day.html'), '--csv', join(dir, 'day.csv')]);
    expect(day.code).toBe(0);
    expect(day.err).toContain('24 runs, 12 targets');
    const html = readFileSync(join(dir, 'day.html'), 'utf8');
    expect(html).toContain('tekser report: 24 runs, 2026-11-22 00:00 to 2026-11-22 23:00 (UTC)');
    expect(readFileSync(join(dir, 'day.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 24 * 13);

    const two = await cli(['report', 'last~1', 'last', '--data-dir', data]);
    expect(two.code).toBe(0);
    expect(two.out).toContain('tekser report: 2 runs');
  });

  it('says in one line when there is nothing to report or --since makes no sense', async () => {
    const data = tempDir('report-empty');
    const none = await cli(['report', '--data-dir', data]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^tekser: no runs since .* UTC in .*\n$/);
    const bad = await cli(['report', '--data-dir', data, '--since', 'yesterday-ish']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });

  it('reads --since as a duration or a UTC date/time', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(parseSince('24h', now).toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(parseSince('90m', now).toISOString()).toBe('2026-11-23T10:30:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-11-16T12:00:00.000Z');
    expect(parseSince('2026-11-22', now).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(parseSince('2026-11-22T14:00', now).toISOString()).toBe('2026-11-22T14:00:00.000Z');
  });
});

describe('tekser evidence', () => {
  it('bundles a run, verifies it, and fails with one line on a tampered bundle', async () => {
    const data = tempDir('evidence');
    writeRuns(data, [labRun()]);
    const out = join(tempDir('evidence-out'), 'bundle.tar.gz');
    const made = await cli(['evidence', 'last', '--data-dir', data, '-o', out]);
    expect(made.code).toBe(0);
    expect(made.err).toContain(`wrote ${out}: run 20261123T090000Z-1a2b`);
    expect(gunzipSync(readFileSync(out)).toString('latin1')).not.toContain(PROBER_PUBLIC_IP);

    const ok = await cli(['evidence', '--verify', out]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/: ok, \d+ files match manifest\.json \(run 20261123T090000Z-1a2b, bundled \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by tekser /);

    // flip one byte of a file's content inside the tar (not its header): the manifest no longer matches
    const tarBytes = gunzipSync(readFileSync(out));
    const at = tarBytes.indexOf(Buffer.from('"data_format_version"'));
    tarBytes[at + 2] = 'X'.charCodeAt(0);
    const bad = join(tempDir('evidence-bad'), 'bad.tar.gz');
    writeFileSync(bad, gzipSync(tarBytes));
    const failed = await cli(['evidence', '--verify', bad]);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^tekser: .*bad\.tar\.gz: does not verify: ooni\.jsonl: SHA-256 [0-9a-f]{64} .* does not match the manifest's [0-9a-f]{64} .*\n$/);

    const missing = await cli(['evidence', '--verify', join(data, 'nope.tar.gz')]);
    expect(missing.code).toBe(2);
  });

  it('names the bundle after the run by default', async () => {
    const data = tempDir('evidence-default');
    writeRuns(data, [labRun()]);
    const cwd = process.cwd();
    const dir = tempDir('evidence-cwd');
    process.chdir(dir);
    try {
      expect((await cli(['evidence', '--data-dir', data])).code).toBe(0);
      expect(existsSync(join(dir, 'tekser-evidence-20261123T090000Z-1a2b.tar.gz'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
