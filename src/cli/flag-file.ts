import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.ts';
import { fsProblem } from './errors.ts';

/** Reads a file named by a flag; a missing or unreadable file is the user's to fix, not a crash. */
export function readFlagFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag} ${file}: cannot read: ${fsProblem(err)}`);
  }
}
