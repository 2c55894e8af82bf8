import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers/build.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

/**
 * What `npm install -g tekser` and `npx tekser` get: the package as `npm pack` makes it, installed
 * into an empty directory with no network, from the npm cache (`npm ci` filled it). An install that
 * resolves versions needs the registry's package documents, which the cache does not keep; so the
 * empty directory gets a lock file made of tekser's own (its runtime dependencies at the versions
 * tekser is tested with), and `npm ci --offline` takes their tarballs from the cache by checksum.
 */
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; version?: string; dependencies?: object; bin?: object; engines?: object; license?: string }> };
const hasNpm = spawnSync('npm', ['--version']).status === 0;
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0;

function npm(args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** package.json and package-lock.json of a project whose one dependency is the packed tekser. */
function projectFor(dir: string, tarball: string): void {
  const root = lock.packages[''] ?? {};
  const spec = `file:${tarball}`;
  const packages: Record<string, object> = {
    '': { name: 'lists', dependencies: { tekser: spec } },
    'node_modules/tekser': { version: root.version, resolved: spec, dependencies: root.dependencies, bin: root.bin, engines: root.engines, license: root.license },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path !== '' && !entry.dev) packages[path] = entry;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'lists', private: true, dependencies: { tekser: spec } }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'lists', lockfileVersion: 3, requires: true, packages }, null, 2));
}

describe.skipIf(!hasNpm)(`npm pack, then install the tarball offline${hasNpm ? '' : ' — skipped: npm is not installed'}`, () => {
  let project = '';
  /** Why the install could not be tried: the npm cache lacks a dependency (`npm ci` in the clone fills it, as .ci/run does first). */
  let notCached = '';
  beforeAll(() => {
    ensureBuilt();
    const packed = tempDir('pack');
    // dist/ is built already: skip prepare's second tsc run (the same build).
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', packed], REPO_ROOT);
    if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.out}`);
    const tarball = join(packed, readdirSync(packed).find((f) => f.endsWith('.tgz')) ?? '');
    project = tempDir('pack-project');
    projectFor(project, tarball);
    const install = npm(['ci', '--offline', '--no-audit', '--no-fund'], project);
    const missing = /ENOTCACHED[^\n]*request to \S+\/([^/\s]+) failed/.exec(install.out);
    if (install.code !== 0 && missing) notCached = `the npm cache lacks ${missing[1]} (run npm ci in the clone first)`;
    else if (install.code !== 0) throw new Error(`npm ci --offline failed:\n${install.out}`);
  }, 300_000);

  it('ships what the README says it does (the launcher, dist, data, lists, the helper unit) and not the tests', (ctx) => {
    if (notCached) ctx.skip(notCached);
    const installed = join(project, 'node_modules', 'tekser');
    for (const f of ['bin/tekser', 'bin/tekser-helper.service', 'dist/cli/main.js', 'dist/action/main.js', 'src/data/interception-cas.json', 'test-lists/kz.csv', 'test-lists/global.csv', 'README.md', 'LICENSE']) {
      expect(existsSync(join(installed, f)), f).toBe(true);
    }
    expect(existsSync(join(installed, 'test'))).toBe(false);
    expect(existsSync(join(installed, 'src', 'cli'))).toBe(false);
    // The single executable (npm run build:sea, ~100 MB) is a release file of its own, never in the package.
    expect(existsSync(join(installed, 'dist', 'sea'))).toBe(false);
  });

  it('npx tekser lint lints, with lint exit codes', (ctx) => {
    if (notCached) ctx.skip(notCached);
    const lists = tempDir('pack-lists');
    writeFileSync(join(lists, 'kz.csv'), 'url,category_code,category_description,date_added,source,notes\nhttps://bad.kz,NEWS,News Media,2026-11-23,tekser,\n');
    const r = spawnSync('npx', ['--offline', 'tekser', 'lint', lists], { cwd: project, encoding: 'utf8' });
    expect(r.stdout).toMatch(/kz\.csv:2: error Invalid URL \(No trailing slash\) "https:\/\/bad\.kz" \[url-no-trailing-slash\]/);
    expect(r.status).toBe(1);
    const v = spawnSync('npx', ['--offline', 'tekser', '--version'], { cwd: project, encoding: 'utf8' });
    expect(v.stdout.trim()).toBe(lock.packages['']?.version);
  });

  it.skipIf(!canUnshare)(`npx tekser run works offline on the shipped lists (exit 3, no connectivity)${canUnshare ? '' : ' — skipped: needs root and unshare for an offline namespace'}`, (ctx) => {
    if (notCached) ctx.skip(notCached);
    const r = spawnSync('unshare', ['-n', 'npx', '--offline', 'tekser', 'run', '--no-save'], { cwd: project, encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: tempDir('pack-home') } });
    expect(`${r.stdout}${r.stderr}`).toMatch(/^[1-9]\d* target\(s\): 0 accessible, 0 blocked, 0 down, [1-9]\d* inconclusive$/m);
    expect(r.status).toBe(3);
  });
});
