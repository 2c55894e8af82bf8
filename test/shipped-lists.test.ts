import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/lint/lint-paths.ts';
import { REPO_ROOT } from './helpers/paths.ts';

describe('shipped test lists', () => {
  it('every list under test-lists/ passes tekser lint without warnings', async () => {
    const report = await lintPaths([join(REPO_ROOT, 'test-lists')]);
    expect(report.files.map((f) => f.file.split('/').pop())).toEqual(['canaries.csv', 'circumvention.yaml', 'global.csv', 'kz.csv', 'messengers.yaml']);
    // canaries.csv is not a country list (it holds the neutral canaries, test-lists/SOURCES.md): only its file name is exempt.
    const canaryName = (p: { file: string; ruleId: string }) => p.file.endsWith('/canaries.csv') && p.ruleId === 'file-name-country';
    expect(report.problems.filter((p) => !canaryName(p))).toEqual([]);
  });
});
