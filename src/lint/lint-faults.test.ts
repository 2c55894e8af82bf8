import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/tmp.ts';
import { runCli } from '../cli/main.ts';
import { memoryIO } from '../cli/io.ts';
import { CSV_HEADER } from '../lists/csv.ts';
import { createLintReporter, formatLintReport, sarifUri } from './format.ts';
import { lintPaths, lintPathsTo } from './lint-paths.ts';

const HEADER = `${CSV_HEADER.join(',')}\n`;
const row = (url: string) => `${url},NEWS,News Media,2024-01-01,test,\n`;
const GOOD = HEADER + row('https://orda.kz/');

function dirWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir('lint-faults');
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

describe('tekser lint: hostile and broken input', () => {
  it('a symlink loop and a dangling symlink in a listed directory are problems among the others, no stack trace', async () => {
    const dir = dirWith({ 'kz.csv': GOOD, 'uz.csv': HEADER + row('https://kun.uz') });
    symlinkSync(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'));
    symlinkSync(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'));
    symlinkSync(join(dir, 'missing-target.csv'), join(dir, 'ru.csv'));
    const report = await lintPaths([dir]);
    expect(report.problems.map((p) => [p.file.split('/').pop(), p.ruleId])).toEqual([
      ['loop-a.csv', 'file-unreadable'],
      ['loop-b.csv', 'file-unreadable'],
      ['ru.csv', 'file-unreadable'],
      ['uz.csv', 'url-no-trailing-slash'],
    ]);
    const byFile = new Map(report.problems.map((p) => [p.file.split('/').pop(), p.message]));
    expect(byFile.get('loop-a.csv')).toMatch(/a symlink loop \(ELOOP\)/);
    expect(byFile.get('ru.csv')).toMatch(/dangling symlink/);

    const io = memoryIO();
    expect(await runCli(['node', 'tekser', 'lint', dir], io)).toBe(1);
    expect(io.out.join('')).toMatch(/ru\.csv: error Unreadable list file: a dangling symlink/);
    expect(io.err.join('')).toBe('');
  });

  it('one unreadable or binary file in a directory is reported, and the rest is still linted', async () => {
    const dir = dirWith({ 'kz.csv': GOOD, 'by.csv': Buffer.from([0x75, 0x00, 0x0a]), 'uz.csv': HEADER + row('https://kun.uz') });
    let locked = false;
    if (process.getuid?.() !== 0) {
      writeFileSync(join(dir, 'am.csv'), GOOD);
      chmodSync(join(dir, 'am.csv'), 0o000);
      locked = true;
    }
    mkdirSync(join(dir, 'sub.csv')); // a directory named like a list is skipped, as upstream's glob would not open it
    const report = await lintPaths([dir]);
    const rows = report.problems.map((p) => [p.file.split('/').pop(), p.ruleId, p.line]);
    expect(rows).toContainEqual(['by.csv', 'file-unreadable', 0]);
    expect(rows).toContainEqual(['uz.csv', 'url-no-trailing-slash', 2]);
    if (locked) expect(report.problems.find((p) => p.file.endsWith('am.csv'))?.message).toMatch(/permission denied \(EACCES\)/);
    expect(report.files.map((f) => f.file.split('/').pop())).toEqual([...(locked ? ['am.csv'] : []), 'by.csv', 'kz.csv', 'uz.csv']);
  });

  it('rejects URLs with the control characters Python counts as whitespace (U+001C-U+001F, U+0085), like upstream', async () => {
    const bad = ['\u001c', '\u001d', '\u001e', '\u001f', '\u0085'].map((c) => `https://orda.kz/a${c}b/`);
    // U+FEFF is whitespace to JavaScript but not to Python: upstream accepts it inside a path, and so do we.
    const dir = dirWith({ 'kz.csv': HEADER + [...bad, 'https://orda.kz/x\uFEFFy/'].map(row).join('') });
    const report = await lintPaths([join(dir, 'kz.csv')]);
    expect(report.problems.filter((p) => p.ruleId === 'url-invalid').map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(report.errorCount).toBe(5);
    // Python's str.strip() strips them too: trailing U+001F is also "Extra spaces at ends".
    const ends = dirWith({ 'kz.csv': HEADER + row('https://orda.kz/\u001f') });
    expect((await lintPaths([join(ends, 'kz.csv')])).problems.map((p) => p.ruleId).sort()).toEqual(['url-invalid', 'url-spaces']);
  });

  it('compares header fields, not their joined text: "url,category_code" quoted as one field fails', async () => {
    const dir = dirWith({ 'kz.csv': `"url,category_code",category_description,date_added,source,notes\n${row('https://orda.kz/')}` });
    const report = await lintPaths([join(dir, 'kz.csv')]);
    expect(report.problems.map((p) => [p.ruleId, p.line])).toEqual([['csv-header', 1]]);
  });

  it('SARIF artifact URIs are percent-encoded (space, %, #)', async () => {
    expect(sarifUri('my lists/k z#1%.csv')).toBe('my%20lists/k%20z%231%25.csv');
    expect(sarifUri('/tmp/a b/#x%.csv')).toBe('file:///tmp/a%20b/%23x%25.csv');
    const dir = tempDir('lint-faults');
    mkdirSync(join(dir, 'a b#%'));
    const file = join(dir, 'a b#%', 'kz.csv');
    writeFileSync(file, HEADER + row('https://orda.kz'));
    const sarif = JSON.parse(formatLintReport(await lintPaths([file]), 'sarif', '0.0.0'));
    const uri: string = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toMatch(/\/a%20b%23%25\/kz\.csv$/);
    expect(new URL(uri).pathname.endsWith('/a%20b%23%25/kz.csv')).toBe(true);
  });

  it('--format github with 200,000 problems streams instead of spreading them into one array', async () => {
    const dir = dirWith({ 'kz.csv': HEADER + '\n'.repeat(200_000) });
    let bytes = 0;
    let annotations = 0;
    const reporter = createLintReporter('github', '0.0.0', (t) => {
      bytes += t.length;
      annotations += (t.match(/^::error /gm) ?? []).length;
    });
    const counts = await lintPathsTo([join(dir, 'kz.csv')], {}, reporter);
    reporter.end(counts);
    expect(counts.errorCount).toBe(200_000);
    expect(annotations).toBe(10);
    expect(bytes).toBeGreaterThan(200_000 * 40);
  });

  // Node 20 cannot run the TypeScript sources in a child, so this one runs the build (npm test builds first).
  const built = new URL('../../dist/cli/commands/lint.js', import.meta.url);
  it.skipIf(!existsSync(built))('a 16 MB file of empty rows is linted in flat memory (a child process with a 64 MB heap; needs npm run build)', () => {
    const dir = dirWith({ 'kz.csv': HEADER + '\n'.repeat(16 * 1024 * 1024 - HEADER.length - 1) });
    const script = `
      const { lintCommand } = await import(${JSON.stringify(built.href)});
      let lines = 0;
      const code = await lintCommand([process.argv[1]], { format: 'github' }, { stdout: (t) => { for (let i = t.indexOf('\\n'); i !== -1; i = t.indexOf('\\n', i + 1)) lines++; }, stderr: () => {}, env: {}, stdoutIsTTY: false, stderrIsTTY: false });
      console.log(JSON.stringify({ code, lines }));`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=64', '--input-type=module', '-e', script, join(dir, 'kz.csv')], { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/heap out of memory/);
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    expect(out.code).toBe(1);
    // one listing line per empty row, plus group, annotations, notice and summary
    expect(out.lines).toBeGreaterThan(16 * 1024 * 1024 - 200);
  }, 300_000);
});
