import { dataDirProblem, defaultDataDir } from '../store/paths.ts';
import { UsageError } from '../errors.ts';

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
  if (env.TEKSER_DATA_DIR && env.TEKSER_DATA_DIR === dir) return `data directory ${dir} (from TEKSER_DATA_DIR)`;
  if (dir === defaultDataDir(env)) return `data directory ${dir} (the default; --data-dir or TEKSER_DATA_DIR picks another)`;
  return `--data-dir ${dir}`;
}

/** The data directory, or a one-line usage error when it cannot be one (a file, a directory this user cannot read). */
export function checkDataDir(dir: string, env: NodeJS.ProcessEnv = {}): string {
  const problem = dataDirProblem(dir);
  if (problem) throw new UsageError(`${dataDirLabel(dir, env)}: ${problem}`);
  return dir;
}
