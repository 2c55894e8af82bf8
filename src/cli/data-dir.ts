import { dataDirProblemMessage, defaultDataDir } from '../store/paths.ts';
import { UsageError } from '../errors.ts';
import { msg, render } from '../i18n/index.ts';
import { said } from '../i18n/said.ts';
import type { Message } from '../model/message.ts';

// The data directory's checks, apart from the stored-run readers (commands/stored.ts, zod): `run`
// needs them before its first query.

/** The data directory a stored-run command reads. */
export function dataDirOf(opts: { dataDir?: string }, env: NodeJS.ProcessEnv): string {
  return checkDataDir(opts.dataDir ?? defaultDataDir(env), env);
}

/**
 * The data directory as the user knows it: the flag they typed, the variable they set, or "the
 * data directory … (the default)" with the way to pick another: never a flag nobody typed.
 */
export function dataDirLabel(dir: string, env: NodeJS.ProcessEnv = {}): string {
  return render('en', dataDirLabelMessage(dir, env));
}

/** dataDirLabel as a message, for the reader's language. */
export function dataDirLabelMessage(dir: string, env: NodeJS.ProcessEnv = {}): Message {
  if (env.TEKSER_DATA_DIR && env.TEKSER_DATA_DIR === dir) return msg('cli.data-dir.env', { dir });
  if (dir === defaultDataDir(env)) return msg('cli.data-dir.default', { dir });
  return msg('cli.data-dir.flag', { dir });
}

/** "<data directory>: <problem>" as an error's words. */
export const dataDirError = (dir: string, env: NodeJS.ProcessEnv, problem: Message): UsageError => new UsageError(said(msg('cli.err.data-dir', { label: dataDirLabelMessage(dir, env), problem })));

/** The data directory, or a one-line usage error when it cannot be one (a file, a directory this user cannot read). */
export function checkDataDir(dir: string, env: NodeJS.ProcessEnv = {}): string {
  const problem = dataDirProblemMessage(dir);
  if (problem) throw dataDirError(dir, env, problem);
  return dir;
}
