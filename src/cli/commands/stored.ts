import { said } from '../../i18n/said.ts';
import { lookupRun, readResults, type StoredRun } from '../../store/runs.ts';
import { UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { msg, currentLang, t, verbatim } from '../../i18n/index.ts';

export { checkDataDir, dataDirOf } from '../data-dir.ts';

/** How many runs an ambiguous prefix lists by name. */
const SHOWN_MATCHES = 10;

/**
 * A stored run by reference, or a usage error that says what exists: an ambiguous prefix lists the
 * runs it fits. When "last" passes over a newer run whose run.json cannot be read, a note on stderr
 * says so (when `io` is given), so an older run is never used silently.
 */
export function requireRun(dataDir: string, ref: string, io?: Pick<CommandIO, 'stderr'>): StoredRun & { results: ReturnType<typeof readResults> } {
  const { run, skipped, matches } = lookupRun(dataDir, ref);
  if (matches.length) {
    const names = matches.slice(0, SHOWN_MATCHES).map((m) => m.record.id);
    const more = matches.length > SHOWN_MATCHES ? msg('cli.err.ambiguous-run.more', { count: matches.length - SHOWN_MATCHES }) : verbatim('');
    throw new UsageError(said(msg('cli.err.ambiguous-run', { ref, count: matches.length, dir: dataDir, ids: names.join(', '), more })));
  }
  if (!run) throw new UsageError(said(msg('cli.err.no-run', { ref, dir: dataDir, historyCmd: 'tekser history', last: 'last' })));
  for (const s of skipped) io?.stderr(`tekser: ${t(currentLang(), 'cli.stored.skipped', { newer: s.id, problem: s.why, ref, id: run.record.id })}\n`);
  return { ...run, results: readResults(run.dir) };
}
