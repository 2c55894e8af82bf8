import { dataDirProblem, defaultDataDir } from '../../store/paths.ts';
import { findRun, readResults, type StoredRun } from '../../store/runs.ts';
import { UsageError } from '../errors.ts';

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

/** A stored run by reference, or a usage error that says what exists. */
export function requireRun(dataDir: string, ref: string): StoredRun & { results: ReturnType<typeof readResults> } {
  const run = findRun(dataDir, ref);
  if (!run) throw new UsageError(`no run "${ref}" in ${dataDir} (see \`tekser history\`; use an id, a unique prefix, "last" or "last~1")`);
  return { ...run, results: readResults(run.dir) };
}
