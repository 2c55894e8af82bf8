import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

/**
 * Tests that run tekser as others will (the action's steps, the packed package, the single
 * executable) need dist/. `npm test` builds it first; run alone, a missing dist/ is built here once.
 */
export function ensureBuilt(): void {
  if (existsSync(join(REPO_ROOT, 'dist', 'action', 'main.js')) && existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) return;
  const tsc = createRequire(join(REPO_ROOT, 'package.json')).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}
