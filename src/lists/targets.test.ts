import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.ts';
import { memoryIO } from '../cli/io.ts';
import { tempDir } from '../../test/helpers/tmp.ts';
import { BadListError, UnreadableListError } from '../errors.ts';
import { MAX_LIST_PROBLEMS_KEPT, readTargets, webTargetsFromCsv } from './targets.ts';

const HEADER = 'url,category_code,category_description,date_added,source,notes\n';
const row = (url: string) => `${url},NEWS,News Media,2024-01-01,test,\n`;

function list(name: string, body: string | Buffer): string {
  const file = join(tempDir('targets'), name);
  writeFileSync(file, body);
  return file;
}

describe('reading run targets from lists', () => {
  it('streams a 125,000-row list without overflowing the stack, deduplicating by URL', async () => {
    const rows: string[] = [HEADER];
    for (let i = 0; i < 125_000; i++) rows.push(row(`https://site-${i % 120_000}.example/`));
    const file = list('big.csv', rows.join(''));
    const targets = await readTargets([], [file]);
    expect(targets).toHaveLength(120_000);
    expect(targets[0]).toEqual({ kind: 'web', url: 'https://site-0.example/', category: 'NEWS', source: `${file}:2` });
    expect(targets.at(-1)?.source).toBe(`${file}:120001`);
  });

  it('keeps the first occurrence across command-line URLs and lists', async () => {
    const a = list('a.csv', HEADER + row('https://one.example/') + row('https://two.example/'));
    const b = list('b.csv', HEADER + row('https://two.example/') + row('https://three.example/'));
    const targets = await readTargets(['https://one.example/'], [a, b]);
    expect(targets.map((t) => [t.url, t.source])).toEqual([
      ['https://one.example/', 'command line'],
      ['https://two.example/', `${a}:3`],
      ['https://three.example/', `${b}:3`],
    ]);
  });

  it('drops URL credentials from list rows and arguments as the targets are made', async () => {
    const file = list('creds.csv', HEADER + row('https://user:secret@a.example/path'));
    const targets = await readTargets(['http://me:pw@b.example/'], [file]);
    expect(targets.map((t) => t.url)).toEqual(['http://b.example/', 'https://a.example/path']);
  });

  it('reads BOM and CRLF lists, and counts lines physically across a quoted newline', async () => {
    const file = list('crlf.csv', `\uFEFF${HEADER}https://a.example/,NEWS,"two\r\nlines",2024-01-01,t,\r\n${row('https://b.example/').replace('\n', '\r\n')}`);
    const targets = await webTargetsFromCsv(file);
    expect(targets.map((t) => [t.url, t.source])).toEqual([
      ['https://a.example/', `${file}:2`],
      ['https://b.example/', `${file}:4`],
    ]);
  });

  it('reports bad rows with file:line, quoting the first ones and counting all', async () => {
    const rows = [HEADER, row('https://ok.example/')];
    for (let i = 0; i < MAX_LIST_PROBLEMS_KEPT + 50; i++) rows.push(row(`ftp://bad-${i}.example/`));
    const file = list('bad.csv', rows.join(''));
    const err = await readTargets([], [file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadListError);
    const bad = err as BadListError;
    expect(bad.total).toBe(MAX_LIST_PROBLEMS_KEPT + 50);
    expect(bad.problems).toHaveLength(MAX_LIST_PROBLEMS_KEPT);
    expect(bad.problems[0]).toBe(`${file}:3: "ftp://bad-0.example/": only http:// and https:// URLs can be tested (got ftp:)`);
  });

  it('reports an unterminated quote and a missing url column', async () => {
    const quote = list('quote.csv', `${HEADER}${row('https://a.example/')}https://b.example/,NEWS,"never closed,2024-01-01,t,\n`);
    await expect(readTargets([], [quote])).rejects.toThrow(/quote\.csv:\d+: .*(quote|Quote)/);
    const nourl = list('nourl.csv', 'address,category_code\nhttps://a.example/,NEWS\n');
    await expect(readTargets([], [nourl])).rejects.toThrow(/nourl\.csv:1: no "url" column/);
  });

  it('refuses binary, invalid UTF-8 and unreadable files with one clear reason', async () => {
    const bin = list('bin.csv', Buffer.concat([Buffer.from(HEADER), Buffer.from([0x68, 0x00, 0x0a])]));
    await expect(readTargets([], [bin])).rejects.toThrow(/binary file \(NUL byte at offset 64, line 2\)/);
    const latin1 = list('latin1.csv', Buffer.concat([Buffer.from(HEADER), Buffer.from('https://caf\xe9.example/,NEWS,x,2024-01-01,t,\n', 'latin1')]));
    await expect(readTargets([], [latin1])).rejects.toThrow(/not valid UTF-8 \(first bad byte near line 2\)/);
    await expect(readTargets([], [join(tempDir('targets'), 'missing.csv')])).rejects.toBeInstanceOf(UnreadableListError);
    if (process.getuid?.() !== 0) {
      const locked = list('locked.csv', HEADER);
      chmodSync(locked, 0o000);
      await expect(readTargets([], [locked])).rejects.toThrow(/permission denied \(EACCES\)/);
    }
  });

  it('a YAML alias bomb in a --list is one line naming file:line, exit 2, no stack', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const prev = String.fromCharCode('a'.charCodeAt(0) + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = list('bomb.yaml', `version: 1\nservices: []\n${levels.join('\n')}\n`);
    const dir = tempDir('targets-cli');
    const io = memoryIO({ HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir });
    const code = await runCli(['node', 'tekser', 'run', '--list', bomb, '--no-save'], io);
    expect(code).toBe(2);
    const err = io.err.join('');
    expect(err).toMatch(new RegExp(`bomb\\.yaml:4: YAML aliases expand too far`));
    expect(err).not.toMatch(/\n\s+at /);
  });
});
