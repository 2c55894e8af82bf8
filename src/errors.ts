/**
 * Every error tekser raises on purpose, with a stable code (undici's `lib/core/errors.js` is the
 * model: one base class, one code per kind, in one file). Errors the user can cause and fix carry an
 * exit code; the CLI edge (cli/main.ts) prints their message as one line, never a stack, and exits
 * with it. Anything that is not a TekserError is a bug and keeps its stack.
 *
 * Imports no code, only the English words of the catalogue (src/i18n/en.json, data):
 * every layer may raise these. An error's words are a catalogue message (`why`, rendered in the
 * reader's language at the CLI edge) and its English rendering (`message`, for logs and tests);
 * src/i18n/said.ts makes the pair from a message.
 */

import EN from './i18n/en.json' with { type: 'json' };

/** A catalogue message as errors.ts knows it: src/model/message.ts's Message, by shape. */
export interface ErrorMessage {
  key: string;
  params?: Readonly<Record<string, unknown>>;
}
/** A sentence for a person: the message and its English rendering (src/i18n/said.ts `said`). */
export interface Said {
  text: string;
  why: ErrorMessage;
}
/** An error's words: said, or (older callers) English as it is. */
export type ErrorText = string | Said;
const english = (text: ErrorText): string => (typeof text === 'string' ? text : text.text);
const whyOf = (text: ErrorText): ErrorMessage | undefined => (typeof text === 'string' ? undefined : text.why);

