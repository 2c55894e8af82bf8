import { writeFileSync } from 'node:fs';
import { startRun } from '../src/store/runs.ts';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cannotRead, cannotWrite, fsProblem } from '../src/errors.ts';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #25 item 6: one problem, one sentence, everywhere; never a bare errno code.
const NO_FILE = 'cannot read: no such file or directory (ENOENT)';

describe('one wording for one file-system problem', () => {
  it('the table gives words and the code, and words for a code it does not know', () => {
    expect(fsProblem(Object.assign(new Error("ENOENT: no such file or directory, open '/x'"), { code: 'ENOENT' }))).toBe('no such file or directory (ENOENT)');
    expect(cannotWrite(Object.assign(new Error('x'), { code: 'EISDIR' }))).toBe('cannot write: this is a directory (EISDIR)');
    expect(fsProblem(Object.assign(new Error("ESTRANGE: something odd happened, open '/x'"), { code: 'ESTRANGE' }))).toBe('something odd happened (ESTRANGE)');
    expect(cannotRead(Object.assign(new Error('x'), { code: 'ELOOP' }))).toBe('cannot read: a symlink loop (ELOOP)');
  });

  it('a missing file reads the same in run, lint, config and evidence --verify', async () => {
    const dir = tempDir('words');
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'retries: 1\n');
    const runs = [
      await runInMemory(['run', '--no-save', '--list', '/nonexistent/kz.csv']),
      await runInMemory(['lint', '/nonexistent/kz.csv']),
      await runInMemory(['config', '--config', '/nonexistent/config.yaml']),
      await runInMemory(['evidence', '--verify', '/nonexistent/bundle.tar.gz']),
    ];
    for (const r of runs) {
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(NO_FILE);
    }
  });

  it('report -o and evidence -o into a directory: a sentence, not EISDIR alone', async () => {
    const dir = tempDir('words-out');
    const data = join(dir, 'data');
    const w = startRun(data, { tekserVersion: 't', lists: [], settings: {}, targets: 0 });
    w.finish('complete', { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    const report = await runInMemory(['report', 'last', '--data-dir', data, '-o', dir]);
    const bundle = await runInMemory(['evidence', 'last', '--data-dir', data, '-o', dir]);
    for (const r of [report, bundle]) {
      expect(r.code).toBe(2);
      expect(r.err).toBe(`tekser: --output ${dir}: cannot write: this is a directory (EISDIR)\n`);
    }
    const verify = await runInMemory(['evidence', '--verify', dir]);
    expect(verify.err).toBe(`tekser: --verify ${dir}: cannot read: this is a directory (EISDIR)\n`);
  });

  it('a bare host name is not a URL, and the answer says which URL was meant', async () => {
    const r = await runInMemory(['run', '--no-save', 'orda.kz']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"orda.kz": not a URL (did you mean https://orda.kz/?)');
    const port = await runInMemory(['run', '--no-save', 'orda.kz:8443']);
    expect(port.err).toContain('did you mean https://orda.kz:8443/?');
  });

  it('lint with no argument outside a checkout says what it looked for', async () => {
    const dir = tempDir('words-lint');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runInMemory(['lint']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('no paths given, and there is no test-lists/ directory in');
    } finally {
      process.chdir(cwd);
    }
  });
});
