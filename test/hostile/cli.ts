// Runs the BUILT command line (bin/tekser → dist/) in a child process, as a user would, and records
// when each output line arrived, the exit code, and the child's peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.ts';
import { tempDir } from '../helpers/tmp.ts';

export const BIN = join(REPO_ROOT, 'bin/tekser');

export function assertBuilt(): void {
  if (!existsSync(join(REPO_ROOT, 'dist/cli/main.js'))) throw new Error('the hostile suite runs the built CLI: run `npm run build` first (npm test does)');
}

let hook = '';
/** A preload module that writes the process's peak RSS (KiB) to $TEKSER_TEST_RSS_FILE at exit. */
function rssHook(): string {
  if (!hook) {
    hook = join(tempDir('rss-hook'), 'rss.mjs');
    writeFileSync(hook, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { try { writeFileSync(process.env.TEKSER_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)); } catch {} });\n");
  }
  return hook;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock ms (Date.now()) when the child was started and when it exited. */
  startedAt: number;
  exitedAt: number;
  /** Each stdout line with the wall-clock ms it arrived. */
  lines: Array<{ at: number; text: string }>;
  /** Peak resident set size of the child, KiB (null if it died before reporting). */
  maxRssKb: number | null;
}

export function runBuilt(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; killAfterMs?: number; cwd?: string } = {}): Promise<CliRun> {
  assertBuilt();
  const rssFile = join(tempDir('rss'), 'rss');
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['--import', rssHook(), BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', TEKSER_TEST_RSS_FILE: rssFile, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: CliRun['lines'] = [];
  let stdout = '';
  let partial = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stdout += text;
    partial += text;
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const p of parts) if (p) lines.push({ at: Date.now(), text: p });
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs ?? 60_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(killer);
      if (partial) lines.push({ at: Date.now(), text: partial });
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null;
      resolve({ code, stdout, stderr, startedAt, exitedAt: Date.now(), lines, maxRssKb: rss });
    });
  });
}

/**
 * A user error: exit 2, no stack trace, one line saying what is wrong (commander adds the line
 * "(run with --help for usage)"; a list's problems follow their one-line heading, indented).
 * Returns null when it is so, else what is wrong with it.
 */
export function expectOneLineUsageError(r: CliRun): string | null {
  const lines = r.stderr.trim().split('\n').filter((l) => l !== '(run with --help for usage)' && !/^  \S/.test(l));
  if (r.code !== 2) return `exit ${r.code}, stderr: ${r.stderr.slice(0, 400)}`;
  if (/\n\s+at |node:internal|^\w*Error:/m.test(r.stderr)) return `stack trace: ${r.stderr.slice(0, 400)}`;
  if (lines.length !== 1) return `${lines.length} stderr lines: ${r.stderr.slice(0, 400)}`;
  return null;
}
