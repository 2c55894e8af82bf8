import type { Message } from '../model/message.ts';
import { render } from '../i18n/index.ts';

/** One finding about a list file: the shared currency of readers, lint rules and formatters. */
export type Severity = 'error' | 'warning';

export interface ListProblem {
  file: string;
  /** 1-based physical line where the problem starts (0 = the file as a whole). */
  line: number;
  column?: number;
  ruleId: string;
  severity: Severity;
  /** In English (JSON and SARIF output, tests). */
  message: string;
  /** The message as a catalogue key and parameters: the text and GitHub formats show it in the reader's language. */
  why?: Message;
  /** The offending value, quoted in messages the way upstream's linter does. */
  value?: string;
}


/** A problem whose words are a catalogue message: `message` is its English rendering, `why` the message. */
export function listProblem(at: Omit<ListProblem, 'message' | 'why'>, why: Message): ListProblem {
  return { ...at, message: render('en', why), why };
}
