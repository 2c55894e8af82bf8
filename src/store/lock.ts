import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { ensureDir } from './paths.ts';
import { join } from 'node:path';
import { LockedError, type LockHolder } from '../errors.ts';

/** Who holds the lock (pid, host, since when). */
export type LockInfo = LockHolder;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * Takes the data directory's run lock (O_EXCL), replacing a stale one left by a killed run.
 * Returns the release function; the lock is also released if the process exits normally.
 */
export function acquireLock(dataDir: string): () => void {
  ensureDir(dataDir);
  const file = join(dataDir, 'run.lock');
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        try {
          if (readLock(file)?.pid === process.pid) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      if (holder && (holder.host !== hostname() || isAlive(holder.pid))) throw new LockedError(file, holder);
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        // someone else removed it first
      }
    }
  }
  const holder = readLock(file);
  throw new LockedError(file, holder ?? { pid: 0, host: '?', startedAt: '?' });
}
