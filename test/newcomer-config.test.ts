import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #25 items 2 and 3: every config problem at once, each at its key's own line, in tekser's
// words with suggestions; relative paths from the file's directory; `config` checks what `run` checks.

function configFile(text: string): { dir: string; file: string } {
  const dir = tempDir('cfg');
  const file = join(dir, 'config.yaml');
  writeFileSync(file, text);
  return { dir, file };
}

describe('config file problems', () => {
  it('four mistakes: all four, each on its own line, with the nearest setting for a typo', async () => {
    const { file } = configFile('concurrency: 2\nresolvr: system\nlists: x.csv\ntimeouts:\n  dsn: 5\nretries: 9\n');
    const r = await runInMemory(['config', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      [
        `tekser: config ${file}: 4 problems:`,
        `  ${file}:2: resolvr: not a setting (did you mean resolver?)`,
        `  ${file}:3: lists: is the text "x.csv"; give a list: [x.csv], or one "- item" per line`,
        `  ${file}:5: timeouts.dsn: not a setting (did you mean dns?)`,
        `  ${file}:6: retries: takes 0 to 5`,
        '',
      ].join('\n'),
    );
  });

  it('YAML syntax errors: all of them, each at its line (and column past the first), in words', async () => {
    const { file } = configFile('concurrency: 2\nlists: [a.csv\nretries: "2\n');
    const r = await runInMemory(['config', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}: 2 problems:`);
    expect(r.err).toMatch(/:3: YAML syntax: the indentation does not line up/);
    expect(r.err).toMatch(/:4: YAML syntax: a closing quote or bracket is missing/);
    expect(r.err).not.toBe(`tekser: config ${file}:1: YAML syntax error\n`);
  });

  it('an empty file is no settings, not an error', async () => {
    const { file } = configFile('');
    expect((await runInMemory(['config', '--config', file])).code).toBe(0);
  });
});

describe('config checks what run checks', () => {
  it('a list that does not exist fails `config` and `run` alike, naming the config file and line', async () => {
    const { dir, file } = configFile('retries: 1\nlists: [nope.csv]\n');
    for (const cmd of [['config'], ['run', '--no-save']]) {
      const r = await runInMemory([...cmd, '--config', file, '--data-dir', dir]);
      expect(r.code, cmd[0]).toBe(2);
      expect(r.err, cmd[0]).toBe(`tekser: config ${file}:2: lists: nope.csv (${join(dir, 'nope.csv')}): cannot read: no such file or directory (ENOENT)\n`);
    }
  });

  it("relative paths resolve from the config file's directory, wherever the command starts", async () => {
    const { dir, file } = configFile('lists: [lists/kz.csv]\n');
    mkdirSync(join(dir, 'lists'));
    writeFileSync(join(dir, 'lists', 'kz.csv'), 'url,category_code,category_description,date_added,source,notes\n');
    const r = await runInMemory(['config', '--config', file, '--data-dir', dir, '--format', 'json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).settings.find((s: { key: string }) => s.key === 'lists').value).toEqual([join(dir, 'lists', 'kz.csv')]);
  });
});
