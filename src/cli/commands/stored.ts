import { findRun, readResults, type StoredRun } from '../../store/runs.ts';
import { UsageError } from '../../errors.ts';

export { checkDataDir, dataDirOf } from '../data-dir.ts';

/** A stored run by reference, or a usage error that says what exists. */
export function requireRun(dataDir: string, ref: string): StoredRun & { results: ReturnType<typeof readResults> } {
  const run = findRun(dataDir, ref);
  if (!run) throw new UsageError(`no run "${ref}" in ${dataDir} (see \`tekser history\`; use an id, a unique prefix, "last" or "last~1")`);
  return { ...run, results: readResults(run.dir) };
}
