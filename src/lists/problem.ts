/** One finding about a list file: the shared currency of readers, lint rules and formatters. */
export type Severity = 'error' | 'warning';

export interface ListProblem {
  file: string;
  /** 1-based physical line where the problem starts (0 = the file as a whole). */
  line: number;
  column?: number;
  ruleId: string;
  severity: Severity;
  message: string;
  /** The offending value, quoted in messages the way upstream's linter does. */
  value?: string;
}

/** A list that cannot be read at all (missing, binary, too large): exit code 2 at the CLI edge. */
export class UnreadableListError extends Error {
  readonly file: string;
  readonly reason: string;
  readonly code = 'TEKSER_UNREADABLE_LIST';
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
  }
}
