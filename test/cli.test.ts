import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { fixtureList } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const io = memoryIO(env);
  const code = await runCli(['node', 'tekser', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

describe('tekser CLI (in-process)', () => {
  it('lint exits 0 on valid lists and 1 on an error', async () => {
    expect((await cli(['lint', fixtureList('kz.csv'), '--global', fixtureList('global.csv')])).code).toBe(0);
    const dir = tempDir('cli');
    const bad = join(dir, 'kz.csv');
    writeFileSync(bad, 'url,category_code,category_description,date_added,source,notes\nhttps://orda.kz,NEWS,News Media,2022-01-05,x,\n');
    const r = await cli(['lint', bad, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems[0]).toMatchObject({ ruleId: 'url-no-trailing-slash', line: 2 });
  });

  it('picks GitHub annotations under GitHub Actions', async () => {
    const dir = tempDir('cli');
    const bad = join(dir, 'kz.csv');
    writeFileSync(bad, 'url,category_code,category_description,date_added,source,notes\nhttps://orda.kz/,NEWS,News,2022-01-05,x,\n');
    const r = await cli(['lint', bad], { GITHUB_ACTIONS: 'true', GITHUB_WORKFLOW: 'ci' });
    expect(r.out).toMatch(/^::error file=.*kz\.csv,line=2,title=category-description::/m);
  });

  it('exits 2 with a one-line message (no stack) for unreadable input and bad flags', async () => {
    const missing = await cli(['lint', '/nonexistent/kz.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^tekser: \/nonexistent\/kz\.csv: cannot read: no such file or directory \(ENOENT\)\n$/);
    const badFlag = await cli(['lint', '--format', 'xml']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain("argument 'xml' is invalid");
    expect(badFlag.err).not.toMatch(/\n\s+at /);
  });

  it('--help exits 0 and teaches with examples', async () => {
    const r = await cli(['lint', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
    expect(r.out).toContain('--fix');
  });
});

describe('helper --listen (host and port split by net/endpoint.ts)', () => {
  it('takes host:port and [v6]:port, and refuses anything else in the same words as before', async () => {
    const { parseListen } = await import('../src/cli/commands/helper.ts');
    expect(parseListen('0.0.0.0:8080')).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(parseListen('[::]:0')).toEqual({ host: '::', port: 0 });
    expect(parseListen('localhost:65535')).toEqual({ host: 'localhost', port: 65535 });
    const usage = 'expected host:port with a port from 0 to 65535, e.g. 0.0.0.0:8080 or [::]:8080';
    for (const bad of ['host:', 'host', '::1', '[::1]', '::1:80', 'a[b:80', '[a]b:80', 'host:65536', '[]:80', ':80']) {
      expect(() => parseListen(bad), bad).toThrow(`--listen ${bad}: ${usage}`);
    }
    expect(() => parseListen('[1.2.3.4]:80')).toThrow('--listen [1.2.3.4]:80: "1.2.3.4" is not an IPv6 address');
    expect(() => parseListen('[foo]:80')).toThrow('--listen [foo]:80: "foo" is not an IPv6 address');
  });
});
