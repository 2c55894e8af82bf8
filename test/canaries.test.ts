import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTargets } from '../src/cli/commands/run.ts';
import { REPO_ROOT } from './helpers/paths.ts';

/** The neutral canaries (allow-list evidence) join a run as data, with the role 'canary'. */
describe('canary targets', () => {
  const shipped = join(REPO_ROOT, 'test-lists', 'canaries.csv');
  const roles = async (urls: string[], lists: string[], canaries?: string) => (await loadTargets(urls, lists, canaries)).targets.filter((t) => t.kind === 'web' && t.role === 'canary').map((t) => t.url);

  it('the shipped lists run with the shipped canaries', async () => {
    expect((await roles([], [])).length).toBeGreaterThanOrEqual(2);
  });

  it('a custom run gets none by surprise (tests and labs never dial them), but --canaries FILE adds them', async () => {
    expect(await roles(['https://a.example/'], [])).toEqual([]);
    expect(await roles(['https://a.example/'], [], shipped)).toContain('https://www.iana.org/');
  });

  it('--canaries none skips them even with the shipped lists', async () => {
    expect(await roles([], [], 'none')).toEqual([]);
  });
});
