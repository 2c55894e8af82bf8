import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('installing from git or a directory', () => {
  it('package.json builds on install (prepare), with a script that exists', () => {
    expect(pkg.scripts.prepare).toBe('node bin/prepare.mjs');
  });

  it('prepare without TypeScript (--omit=dev) says so and does not fail the install', () => {
    const dir = tempDir('install');
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(REPO_ROOT, 'bin', 'prepare.mjs'), join(dir, 'bin', 'prepare.mjs'));
    writeFileSync(join(dir, 'package.json'), '{"name":"tekser-copy","type":"module"}');
    const r = spawnSync(process.execPath, ['bin/prepare.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^tekser: TypeScript is not installed \(--omit=dev\?\): not building; run `npm install`/);
  });

  it('the README crontab names a path the documented install creates', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/git clone \S+ ~\/tekser/);
    expect(readme).toMatch(/cd ~\/tekser && npm ci/);
    expect(readme).toMatch(/^0 \* \* \* \* \/usr\/bin\/node \$HOME\/tekser\/bin\/tekser run --quiet/m);
  });
});
