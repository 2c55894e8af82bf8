// `npm test` passes on a fresh clone with nothing beside it (issue 14): no test may read ../shared
// (the upstream data behind `npm run upstream-check`), and the fixtures that replace it are not shipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.ts';

function files(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, keep));
    else if (keep(e.name)) out.push(p);
  }
  return out;
}

describe('a fresh clone', () => {
  it('no test (nor what it imports from test/) reads ../shared or the upstream lists; only test/upstream/ (and the bench and conformance scripts) do', () => {
    const code = [...files(join(REPO_ROOT, 'test'), (n) => /\.(ts|mjs)$/.test(n)), ...files(join(REPO_ROOT, 'src'), (n) => n.endsWith('.test.ts'))]
      .map((f) => relative(REPO_ROOT, f))
      .filter((f) => !f.startsWith('test/upstream/') && f !== 'test/helpers/paths.ts' && f !== 'test/fresh-clone.test.ts' && !f.startsWith('test/bench/') && !f.startsWith('test/conformance/')); // scripts, not tests
    const readers = code.filter((f) => /\.\.\/shared|UPSTREAM_|\bupstream\(/.test(readFileSync(join(REPO_ROOT, f), 'utf8')));
    expect(readers).toEqual([]);
  });

  it('the test fixtures stay out of the npm package', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[]; scripts: Record<string, string> };
    expect(pkg.files.filter((f) => f === 'test' || f.startsWith('test/'))).toEqual([]);
    expect(pkg.scripts['upstream-check']).toMatch(/needs \.\.\/shared/);
  });
});
