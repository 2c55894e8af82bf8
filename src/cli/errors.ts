/** Exit codes, stable for scripts and cron (README "Exit codes" lists them). */
export const EXIT = {
  ok: 0,
  /** lint errors; `run --fail-on blocked` findings; `diff --fail-on-change`. */
  findings: 1,
  /** bad flags, unreadable lists, a config file or path that cannot be used. */
  usage: 2,
  /** run: the network itself is down (no connectivity, control unreachable). */
  noConnectivity: 3,
  /** run: another run holds the lock. */
  locked: 4,
  /** run: measured, but not everything could be written (a full disk in the data directory or for -o); said on stderr. */
  notWritten: 5,
  /** the reader of stdout went away (`| head`): 128 + SIGPIPE, as a shell reports it. A run still finishes and is kept. */
  outputClosed: 141,
  /** stopped by SIGINT / SIGTERM. */
  interrupted: 130,
  terminated: 143,
} as const;

/** An error the user caused and can fix: printed as one line, never with a stack. */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A file-system error in words a person understands (the code in brackets for a search). */
export function fsProblem(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'this is a directory',
    ENOTDIR: 'a part of this path is a file, not a directory',
    EEXIST: 'a file is in the way',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EIO: 'input/output error (a failing disk?)',
    EMFILE: 'too many open files',
  };
  return e?.code && words[e.code] ? `${words[e.code]} (${e.code})` : e?.code ? e.code : String(e?.message ?? err);
}
