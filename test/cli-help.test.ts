import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CANARIES, DEFAULT_LISTS } from '../src/cli/commands/run.ts';
import { describeOption, OPTIONS, type CommandName } from '../src/cli/options.ts';
import { runInMemory } from './helpers/cli.ts';

// Help that does not mislead (issue #25, item 11): each command's help for a shared option comes from
// the one option table, in that command's words; unknown help topics are a usage error.

const COMMANDS: readonly CommandName[] = ['run', 'lint', 'helper', 'certs', 'history', 'show', 'diff', 'export', 'config', 'report', 'evidence', 'analyze'];
const flat = (s: string): string => s.replace(/\s+/g, ' ');
const help = async (...args: string[]): Promise<string> => {
  const r = await runInMemory([...args, '--help']);
  expect(r.code).toBe(0);
  return flat(r.out);
};

describe('help', () => {
  it("shows each option in the command's own words from the option table, never another command's", async () => {
    for (const command of COMMANDS) {
      const text = await help(command);
      for (const o of OPTIONS.filter((x) => x.commands.includes(command) && !x.hidden)) {
        const words = describeOption(o, command);
        expect(text, `${command} ${o.flags}`).toContain(flat(words));
        for (const other of COMMANDS) if (other !== command) expect(words, `${command} ${o.flags}`).not.toMatch(new RegExp(`(^|; )${other}: `));
      }
    }
  });

  it('says what -q, --resolver and --include-bodies do in each command', async () => {
    expect(await help('diff')).toContain('-q, --quiet print nothing unless something changed');
    expect(await help('diff')).not.toMatch(/blocked or a finding/);
    const helper = await help('helper');
    expect(helper).toMatch(/--resolver <resolver> resolver the helper looks each name up with/);
    expect(helper).not.toContain('under test');
    expect(await help('evidence')).toMatch(/--include-bodies put the page bodies the run kept in the bundle/);
  });

  it('run --help names every shipped list and the canaries, and every verdict', async () => {
    const text = await help('run');
    for (const list of [...DEFAULT_LISTS, DEFAULT_CANARIES].map((p) => basename(p))) expect(text).toContain(list);
    const verdicts = text.slice(text.indexOf('Verdicts:'), text.indexOf('Each run is kept'));
    for (const verdict of ['accessible', 'blocked (', 'partially blocked (', 'down (', 'inconclusive (']) expect(verdicts).toContain(verdict);
  });

  it('calls the format for people `text` in every command, and still reads `table`', async () => {
    for (const command of ['run', 'show', 'analyze', 'history', 'diff', 'config'] as const) {
      const text = await help(command);
      expect(text, command).toMatch(/--format <format> output: text/);
      expect(text, command).not.toMatch(/"table"|default: "?table/);
    }
    const dir = (await import('./helpers/tmp.ts')).tempDir('help-format');
    for (const format of ['text', 'table']) expect((await runInMemory(['history', '--data-dir', dir, '--format', format])).code).toBe(0);
    expect((await runInMemory(['history', '--data-dir', dir, '--format', 'yaml'])).code).toBe(2);
  });

  it('`tekser help nonsense` is a usage error (2) in one line; `tekser help diff` is diff --help', async () => {
    const bad = await runInMemory(['help', 'nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/^tekser: unknown command 'nonsense': the commands are lint, run, .*analyze, push, fleet \(see --help\)\n$/);
    const good = await runInMemory(['help', 'diff']);
    expect(good.code).toBe(0);
    expect(good.out).toBe((await runInMemory(['diff', '--help'])).out);
    expect((await runInMemory(['help'])).code).toBe(0);
  });
});
