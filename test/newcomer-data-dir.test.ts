import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRun } from '../src/store/runs.ts';
import { runInMemory } from './helpers/cli.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

// Issue #25 item 1: a data directory this user cannot read is a problem (exit 2, in words), never
// an empty history; creating one fails in one line, at once, whatever the file system.

const isRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));
/** How this test becomes a user who cannot read a 0700 directory: root runs the CLI as nobody; anyone else has chmod 000. */
const how = isRoot ? (runuser ? 'runuser' : null) : 'chmod';
const SKIP = how ? '' : 'running as root without runuser: no second uid to read the directory as';

function storedRuns(): string {
  const dataDir = tempDir('unreadable');
  for (let i = 0; i < 2; i++) startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 0 }).finish('complete', { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
  return dataDir;
}

/** `tekser ARGS` as a user who cannot read `dataDir`. */
async function asStranger(dataDir: string, args: string[]): Promise<{ code: number; err: string; out: string }> {
  if (how === 'chmod') {
    chmodSync(dataDir, 0o000);
    try {
      return await runInMemory(args);
    } finally {
      chmodSync(dataDir, 0o700);
    }
  }
  chmodSync(dataDir, 0o700);
  const r = spawnSync(runuser as string, ['-u', 'nobody', '--', process.execPath, join(REPO_ROOT, 'bin/tekser'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent' } });
  return { code: r.status ?? -1, err: r.stderr, out: r.stdout };
}

describe.skipIf(Boolean(SKIP))(`a data directory this user cannot read ${SKIP}`, () => {
  for (const args of [['history'], ['show', 'last'], ['diff'], ['report'], ['evidence', 'last', '-o', '/tmp/x.tar.gz']]) {
    it(`${args[0]}: says it cannot be read and why, exit 2`, async () => {
      const dataDir = storedRuns();
      const r = await asStranger(dataDir, [...args, '--data-dir', dataDir]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toBe(`tekser: --data-dir ${dataDir}: cannot be read: permission denied (EACCES)\n`);
      expect(r.out).not.toContain('No runs yet');
    });
  }
});

describe('creating a data directory', () => {
  it('a path no file system can hold (/proc/self/x) fails in one line within a second', async () => {
    const started = Date.now();
    const r = await runInMemory(['run', '--data-dir', '/proc/self/x/y', '--max-runtime', '5', 'http://127.0.0.1:9/']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tekser: --data-dir \/proc\/self\/x\/y: cannot use it: .+ \([A-Z]+\)\n$/);
  });

  it('the default data directory is named as such, with the ways to pick another, not as a flag nobody typed', async () => {
    const home = tempDir('home');
    mkdirSync(join(home, 'blocked'));
    writeFileSync(join(home, 'blocked', 'share'), 'a file where a directory should be');
    const r = await runInMemory(['run', '--max-runtime', '5', 'http://127.0.0.1:9/'], { XDG_DATA_HOME: join(home, 'blocked', 'share') });
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('--data-dir ' + join(home, 'blocked'));
    expect(r.err).toBe(`tekser: data directory ${join(home, 'blocked', 'share', 'tekser')} (the default; --data-dir or TEKSER_DATA_DIR picks another): cannot be read: a part of this path is a file, not a directory (ENOTDIR)\n`);
  });
});
