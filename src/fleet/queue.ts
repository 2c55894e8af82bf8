import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Runs waiting to be pushed: one small file per run in <data-dir>/fleet-queue/, named by the run's id.
// Creating and removing a file is atomic, so a run and a push working at once never lose an entry;
// a database that is down loses nothing: the run stays on disk and in the queue until it is stored.

export function queueDir(dataDir: string): string {
  return join(dataDir, 'fleet-queue');
}

/** A run id as a file name: no path separators, no leading dot. */
const RUN_ID = /^[0-9A-Za-z][0-9A-Za-z._-]{0,79}$/;

/** Queues runs by id (again is harmless). */
export function enqueue(dataDir: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  mkdirSync(queueDir(dataDir), { recursive: true });
  for (const id of ids) {
    if (!RUN_ID.test(id)) continue;
    try {
      writeFileSync(join(queueDir(dataDir), id), '', { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** Notes why a queued run could not be pushed this time (shown by `tekser push`). */
export function noteFailure(dataDir: string, id: string, problem: string): void {
  if (!RUN_ID.test(id)) return;
  try {
    writeFileSync(join(queueDir(dataDir), id), `${new Date().toISOString()} ${problem}\n`);
  } catch {
    // the queue entry itself is what matters, and it is there
  }
}

/** The queued run ids, oldest first. */
export function queued(dataDir: string): string[] {
  try {
    return readdirSync(queueDir(dataDir))
      .filter((f) => RUN_ID.test(f))
      .sort();
  } catch {
    return [];
  }
}

/** The last problem noted for a queued run, or null. */
export function lastFailure(dataDir: string, id: string): string | null {
  try {
    return readFileSync(join(queueDir(dataDir), id), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function dequeue(dataDir: string, id: string): void {
  if (RUN_ID.test(id)) rmSync(join(queueDir(dataDir), id), { force: true });
}
