import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/lint/lint-paths.ts';
import { UnreadableListError } from '../src/errors.ts';
import { fixtureList } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

function workdir(): string {
  const dir = tempDir('lint');
  for (const f of ['kz.csv', 'global.csv']) copyFileSync(fixtureList(f), join(dir, f));
  return dir;
}

/** Replaces one physical line (1-based) of a file. */
function setLine(file: string, line: number, text: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[line - 1] = text;
  writeFileSync(file, lines.join('\n'));
}
function lineOf(file: string, line: number): string {
  return readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
}
const errors = async (file: string) => (await lintPaths([file])).problems.filter((p) => p.severity === 'error');

describe('tekser lint on lists in the upstream format (fixtures; npm run upstream-check runs the real ones)', () => {
  it('passes kz.csv against global.csv and global.csv alone, as upstream does', async () => {
    const kz = await lintPaths([fixtureList('kz.csv')], { globalFile: fixtureList('global.csv') });
    expect(kz.errorCount).toBe(0);
    expect((await lintPaths([fixtureList('global.csv')])).errorCount).toBe(0);
  });

  // Each corruption of a copy of kz.csv yields exactly the expected rule at the expected line.
  const cases: Array<{ name: string; line: number; edit: (orig: string) => string; rule: string }> = [
    { name: 'bad header', line: 1, edit: () => 'url,category,category_description,date_added,source,notes', rule: 'csv-header' },
    { name: 'missing column', line: 10, edit: (o) => o.split(',').slice(0, 5).join(','), rule: 'column-count' },
    { name: 'url no match', line: 11, edit: (o) => o.replace(/^https?:\/\//, 'ftp://'), rule: 'url-invalid' },
    { name: 'url bad chars', line: 12, edit: (o) => o.replace(/\/,/, '/a\\b/,'), rule: 'url-bad-chars' },
    { name: 'url no trailing slash', line: 13, edit: (o) => o.replace(/\/,/, ','), rule: 'url-no-trailing-slash' },
    { name: 'duplicate of global', line: 14, edit: (o) => o.replace(/^[^,]+/, 'https://global-site-007.example/'), rule: 'duplicate-global' },
    { name: 'category code', line: 15, edit: (o) => o.replace(/^([^,]+),[^,]+,/, '$1,FEXP,'), rule: 'category-code' },
    { name: 'category description', line: 16, edit: (o) => o.replace(/^([^,]+,[^,]+),[^,]+,/, '$1,Something Else,'), rule: 'category-description' },
    { name: 'impossible date', line: 17, edit: (o) => o.replace(/\d{4}-\d{2}-\d{2}/, '2023-02-30'), rule: 'date-invalid' },
    { name: 'unpadded date', line: 18, edit: (o) => o.replace(/\d{4}-\d{2}-\d{2}/, '2024-1-05'), rule: 'date-invalid' },
    { name: 'tab in notes', line: 19, edit: (o) => `${o}\tnote`, rule: 'notes-invalid' },
    { name: 'backslash in source', line: 20, edit: (o) => o.replace(/,([^,]*),([^,]*)$/, ',src\\x,$2'), rule: 'source-invalid' },
  ];
  for (const c of cases) {
    it(`reports ${c.rule} at line ${c.line} (${c.name})`, async () => {
      const dir = workdir();
      const kz = join(dir, 'kz.csv');
      setLine(kz, c.line, c.edit(lineOf(kz, c.line)));
      const errs = await errors(kz);
      expect(errs.map((e) => [e.ruleId, e.line])).toEqual([[c.rule, c.line]]);
    });
  }

  it('reports spaces at the ends of a URL (and, like upstream, the regex mismatch they cause)', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    setLine(kz, 21, lineOf(kz, 21).replace(/^([^,]+)/, ' $1'));
    expect((await errors(kz)).map((e) => e.ruleId).sort()).toEqual(['url-invalid', 'url-spaces']);
    expect((await errors(kz)).every((e) => e.line === 21)).toBe(true);
  });

  it('reports a duplicate URL at the later line and names the first', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    setLine(kz, 40, lineOf(kz, 2));
    const errs = await errors(kz);
    expect(errs.map((e) => [e.ruleId, e.line])).toEqual([['duplicate-url', 40]]);
    expect(errs[0]?.message).toContain('first on line 2');
  });

  it('fixes upstream bug (b): a bad code does not also report a stale description', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    setLine(kz, 30, lineOf(kz, 30).replace(/^([^,]+),[^,]+,[^,]+,/, '$1,NOPE,Nope,'));
    expect((await errors(kz)).map((e) => e.ruleId)).toEqual(['category-code']);
  });

  it('fixes upstream bug (a): a bad header on the first file is reported, and rows are still linted', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    setLine(kz, 1, 'URL,category_code,category_description,date_added,source,notes');
    setLine(kz, 5, lineOf(kz, 5).replace(/\d{4}-\d{2}-\d{2}/, '2019-13-01'));
    const report = await lintPaths([kz, join(dir, 'global.csv')]);
    expect(report.problems.filter((p) => p.severity === 'error').map((e) => [e.ruleId, e.line])).toEqual([
      ['csv-header', 1],
      ['date-invalid', 5],
    ]);
  });

  it('counts lines physically across a quoted multi-line field', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    setLine(kz, 3, `${lineOf(kz, 3)}"first\nsecond"`.replace(/,([^,]*)"first/, ',"first'));
    // line 3 now spans lines 3-4 (notes has a newline: Invalid Notes at 3); the old line 4 is now line 5
    setLine(kz, 5, lineOf(kz, 5).replace(/\d{4}-\d{2}-\d{2}/, '2019-02-29'));
    expect((await errors(kz)).map((e) => [e.ruleId, e.line])).toEqual([
      ['notes-invalid', 3],
      ['date-invalid', 5],
    ]);
  });

  it('reports an unterminated quote at the line where it opens', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    setLine(kz, 200, lineOf(kz, 200).replace(/,([^,]*)$/, ',"never closed'));
    const errs = await errors(kz);
    expect(errs.map((e) => [e.ruleId, e.line])).toEqual([['csv-syntax', 200]]);
    expect(errs[0]?.message).toMatch(/Unterminated quote/);
  });

  it('points at the opening line when a stray quote swallows rows up to the next quote', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    setLine(kz, 100, lineOf(kz, 100).replace(/,([^,]*)$/, ',"never closed'));
    const errs = await errors(kz);
    expect(errs.map((e) => [e.ruleId, e.line])).toEqual([['column-count', 100]]);
    expect(errs[0]?.message).toMatch(/runs to line 185: an unclosed quote\?/);
  });

  it('warns about http/https and www variants and about a file name that is not a country', async () => {
    const dir = workdir();
    const list = join(dir, 'kazakhstan.csv');
    writeFileSync(
      list,
      'url,category_code,category_description,date_added,source,notes\nhttps://orda.kz/,NEWS,News Media,2022-01-05,t,\nhttp://www.orda.kz/,NEWS,News Media,2022-01-05,t,\n',
    );
    const report = await lintPaths([list]);
    expect(report.errorCount).toBe(0);
    expect(report.problems.map((p) => [p.ruleId, p.line, p.severity])).toEqual([
      ['file-name-country', 1, 'warning'],
      ['url-variant', 3, 'warning'],
    ]);
  });

  it("judges file names by the country legend beside the lists when there is one (upstream's 00-LEGEND-country_codes.csv), else by ISO 3166", async () => {
    const dir = workdir();
    const row = 'url,category_code,category_description,date_added,source,notes\nhttps://orda.kz/,NEWS,News Media,2022-01-05,t,\n';
    for (const name of ['xx.csv', 'fr.csv']) writeFileSync(join(dir, name), row);
    const warned = async (): Promise<string[]> => (await lintPaths([dir])).problems.filter((p) => p.ruleId === 'file-name-country').map((p) => p.file.split('/').pop() ?? '');
    // Without a legend: xx is no ISO 3166 region, fr and kz are.
    expect(await warned()).toEqual(['xx.csv']);
    // With one, the legend decides (here it knows XX and KZ, not FR), and the legend itself is not linted.
    writeFileSync(join(dir, '00-LEGEND-country_codes.csv'), 'CountryCode,CountryName\nKZ,Kazakhstan\nXX,Test Land\n');
    expect(await warned()).toEqual(['fr.csv']);
  });

  it('reports a BOM and CRLF endings with lines, and --fix repairs them with the other mechanical fixes', async () => {
    const dir = workdir();
    const kz = join(dir, 'kz.csv');
    const lines = readFileSync(kz, 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/^([^,]+)\//, ' $1 ');
    lines[7] = lines[1]!;
    const broken = `\uFEFF${lines.join('\r\n')}`;
    writeFileSync(kz, broken);
    const before = (await lintPaths([kz])).problems.map((p) => p.ruleId);
    expect(before).toEqual(expect.arrayContaining(['file-bom', 'file-crlf', 'url-spaces', 'url-no-trailing-slash', 'duplicate-url']));

    const fixed = await lintPaths([kz], { fix: true });
    expect(fixed.errorCount).toBe(0);
    expect(fixed.files[0]?.fixes.map((f) => f.ruleId).sort()).toEqual(['duplicate-url', 'file-bom', 'file-crlf', 'url-no-trailing-slash', 'url-spaces']);
    const after = readFileSync(kz, 'utf8');
    expect(after.startsWith('url,')).toBe(true);
    expect(after).not.toContain('\r');
    // Untouched rows are kept byte-for-byte.
    expect(after.split('\n')[2]).toBe(readFileSync(fixtureList('kz.csv'), 'utf8').split('\n')[2]);
  });

  it('refuses binary, oversized and missing input with a clear message', async () => {
    const dir = tempDir('bad');
    const bin = join(dir, 'kz.csv');
    writeFileSync(bin, Buffer.from([0x75, 0x72, 0x6c, 0x0a, 0x00, 0x01]));
    await expect(lintPaths([bin])).rejects.toThrow(/binary file \(NUL byte at offset 4, line 2\)/);
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(17 * 1024 * 1024, 0x61));
    await expect(lintPaths([big])).rejects.toThrow(/17\.0 MB/);
    await expect(lintPaths([join(dir, 'nope.csv')])).rejects.toThrow(UnreadableListError);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await expect(lintPaths([empty])).rejects.toThrow(/holds no test lists/);
  });
});
