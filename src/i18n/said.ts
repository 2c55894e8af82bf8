import { fsCode, FS_CODES, fsOwnWords, type Said } from '../errors.ts';
import type { Message } from '../model/message.ts';
import { msg, render } from './index.ts';

/**
 * Errors in the reader's language: `said(message)` is what an error raised on purpose carries (its
 * message, and the English rendering that is the error's `message`); the file-system sentences as
 * messages. src/errors.ts imports no code, so the pairs are made here.
 */

/** A message with its English rendering, for a TekserError: new UsageError(said(msg('err.…', { … }))). */
export function said(m: Message): Said {
  return { text: render('en', m), why: m };
}

/** A file-system error as a message: "no such file or directory (ENOENT)" (src/errors.ts fsProblem in English). */
export function fsProblemMessage(err: unknown): Message {
  const code = fsCode(err);
  if (code && FS_CODES.has(code)) return msg('err.fs.coded', { problem: msg(`err.fs.${code}`), code });
  return code ? msg('err.fs.coded', { problem: fsOwnWords(err), code }) : msg('err.fs.other', { problem: fsOwnWords(err) });
}

/** Why a file could not be read, as a message: "cannot read: no such file or directory (ENOENT)". */
export const cannotReadMessage = (err: unknown): Message => msg('err.cannot-read', { problem: fsProblemMessage(err) });
/** Why a file could not be written, as a message: "cannot write: permission denied (EACCES)". */
export const cannotWriteMessage = (err: unknown): Message => msg('err.cannot-write', { problem: fsProblemMessage(err) });
