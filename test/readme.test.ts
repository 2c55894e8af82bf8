import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS, README_MARKERS, updateReadme } from '../src/cli/options.ts';
import { runCli } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { REPO_ROOT } from './helpers/paths.ts';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

describe('README against the option definitions (src/cli/options.ts)', () => {
  it('has the generated run option table, up to date (else: npm run docs)', () => {
    expect(readme).toContain(README_MARKERS('run')[0]);
    expect(updateReadme(readme), 'README option tables are stale: run `npm run docs`').toBe(readme);
  });

  it('mentions every option of every command', () => {
    const missing = OPTIONS.filter((o) => !('hidden' in o && o.hidden)).map((o) => /--[\w-]+/.exec(o.flags)?.[0] ?? o.flags).filter((flag) => !readme.includes(flag));
    expect(missing).toEqual([]);
  });
});

describe('top-level help', () => {
  it('`tekser` with no arguments: help with examples on stdout, exit 0', async () => {
    const io = memoryIO({});
    expect(await runCli(['node', 'tekser'], io)).toBe(0);
    const out = io.out.join('');
    expect(out).toMatch(/^Usage: tekser/);
    expect(out).toContain('Examples:');
    expect(out).toContain('tekser run https://orda.kz/');
    expect(io.err).toEqual([]);
  });

  it('`tekser --help` has the examples too', async () => {
    const io = memoryIO({});
    expect(await runCli(['node', 'tekser', '--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('tekser diff --quiet');
  });
});
