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

