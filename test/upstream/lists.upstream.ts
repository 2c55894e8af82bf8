// The bigger checks against the real upstream lists (Citizen Lab test-lists, CC BY-NC-SA 4.0), which
// live outside the repository in ../shared. Run with `npm run upstream-check`; `npm test` uses the
// fixtures in test/fixtures/lists instead.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../src/lint/lint-paths.ts';
import { runCli } from '../../src/cli/main.ts';
import { memoryIO } from '../../src/cli/io.ts';
import { UPSTREAM_LISTS, upstream } from '../helpers/paths.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('upstream lists (../shared/test-lists-upstream)', () => {
  it('are present: this check needs ../shared beside the repository', () => {
    expect(existsSync(join(UPSTREAM_LISTS, 'kz.csv')), `${UPSTREAM_LISTS} missing`).toBe(true);
  });

  it('kz.csv against global.csv, and global.csv alone, lint without errors, as upstream does', async () => {
    expect((await lintPaths([upstream('kz.csv')], { globalFile: upstream('global.csv') })).errorCount).toBe(0);
    expect((await lintPaths([upstream('global.csv')])).errorCount).toBe(0);
  });

  it('the legend beside the lists gives the same codes as the built-in one', async () => {
    const dir = tempDir('upstream');
    for (const f of ['kz.csv', 'global.csv', '00-LEGEND-new_category_codes.csv']) copyFileSync(upstream(f), join(dir, f));
    expect((await lintPaths([join(dir, 'kz.csv')], { globalFile: join(dir, 'global.csv') })).errorCount).toBe(0);
  });

  it('a stray quote in the real kz.csv is reported where it opens, with the line it runs to', async () => {
    const dir = tempDir('upstream');
    const kz = join(dir, 'kz.csv');
    const lines = readFileSync(upstream('kz.csv'), 'utf8').split('\n');
    lines[99] = lines[99]!.replace(/,([^,]*)$/, ',"never closed');
    writeFileSync(kz, lines.join('\n'));
    const errs = (await lintPaths([kz])).problems.filter((p) => p.severity === 'error');
    expect(errs.map((e) => [e.ruleId, e.line])).toEqual([['column-count', 100]]);
    expect(errs[0]?.message).toMatch(/runs to line \d+: an unclosed quote\?/);
  });

  it('tekser lint (CLI) exits 0 on kz.csv with --global', async () => {
    const io = memoryIO({});
    expect(await runCli(['node', 'tekser', 'lint', upstream('kz.csv'), '--global', upstream('global.csv')], io)).toBe(0);
  });
});
