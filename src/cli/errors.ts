/** Exit codes, stable for scripts and cron. */
export const EXIT = {
  ok: 0,
  /** lint errors; `run --fail-on blocked` findings. */
  findings: 1,
  /** bad flags, unreadable lists. */
  usage: 2,
  /** run: the network itself is down (no connectivity, control unreachable). */
  noConnectivity: 3,
  /** run: another run holds the lock. */
  locked: 4,
} as const;

/** An error the user caused and can fix: printed as one line, never with a stack. */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}
