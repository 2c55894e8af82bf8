import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './helpers/cli.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

/** Lint output on broken files: bounded per rule and file, every format, counts kept. */
const HEADER = 'url,category_code,category_description,date_added,source,notes';

function brokenList(emptyRows: number): string {
  const file = join(tempDir('bounded'), 'kz.csv');
  writeFileSync(file, `${HEADER}\nhttps://bad.kz,NEWS,News Media,2026-11-23,t,\n${'\n'.repeat(emptyRows)}`);
  return file;
}

describe('bounded lint output (--max-per-rule, default 100)', () => {
  it('text: 100 problems of a rule, then one line with the rest and their rows; counts and exit code as before', async () => {
    const file = brokenList(250);
    const r = await runInMemory(['lint', file, '--format', 'text']);
    const lines = r.out.trim().split('\n');
    expect(lines.filter((l) => l.endsWith('[column-count]'))).toHaveLength(101);
    expect(lines).toContain(`${file}:103: error and 150 more like this (rows 103–252) [column-count]`);
    expect(lines).toContain(`${file}:2: error Invalid URL (No trailing slash) "https://bad.kz" [url-no-trailing-slash]`);
    expect(lines.at(-1)).toBe('251 errors, 0 warnings in 1 file');
    expect(r.code).toBe(1);
  });

  it('--max-per-rule changes the number; 0 lists every problem', async () => {
    const file = brokenList(30);
    const five = await runInMemory(['lint', file, '--format', 'text', '--max-per-rule', '5']);
    expect(five.out).toContain(`${file}:8: error and 25 more like this (rows 8–32) [column-count]`);
    const all = await runInMemory(['lint', file, '--format', 'text', '--max-per-rule', '0']);
    expect(all.out).not.toContain('more like this');
    expect(all.out.split('\n').filter((l) => l.endsWith('[column-count]'))).toHaveLength(30);
    const bad = await runInMemory(['lint', file, '--max-per-rule', '-1']);
    expect(bad.code).toBe(2);
  });

  it('json carries the folded count under omitted; sarif as one result with occurrenceCount', async () => {
    const file = brokenList(250);
    const json = JSON.parse((await runInMemory(['lint', file, '--format', 'json'])).out);
    expect(json.problems.filter((p: { ruleId: string }) => p.ruleId === 'column-count')).toHaveLength(100);
    expect(json.omitted).toEqual([{ file, ruleId: 'column-count', severity: 'error', count: 150, firstLine: 103, lastLine: 252, message: 'and 150 more like this (rows 103–252)' }]);
    expect(json.errorCount).toBe(251);
    const sarif = JSON.parse((await runInMemory(['lint', file, '--format', 'sarif'])).out);
    const results = sarif.runs[0].results as Array<{ ruleId: string; occurrenceCount?: number; message: { text: string }; locations: Array<{ physicalLocation: { region: object } }> }>;
    expect(results).toHaveLength(102);
    const fold = results.find((x) => x.occurrenceCount !== undefined);
    expect(fold?.occurrenceCount).toBe(150);
    expect(fold?.message.text).toBe('and 150 more like this (rows 103–252)');
    expect(fold?.locations[0]?.physicalLocation.region).toEqual({ startLine: 103, endLine: 252 });
  });

  it('github: the folded problems are counted in the notice of what was not annotated', async () => {
    const r = await runInMemory(['lint', brokenList(250), '--format', 'github']);
    expect(r.out).toMatch(/and 150 more like this \(rows 103–252\) \[column-count\]/);
    expect(r.out).toContain('::notice::241 more error(s) and 0 more warning(s) not annotated');
  });

  const built = pathToFileURL(join(REPO_ROOT, 'dist', 'cli', 'main.js'));
  it.skipIf(!existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js')))('a 16 MB file of 8 million empty CRLF rows: ≤ 5 s of CPU and ≤ 150 MB, in every format (needs npm run build)', () => {
    const file = join(tempDir('bounded-16mb'), 'kz.csv');
    const header = `${HEADER}\r\n`;
    writeFileSync(file, header + '\r\n'.repeat((16 * 1024 * 1024 - header.length) / 2));
    for (const format of ['text', 'json', 'sarif', 'github']) {
      // As bin/tekser starts: the lint's V8 flags, then the CLI; the child reports its own peak and CPU.
      const script = `
        import v8 from 'node:v8';
        const { v8FlagsFor } = await import(${JSON.stringify(new URL('v8-flags.js', built).href)});
        const flags = v8FlagsFor(process.argv); if (flags) v8.setFlagsFromString(flags);
        process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(JSON.stringify({ rss: u.maxRSS / 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); });
        const { main } = await import(${JSON.stringify(built.href)});
        await main(process.argv);`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'node', 'lint', file, '--format', format], { encoding: 'utf8', maxBuffer: 4 * 1024 * 1024 });
      const usage = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('{'))) as { rss: number; cpu: number };
      expect(r.status, `${format}: ${r.stderr.slice(0, 300)}`).toBe(1);
      expect(r.stdout.length, format).toBeLessThan(64 * 1024);
      expect(r.stdout, format).toMatch(/8388476 more like this \(rows 102–8388577\)/);
      expect(usage.rss, `${format}: peak RSS MiB`).toBeLessThanOrEqual(150);
      expect(usage.cpu, `${format}: CPU seconds`).toBeLessThanOrEqual(5);
    }
  }, 300_000);
});
