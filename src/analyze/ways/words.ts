import { hasMessage, msg, render, t, verbatim } from '../../i18n/index.ts';
import type { Message, MessageParam } from '../../model/message.ts';

/**
 * Small tools for sentences built from catalogue messages (service.* and ways.* in
 * src/i18n/<lang>.json), shared by the service verdicts and the ways out: joining clauses
 * the way the English joined them, a list's own words in the reader's language, a sentence kept
 * beside its English.
 */

/** A sentence and its English, as the verdicts and findings store them side by side. */
export interface Said {
  text: string;
  message: Message;
}

export const said = (message: Message): Said => ({ text: render('en', message), message });

/** A text stored without a message (an older verdict, a list's own words), shown as it is in every language. */
export const asIs = verbatim;

/**
 * A list's own words (a service's name, a check's title, a way's title) in the reader's language: the
 * catalogue's entry when its English is exactly what the list says, else the words as written.
 */
export function ownWords(key: string, english: string, params?: Record<string, MessageParam>): MessageParam {
  return hasMessage(key) && t('en', key, params) === english ? msg(key, params) : english;
}

const SEPARATORS = { comma: ', ', semicolon: '; ' } as const;

/** Clauses joined by ", " or "; ": one string when every clause is plain text, else nested messages. */
export function joined(sep: keyof typeof SEPARATORS, parts: readonly MessageParam[]): MessageParam {
  if (parts.every((p): p is string => typeof p === 'string')) return parts.join(SEPARATORS[sep]);
  return parts.slice(1).reduce<MessageParam>((a, b) => msg(`service.join.${sep}`, { a, b }), parts[0] ?? '');
}

/** "a, b and c" (no comma before "and"), in the reader's language. */
export function andList(items: readonly MessageParam[]): MessageParam {
  if (items.length <= 1) return items[0] ?? '';
  return msg('ways.join.and', { a: joined('comma', items.slice(0, -1)), b: items[items.length - 1] ?? '' });
}
