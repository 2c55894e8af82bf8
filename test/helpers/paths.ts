import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Upstream data (CC BY-NC-SA) lives outside the repo, in ../shared; tests read it, never ship it. */
export const UPSTREAM_LISTS = resolve(REPO_ROOT, '../shared/test-lists-upstream');
export const UPSTREAM_FINGERPRINTS = resolve(REPO_ROOT, '../shared/fingerprints-upstream');

export function upstream(name: string): string {
  const p = join(UPSTREAM_LISTS, name);
  if (!existsSync(p)) throw new Error(`upstream test data missing: ${p} (tests need ../shared beside the repo)`);
  return p;
}
