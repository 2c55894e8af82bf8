import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { count } from '../src/words.ts';
import { runInMemory } from './helpers/cli.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #25 item 13: lint's rough edges, and counted nouns.

const HEADER = 'url,category_code,category_description,date_added,source,notes\n';

describe('lint rough edges', () => {
  it('the shipped test-lists/ lint clean (canaries.csv is not a country list)', async () => {
    const r = await runInMemory(['lint', join(REPO_ROOT, 'test-lists')]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/^ok: 0 errors, 0 warnings in \d+ files\n$/);
  });

  it('one tab after a URL reads as a space there (the two errors upstream gives), not also as a bad character', async () => {
    const dir = tempDir('lint-tab');
    writeFileSync(join(dir, 'kz.csv'), `${HEADER}https://orda.kz/\t,NEWS,News Media,2024-01-01,x,\n`);
    const r = await runInMemory(['lint', join(dir, 'kz.csv')]);
    const rules = r.out.split('\n').filter((l) => l.includes(' error ')).map((l) => /\[([a-z-]+)\]$/.exec(l)?.[1]);
    expect(rules.sort()).toEqual(['url-invalid', 'url-spaces']);
    expect(r.out).toContain('2 errors, 0 warnings in 1 file');
    writeFileSync(join(dir, 'kz.csv'), `${HEADER}https://orda.kz/a\tb/,NEWS,News Media,2024-01-01,x,\n`);
    expect((await runInMemory(['lint', join(dir, 'kz.csv')])).out).toContain('[url-bad-chars]');
  });

  it('a YAML key typo: at its own line, with the nearest key', async () => {
    const dir = tempDir('lint-yaml');
    const text = readFileSync(join(REPO_ROOT, 'test-lists', 'messengers.yaml'), 'utf8').replace('    name: WhatsApp', '    nmae: WhatsApp');
    const line = text.split('\n').findIndex((l) => l.includes('nmae:')) + 1;
    writeFileSync(join(dir, 'messengers.yaml'), text);
    const r = await runInMemory(['lint', join(dir, 'messengers.yaml')]);
    expect(r.out).toContain(`messengers.yaml:${line}: error services.0.nmae: not a key of a service list (did you mean name?)`);
  });

  it('an empty YAML list says it is empty, not "expected object, received null"', async () => {
    const dir = tempDir('lint-empty');
    writeFileSync(join(dir, 'x.yaml'), '');
    const r = await runInMemory(['lint', join(dir, 'x.yaml')]);
    expect(r.out).toContain('the file is empty: a service list starts with "version: 1"');
    expect(r.out).not.toContain('received null');
  });

  it('counted nouns: one and many, never "(s)"', () => {
    expect(count(1, 'target')).toBe('1 target');
    expect(count(0, 'target')).toBe('0 targets');
    expect(count(106, 'run')).toBe('106 runs');
    expect(count(1, { one: 'fix', other: 'fixes' })).toBe('1 fix');
  });
});
