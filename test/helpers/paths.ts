import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Test lists written for the project (test/fixtures/lists/README.md): what `npm test` uses. */
export const FIXTURE_LISTS = resolve(REPO_ROOT, 'test/fixtures/lists');
export function fixtureList(name: string): string {
  return join(FIXTURE_LISTS, name);
}

/**
 * Upstream data (CC BY-NC-SA) lives outside the repo, in ../shared. Only `npm run upstream-check`
 * reads it (test/upstream/); `npm test` never does.
 */
export const UPSTREAM_LISTS = resolve(REPO_ROOT, '../shared/test-lists-upstream');

export function upstream(name: string): string {
  const p = join(UPSTREAM_LISTS, name);
  if (!existsSync(p)) throw new Error(`upstream test data missing: ${p} (npm run upstream-check needs ../shared beside the repo)`);
  return p;
}