/** An English sentence of this file's own, from the catalogue, with flat parameters filled in. */
function own(key: keyof typeof EN, params: Readonly<Record<string, string | number>> = {}): string {
  return (EN[key] as string).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

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
  /** push, fleet, and --from: the fleet's database cannot be reached or refused (runs to push stay queued in the data directory). */
  fleet: 6,
  /** the reader of stdout went away (`| head`): 128 + SIGPIPE, as a shell reports it. A run still finishes and is kept. */
  outputClosed: 141,
  /** stopped by SIGINT / SIGTERM. */
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The stable codes, one per kind of error. Scripts and tests match on these, never on messages. */
export const ERROR_CODES = [
  /** bad flags or arguments, or a path that cannot be used. */
  'TEKSER_USAGE',
  /** a config file that cannot be read or does not validate. */
  'TEKSER_CONFIG',
  /** a list that cannot be read at all (missing, binary, too large). */
  'TEKSER_UNREADABLE_LIST',
  /** a list that was read but cannot be used for a run (every problem named by file and line). */
  'TEKSER_BAD_LIST',
  /** an input to `analyze` that is not a measurement (file:line). */
  'TEKSER_BAD_INPUT',
  /** another run holds the data directory's lock. */
  'TEKSER_LOCKED',
  /** a request the control helper refuses as a whole (answered with an HTTP status). */
  'TEKSER_HELPER_REQUEST',
  /** one of tekser's own connectors failed, with the failure already classified (net/failure.ts reads it). */
  'TEKSER_CONNECT',
  /** the fleet's PostgreSQL database cannot be reached, refused the login, or refused a statement. */
  'TEKSER_FLEET',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The base of every error tekser raises on purpose. */
export class TekserError extends Error {
  readonly code: ErrorCode;
  /**
   * The message as a catalogue key and parameters (src/i18n), when the sentence has been translated:
   * the CLI edge prints it in the reader's language, else `message` (English).
   */
  why?: ErrorMessage;
  /** The exit code at the CLI edge when this error ends a command. */
  readonly exitCode: number;
  constructor(code: ErrorCode, message: ErrorText, exitCode: number = EXIT.usage) {
    super(english(message));
    this.name = 'TekserError';
    this.code = code;
    this.exitCode = exitCode;
    const why = whyOf(message);
    if (why) this.why = why;
  }
}

/** An error the user caused and can fix: printed as one line, never with a stack. */
export class UsageError extends TekserError {
  constructor(message: ErrorText, exitCode: number = EXIT.usage) {
    super('TEKSER_USAGE', message, exitCode);
    this.name = 'UsageError';
  }
}

/** A config file that cannot be used: the message names file:line. */
export class ConfigError extends TekserError {
  constructor(message: ErrorText) {
    super('TEKSER_CONFIG', message);
    this.name = 'ConfigError';
  }
}

/** A list that cannot be read at all (missing, binary, too large): exit code 2 at the CLI edge. */
export class UnreadableListError extends TekserError {
  readonly file: string;
  /** Why, in English. */
  readonly reason: string;
  /** Why, as a catalogue message (when the sentence is translated). */
  readonly reasonWhy?: ErrorMessage;
  constructor(file: string, reason: ErrorText) {
    super('TEKSER_UNREADABLE_LIST', `${file}: ${english(reason)}`);
    this.name = 'UnreadableListError';
    this.file = file;
    this.reason = english(reason);
    const why = whyOf(reason);
    if (why) {
      this.reasonWhy = why;
      this.why = { key: 'err.at-file', params: { file, problem: why } };
    }
  }
}

/** A list that cannot be used for a run: every message names file and line. */
export class BadListError extends TekserError {
  /** The first problems, word for word in English (the caller decides how many to keep). */
  readonly problems: string[];
  /** The same problems as catalogue messages (a string stays as it is in every language). */
  readonly problemWhys: ErrorText[];
  /** How many problems there were in all. */
  readonly total: number;
  constructor(problems: readonly ErrorText[], total: number = problems.length) {
    super('TEKSER_BAD_LIST', problems.map(english).join('\n'));
    this.name = 'BadListError';
    this.problems = problems.map(english);
    this.problemWhys = [...problems];
    this.total = total;
  }
}

/** Input the user gave that is not what it should be: named by file and line. */
export class BadInputError extends TekserError {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
  constructor(file: string, line: number, problem: ErrorText) {
    super('TEKSER_BAD_INPUT', `${file}:${line}: ${english(problem)}`);
    this.name = 'BadInputError';
    this.file = file;
    this.line = line;
    this.problem = english(problem);
    const why = whyOf(problem);
    if (why) this.why = { key: 'err.at-line', params: { file, line, problem: why } };
  }
}

/** Who holds a run lock. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Another run holds the lock: the caller exits at once with a distinct code. */
export class LockedError extends TekserError {
  readonly holder: LockHolder;
  constructor(file: string, holder: LockHolder) {
    const params = { pid: holder.pid, host: holder.host, since: holder.startedAt, file };
    super('TEKSER_LOCKED', { text: own('err.locked', params), why: { key: 'err.locked', params } }, EXIT.locked);
    this.name = 'LockedError';
    this.holder = holder;
  }
}

/** A request the helper refuses as a whole: answered with this HTTP status and a one-line error. */
export class HelperRequestError extends TekserError {
  readonly status: number;
  constructor(status: number, message: ErrorText) {
    super('TEKSER_HELPER_REQUEST', message);
    this.name = 'HelperRequestError';
    this.status = status;
  }
}

/** A connect failure of tekser's own connectors, passed back unchanged through undici: `failure` is already classified. */
export class ConnectError extends TekserError {
  readonly failure: string;
  constructor(failure: string, message: string) {
    super('TEKSER_CONNECT', message);
    this.name = 'ConnectError';
    this.failure = failure;
  }
}

/** The fleet's database cannot be reached or refused (the message says which, never the password). */
export class FleetError extends TekserError {
  /** PostgreSQL's SQLSTATE, or Node's error code (ECONNREFUSED), when there is one. */
  readonly sqlState: string | null;
  constructor(message: ErrorText, causeCode: string | null = null, exitCode: number = EXIT.fleet) {
    super('TEKSER_FLEET', message, exitCode);
    this.name = 'FleetError';
    this.sqlState = causeCode;
  }
}

/**
 * File-system errors in words a person understands, the code in brackets for a search: the one
 * table every command uses (reading a list, a config file, a bundle; writing a report), so one
 * problem has one sentence everywhere.
 */
/** The file-system error codes that have a sentence of their own (err.fs.<CODE> in the catalogue). */
export const FS_CODES: ReadonlySet<string> = new Set(Object.keys(EN).flatMap((k) => (/^err\.fs\.E[A-Z]+$/.test(k) ? [k.slice('err.fs.'.length)] : [])));

/** A file-system error's code, when it has one. */
export function fsCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Node's own words for a file-system error without a sentence of ours, its code and path cut off. */
export function fsOwnWords(err: unknown): string {
  return String((err as Error | undefined)?.message ?? err).replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/, '');
}

/** A file-system error in words, with its code in brackets: "no such file or directory (ENOENT)". Never a bare code. */
export function fsProblem(err: unknown): string {
  const code = fsCode(err);
  if (code && FS_CODES.has(code)) return own('err.fs.coded', { problem: own(`err.fs.${code}` as keyof typeof EN), code });
  return code ? own('err.fs.coded', { problem: fsOwnWords(err), code }) : fsOwnWords(err);
}

/** Why a file could not be read: "cannot read: no such file or directory (ENOENT)". */
export function cannotRead(err: unknown): string {
  return own('err.cannot-read', { problem: fsProblem(err) });
}

/** Why a file could not be written: "cannot write: permission denied (EACCES)". */
export function cannotWrite(err: unknown): string {
  return own('err.cannot-write', { problem: fsProblem(err) });
}

/** Whether a value is one of tekser's own errors (across module copies too: by code, not only by class). */
export function isTekserError(err: unknown): err is TekserError {
  return err instanceof TekserError || (typeof err === 'object' && err !== null && (ERROR_CODES as readonly string[]).includes(String((err as { code?: unknown }).code)) && typeof (err as { exitCode?: unknown }).exitCode === 'number');
}
