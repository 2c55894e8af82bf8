import { msg, render, verbatim } from '../i18n/index.ts';
import type { Finding, FindingKind, FindingRecord } from '../model/finding.ts';
import type { Message, MessageParam } from '../model/message.ts';

/**
 * The words of the run-level findings (finding.* in src/i18n/<lang>.json): a finding is
 * built from catalogue messages, and its English title and details are those messages rendered in
 * English, so machines and older readers keep the text they always had.
 */

/** A finding from its messages: `title` and `details` are their English, line for line. */
export function said(kind: FindingKind, title: Message, details: readonly Message[], targets: string[]): Finding {
  return { kind, title: render('en', title), titleMessage: title, details: details.map((d) => render('en', d)), detailMessages: [...details], targets };
}

/** A line kept as it was written (a verdict's reason stored without its message): the same in every language. */
export const asIs = verbatim;

/** A target's verdict reason as a clause: its message when the verdict has one, else its text as stored. */
export const reasonOf = (r: FindingRecord): MessageParam => r.verdict.reasonMessage ?? r.verdict.reason;

/** A target's verdict reason as a line of its own. */
export const reasonLine = (r: FindingRecord): Message => r.verdict.reasonMessage ?? asIs(r.verdict.reason);

/** The verdict reasons of some targets, each once, at most `max`, in the order first seen. */
export function reasonLines(rs: readonly FindingRecord[], max: number): Message[] {
  const seen = new Map<string, Message>();
  for (const r of rs) if (!seen.has(r.verdict.reason)) seen.set(r.verdict.reason, reasonLine(r));
  return [...seen.values()].slice(0, max);
}

const SEPARATORS = { comma: ', ', semicolon: '; ' } as const;

/**
 * Items joined by ", " or "; " in every language (host names and failure strings are data): one
 * string when every item is plain text, else nested messages so a translated item (no answer,
 * unknown) is rendered in the reader's language.
 */
export function joined(sep: keyof typeof SEPARATORS, items: readonly MessageParam[]): MessageParam {
  if (items.every((p): p is string => typeof p === 'string')) return items.join(SEPARATORS[sep]);
  return items.slice(1).reduce<MessageParam>((a, b) => msg(`finding.join.${sep}`, { a, b }), items[0] ?? '');
}

/** What a failure string stands in for when there was none: "no answer". */
export const NO_ANSWER = msg('finding.no-answer');

/** The command the interception advice names (it looks for interception CAs in this machine's trust stores): data, the same in every language. */
export const CERTS_COMMAND = 'tekser certs';
