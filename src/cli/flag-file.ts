import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import { msg } from '../i18n/index.ts';
import { cannotReadMessage, said } from '../i18n/said.ts';

/** Reads a file named by a flag; a missing or unreadable file is the user's to fix, not a crash. */
export function readFlagFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(said(msg('cli.err.flag-file', { flag, file, problem: cannotReadMessage(err) })));
  }
}
