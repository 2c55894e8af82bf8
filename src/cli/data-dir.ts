import { dataDirProblem, defaultDataDir } from '../store/paths.ts';
import { UsageError } from '../errors.ts';

// The data directory's checks, apart from the stored-run readers (commands/stored.ts, zod): `run`
// needs them before its first query.

/** The data directory a stored-run command reads. */
export function dataDirOf(opts: { dataDir?: string }, env: NodeJS.ProcessEnv): string {
  return checkDataDir(opts.dataDir ?? defaultDataDir(env));
}

/** The data directory, or a one-line usage error when it cannot be one (a file, say). */
export function checkDataDir(dir: string): string {
  const problem = dataDirProblem(dir);
  if (problem) throw new UsageError(`--data-dir ${dir}: ${problem}`);
  return dir;
}
