import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/lint/lint-paths.ts';
import { REPO_ROOT } from './helpers/paths.ts';

describe('shipped test lists', () => {
  it('every list under test-lists/ passes tekser lint without warnings', async () => {
    const report = await lintPaths([join(REPO_ROOT, 'test-lists')]);
    expect(report.files.map((f) => f.file.split('/').pop())).toEqual(['circumvention.yaml', 'global.csv', 'kz.csv', 'messengers.yaml']);
    expect(report.problems).toEqual([]);
  });
});
