import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers/build.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

/**
 * .pre-commit-hooks.yaml run by the pre-commit framework itself (Debian's `pre-commit`; .ci/run
 * installs it) on a throwaway repository's staged lists: its `files`/`exclude`, its entry and exit
 * code as pre-commit applies them. One thing differs from a user's machine: `language: node` would
 * have pre-commit npm-install tekser from the registry, which a test cannot reach, so the config
 * overrides the language to `system` with this checkout's bin/tekser on PATH. (The node install
 * itself was tried by hand with the registry reachable: see the README's CI section.)
 */
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const SKIP = hasPreCommit ? false : 'pre-commit is not installed (apt-get install pre-commit)';

const HEADER = 'url,category_code,category_description,date_added,source,notes';
const GLOBAL = `${HEADER}\nhttps://global.example.org/,NEWS,News Media,2026-11-23,tekser,\n`;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
const git = (cwd: string, ...args: string[]): string => {
  const r = run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  return r.out.trim();
};

describe.skipIf(SKIP)(`the pre-commit hook (.pre-commit-hooks.yaml)${SKIP ? ` — skipped: ${SKIP}` : ''}`, () => {
  let hooksRepo = '';
  let sha = '';
  let bin = '';
  beforeAll(() => {
    ensureBuilt();
    hooksRepo = tempDir('hooks-repo');
    copyFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), join(hooksRepo, '.pre-commit-hooks.yaml'));
    git(hooksRepo, 'init', '-q', '-b', 'main');
    git(hooksRepo, 'add', '.');
    git(hooksRepo, 'commit', '-q', '-m', 'hooks');
    sha = git(hooksRepo, 'rev-parse', 'HEAD');
    bin = tempDir('hooks-bin');
    symlinkSync(join(REPO_ROOT, 'bin', 'tekser'), join(bin, 'tekser'));
  }, 120_000);

  it('declares tekser lint on CSV lists, installed as a node package, legends excluded', () => {
    const [hook] = parseYaml(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, string>>;
    expect(hook).toMatchObject({ id: 'tekser-lint', entry: 'tekser lint', language: 'node' });
  });

  it('fails a commit that stages a broken list, names file and line, and leaves other files alone', () => {
    const ws = tempDir('pre-commit-ws');
    mkdirSync(join(ws, 'lists'));
    mkdirSync(join(ws, '.github'));
    writeFileSync(join(ws, 'lists', 'global.csv'), GLOBAL);
    writeFileSync(join(ws, 'lists', 'kz.csv'), `${HEADER}\nhttps://orda.kz/,NEWS,News Media,2026-11-23,tekser,\n`);
    writeFileSync(join(ws, 'lists', '00-LEGEND-new_category_codes.csv'), 'Category Description,New Code\nNews Media,NEWS\n');
    writeFileSync(join(ws, '.github', 'lint.yml'), 'not: [a, list\n');
    writeFileSync(join(ws, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooksRepo}\n    rev: ${sha}\n    hooks:\n      - id: tekser-lint\n        language: system\n`);
    git(ws, 'init', '-q', '-b', 'main');
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'lists');
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PRE_COMMIT_HOME: tempDir('pre-commit-home'), HOME: ws, GITHUB_ACTIONS: '' };

    writeFileSync(join(ws, 'lists', 'kz.csv'), `${HEADER}\nhttps://orda.kz/,NEWS,News Media,2026-11-23,tekser,\nhttps://bad.kz,NEWS,News Media,2026-11-23,tekser,\nhttps://global.example.org/,NEWS,News Media,2026-11-23,tekser,\n`);
    writeFileSync(join(ws, '.github', 'lint.yml'), 'still: [not, a, list\n');
    git(ws, 'add', '.');
    const failed = run('pre-commit', ['run'], ws, env);
    expect(failed.code).toBe(1);
    expect(failed.out).toMatch(/tekser lint \(test lists\)\.+Failed/);
    expect(failed.out).toMatch(/^lists\/kz\.csv:3: error .*\[url-no-trailing-slash\]$/m);
    expect(failed.out).toMatch(/^lists\/kz\.csv:4: error .*\[duplicate-global\]$/m);
    expect(failed.out).not.toContain('lint.yml');

    writeFileSync(join(ws, 'lists', 'kz.csv'), `${HEADER}\nhttps://orda.kz/,NEWS,News Media,2026-11-23,tekser,\nhttps://good.kz/,NEWS,News Media,2026-11-23,tekser,\n`);
    git(ws, 'add', '.');
    const passed = run('pre-commit', ['run'], ws, env);
    expect(passed.out).toMatch(/tekser lint \(test lists\)\.+Passed/);
    expect(passed.code).toBe(0);

    git(ws, 'commit', '-q', '-m', 'fixed');
    writeFileSync(join(ws, 'README.md'), 'no lists here\n');
    git(ws, 'add', '.');
    const none = run('pre-commit', ['run'], ws, env);
    expect(none.out).toMatch(/tekser lint \(test lists\)\.+\(no files to check\)Skipped/);
    expect(none.code).toBe(0);
  }, 120_000);
});
