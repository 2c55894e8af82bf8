import { parseInterceptionCaFile } from '../analyze/interception-file.ts';
import type { InterceptionCa } from '../model/verdict.ts';
import { UsageError } from '../errors.ts';
import { readFlagFile } from './flag-file.ts';
import { causeMessage } from './errors.ts';
import { msg } from '../i18n/index.ts';
import { said } from '../i18n/said.ts';

/** The CAs of --interception-cas files (YAML, zod: loaded only when the flag is given). */
export function loadInterceptionCas(files: readonly string[]): InterceptionCa[] {
  return files.flatMap((f) => {
    const text = readFlagFile('--interception-cas', f);
    try {
      return parseInterceptionCaFile(text, f);
    } catch (err) {
      throw new UsageError(said(msg('cli.err.flag-problem', { flag: '--interception-cas', problem: causeMessage(err) })));
    }
  });
}
