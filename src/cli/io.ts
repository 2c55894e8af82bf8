/** What a command may touch of the outside world, so tests can run commands without spawning. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** A promise while stdout is backed up (a pipe to a slow reader), so a long report can wait instead of queueing in memory. */
  stdoutDrained?: () => Promise<void> | null;
}

export function processIO(): CommandIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutDrained: () => (process.stdout.writableNeedDrain ? new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())) : null),
  };
}

/** Collects output in memory: for tests and for callers embedding the CLI. */
export function memoryIO(env: NodeJS.ProcessEnv = {}): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env, stdoutIsTTY: false, stderrIsTTY: false };
}
