import { isTekserError, BadListError } from '../errors.ts';
import { currentLang, render, type Lang } from '../i18n/index.ts';
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
