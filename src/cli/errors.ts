import { isTekserError, BadListError } from '../errors.ts';
import { currentLang, msg, render, type Lang, verbatim } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';

/** The file-system sentences live in src/errors.ts (one table for every layer); re-exported for the CLI's older imports. */
export { fsProblem } from '../errors.ts';

/**
 * What the CLI edge prints for an error tekser raised on purpose (after "tekser: "), in the reader's
 * language: its message when it has one (`why`), else its English text. A bad list's problems are
 * one per line, each in the reader's language where it was built from a message.
 */
export function errorText(err: unknown, lang: Lang = currentLang()): string {
  if (!isTekserError(err)) return String((err as Error | undefined)?.message ?? err);
  if (err instanceof BadListError) return err.problemWhys.map((p) => (typeof p === 'string' ? p : render(lang, p.why as Message))).join('\n');
  return err.why ? render(lang, err.why as Message) : err.message;
}

/** commander's own English error lines, each as a catalogue sentence that keeps the flags and values. */
const COMMANDER_LINES: readonly { re: RegExp; key: string; names: readonly string[] }[] = [
  { re: /^unknown option '([^']*)'(?:\n\(Did you mean (.+)\?\))?$/s, key: 'cli.err.unknown-option', names: ['flag', 'suggestion'] },
  { re: /^unknown command '([^']*)'(?:\n\(Did you mean (.+)\?\))?$/s, key: 'cli.err.unknown-command', names: ['name', 'suggestion'] },
  { re: /^missing required argument '([^']*)'$/, key: 'cli.err.missing-argument', names: ['name'] },
  { re: /^option '([^']*)' argument missing$/, key: 'cli.err.option-missing-argument', names: ['flag'] },
  { re: /^required option '([^']*)' not specified$/, key: 'cli.err.required-option', names: ['flag'] },
  { re: /^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, key: 'cli.err.too-many-arguments', names: ['command', 'expected', 'got'] },
  { re: /^option '([^']*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, key: 'cli.err.invalid-choice', names: ['flag', 'value', 'choices'] },
  { re: /^option '([^']*)' argument '(.*)' is invalid\. (.*)$/s, key: 'cli.err.invalid-argument', names: ['flag', 'value', 'problem'] },
  { re: /^command-argument value '(.*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\.$/s, key: 'cli.err.invalid-argument-choice', names: ['value', 'name', 'choices'] },
];

/**
 * A commander error line (without "error: ") in the reader's language. English stays commander's own
 * words; a line commander words differently from the table above stays English too.
 */
export function commanderText(text: string, lang: Lang = currentLang()): string {
  if (lang === 'en') return text;
  for (const { re, key, names } of COMMANDER_LINES) {
    const m = re.exec(text);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = m[i + 1] ?? ''));
    const withSuggestion = params.suggestion ? `${key}.suggest` : key;
    const withCommand = key === 'cli.err.too-many-arguments' && !params.command ? `${key}.program` : withSuggestion;
    return render(lang, msg(withCommand, params));
  }
  return text;
}

/** What another layer said about a failure, as a message: its own message (`why`) when it has one, else its English as it is. */
export function causeMessage(err: unknown): Message {
  if (isTekserError(err) && err.why) return err.why as Message;
  return verbatim(String((err as Error | undefined)?.message ?? err));
}
