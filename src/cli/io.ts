/** What a command may touch of the outside world, so tests can run commands without spawning. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** True once the reader of stdout went away (EPIPE: `tekser … | head`); later writes are dropped. */
  stdoutClosed?: () => boolean;
  /** Calls `listener` once when the reader of stdout goes away. */
  onStdoutClosed?: (listener: () => void) => void;
  /** A promise while stdout is backed up (a pipe to a slow reader), so a long report can wait instead of queueing in memory. */
  stdoutDrained?: () => Promise<void> | null;
}

/** A stdout that notices its reader leaving: writes after that are dropped, listeners told once. */
function closable(write: (t: string) => void): { write: (t: string) => void; close: () => void; closed: () => boolean; on: (l: () => void) => void } {
  let closed = false;
  const listeners: Array<() => void> = [];
  return {
    write: (t) => {
      if (!closed) write(t);
    },
    close: () => {
      if (closed) return;
      closed = true;
      for (const l of listeners.splice(0)) l();
    },
    closed: () => closed,
    on: (l) => void (closed ? l() : listeners.push(l)),
  };
}

export function processIO(): CommandIO {
  const out = closable((t) => void process.stdout.write(t));
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    out.close();
  });
  return {
    stdout: out.write,
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutClosed: out.closed,
    onStdoutClosed: out.on,
    stdoutDrained: () =>
      process.stdout.writableNeedDrain && !out.closed()
        ? new Promise<void>((resolve) => {
            process.stdout.once('drain', () => resolve());
            out.on(resolve);
          })
        : null,
  };
}

/**
 * Collects output in memory: for tests and for callers embedding the CLI. `closeStdoutAfter(n)`
 * makes stdout behave like a pipe whose reader left after n writes (`| head`).
 */
export function memoryIO(env: NodeJS.ProcessEnv = {}): CommandIO & { out: string[]; err: string[]; closeStdoutAfter: (writes: number) => void } {
  const out: string[] = [];
  const err: string[] = [];
  let closeAfter = Infinity;
  const sink = closable((t) => void out.push(t));
  return {
    out,
    err,
    stdout: (t) => {
      sink.write(t);
      if (out.length >= closeAfter) sink.close();
    },
    stderr: (t) => void err.push(t),
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdoutClosed: sink.closed,
    onStdoutClosed: sink.on,
    closeStdoutAfter: (n) => {
      closeAfter = n;
    },
  };
}
