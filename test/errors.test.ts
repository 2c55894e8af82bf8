import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

const cli = (args: string[]) => runInMemory(args);
const oneLine = (s: string) => {
  expect(s.trimEnd().split('\n'), s).toHaveLength(1);
  expect(s).not.toMatch(/\n\s+at /);
};

describe('errors the user can cause: one line, exit 2, in words', () => {
  it('a bad flag value', async () => {
    for (const args of [['run', '--concurrency', '0'], ['run', '--resolver', '8.8.8.8'], ['config', '--format', 'xml'], ['run', '--nope']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      oneLine(r.err);
      expect(r.err).toMatch(/^tekser: .* \(see --help\)\n$/);
    }
  });

  it('a helper URL with credentials: refused by the same rule as in the config file, the secret never echoed', async () => {
    const r = await cli(['run', '--no-save', '--control-helper', 'http://u:secret@127.0.0.1:1/', 'http://192.0.2.1/']);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toContain('no credentials in the URL');
    expect(r.err).toContain('TEKSER_HELPER_TOKEN');
    expect(r.err).not.toContain('secret');
  });

  it('a missing file named by a flag', async () => {
    const r = await cli(['run', '--no-save', '--ca-file', '/nonexistent/root.pem', 'http://192.0.2.1/']);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toBe('tekser: --ca-file /nonexistent/root.pem: cannot read: no such file or directory (ENOENT)\n');
    const c = await cli(['config', '--config', '/nonexistent/config.yaml']);
    expect(c.err).toBe('tekser: config /nonexistent/config.yaml: cannot read: no such file or directory (ENOENT)\n');
  });

  it('a config file with an alias bomb or a dangling alias', async () => {
    const file = join(tempDir('errors'), 'config.yaml');
    writeFileSync(file, 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n');
    const bomb = await cli(['config', '--config', file]);
    expect(bomb.code).toBe(2);
    oneLine(bomb.err);
    expect(bomb.err).toMatch(/^tekser: config .*config\.yaml: YAML: .*alias/i);
    writeFileSync(file, 'resolver: *x\n');
    const dangling = await cli(['config', '--config', file]);
    expect(dangling.code).toBe(2);
    oneLine(dangling.err);
  });

  it('export -o into a missing directory', async () => {
    const dataDir = tempDir('errors');
    const { startRun } = await import('../src/store/runs.ts');
    startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 0 }).finish('complete', { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    const r = await cli(['export', '--ooni', 'last', '--data-dir', dataDir, '-o', join(dataDir, 'missing', 'x.jsonl')]);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/the directory .*missing does not exist/);
  });
});
