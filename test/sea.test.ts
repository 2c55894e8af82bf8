import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

/**
 * The single executable (npm run build:sea) in a clean namespace: a new network namespace (offline),
 * a new mount namespace where /usr/bin/node is hidden, an empty environment (no node on PATH), an
 * empty working directory and a fresh HOME. It must say its version and run the shipped lists it
 * carries inside, finding them unreachable exactly as the node-run tekser does.
 */
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const resolvable = (name: string): boolean => {
  try {
    createRequire(join(REPO_ROOT, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
};
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-m', '-n', 'true']).status === 0;
const SKIP =
  process.platform !== 'linux' || process.arch !== 'x64'
    ? `the test builds for Linux x64 only (this is ${process.platform}-${process.arch})`
    : !resolvable('esbuild')
      ? 'esbuild is not installed (the devDependency build:sea bundles with)'
      : !resolvable('postject')
        ? 'postject is not installed (the devDependency build:sea injects with)'
        : !canUnshare
          ? 'needs root and unshare(1) for a clean namespace'
          : false;

/** `tekser ARGS` from `exe` inside the clean namespace, in `cwd`. */
function inCleanNamespace(exe: string, cwd: string, home: string, args: string[]): { code: number; out: string } {
  const script = 'mount --bind /dev/null /usr/bin/node && if node --version >/dev/null 2>&1; then echo "node still runs"; exit 99; fi; exec "$@"';
  const r = spawnSync('unshare', ['-m', '-n', 'env', '-i', `HOME=${home}`, 'PATH=/usr/bin:/bin', 'sh', '-c', script, 'sh', exe, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(SKIP)(`the single executable (npm run build:sea)${SKIP ? ` — skipped: ${SKIP}` : ''}`, () => {
  let exe = '';
  beforeAll(() => {
    const out = tempDir('sea-build');
    const built = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'build-sea.mjs'), '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build:sea failed:\n${built.stdout}${built.stderr}`);
    const alone = tempDir('sea-alone');
    exe = join(alone, 'tekser');
    copyFileSync(join(out, 'tekser'), exe);
    statSync(exe);
  }, 300_000);

  it('prints its version with no node anywhere it can see', () => {
    const cwd = tempDir('sea-empty');
    const r = inCleanNamespace(exe, cwd, tempDir('sea-home'), ['--version']);
    expect(r.out.trim()).toBe(pkg.version);
    expect(r.code).toBe(0);
  });

  it('runs the shipped lists it carries offline, as the node-run tekser does (exit 3, no connectivity)', () => {
    const cwd = tempDir('sea-empty');
    mkdirSync(join(cwd, 'nothing-here'));
    const home = tempDir('sea-home');
    const r = inCleanNamespace(exe, cwd, home, ['run', '--no-save']);
    const viaNode = spawnSync('unshare', ['-n', process.execPath, join(REPO_ROOT, 'bin', 'tekser'), 'run', '--no-save'], { cwd, encoding: 'utf8', env: { HOME: tempDir('sea-home'), PATH: process.env.PATH } });
    const summary = (text: string): string | undefined => /^\d+ target\(s\): .*$/m.exec(text)?.[0];
    expect(summary(r.out)).toMatch(/^[1-9]\d* target\(s\): 0 accessible, 0 blocked, 0 down, [1-9]\d* inconclusive$/);
    expect(summary(r.out)).toBe(summary(`${viaNode.stdout}${viaNode.stderr}`));
    expect(r.out).toContain('this machine is offline or the network is shut down');
    expect(r.code).toBe(3);
  });

  it('lints a list (tekser lint works from it too)', () => {
    const cwd = tempDir('sea-empty');
    const r = inCleanNamespace(exe, cwd, tempDir('sea-home'), ['lint', join(REPO_ROOT, 'test-lists', 'kz.csv')]);
    expect(r.out).toMatch(/^ok: 0 errors, 0 warnings in 1 file$/m);
    expect(r.code).toBe(0);
  });
});
