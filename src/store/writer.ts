import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../lists/atomic-write.ts';
import type { FindingJson } from '../model/finding.ts';
import type { RunRecord, RunSummary, TargetResultJson } from '../model/run.ts';
import { RUN_RECORD_SCHEMA_ID } from '../model/values.ts';
import { isAlive } from './lock.ts';

// Writing runs: what `tekser run` needs before its first query. No zod here (start-up, issue #13):
// the schemas check what is read back (runs.ts), not what this module writes from typed values.

export function runsDir(dataDir: string): string {
  return join(dataDir, 'runs');
}

export function sha256File(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}

/** Sortable, readable, unique: 20261123T090000Z-1a2b. */
export function newRunId(now: Date = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
}

/** The file operations the store writes with: one object, so tests can inject a full disk. */
export const storeFs = { openSync, writeSync, closeSync, mkdirSync, writeFileAtomic, writeFileSync };

export interface RunWriter {
  id: string;
  dir: string;
  /**
   * Appends one finished target, as one JSONL line, written through to the kernel at once. Never
   * throws: a failed write (a full disk) is kept in `problem`, and later lines are not attempted.
   */
  append(result: TargetResultJson): void;
  /** Writes the final run.json; never throws (see `problem`). */
  finish(status: RunRecord['status'], summary: RunSummary, findings: FindingJson[], controlCheck?: RunRecord['controlCheck'], ways?: RunRecord['ways']): void;
  /** The first write that failed, or null: everything so far is on disk. */
  readonly problem: NodeJS.ErrnoException | null;
  /** Targets written to measurements.jsonl. */
  readonly saved: number;
}

/**
 * Starts a run directory. Throws if even that cannot be written (the caller decides whether to run
 * unsaved); after that, write errors never throw but are reported through `problem` and `onProblem`.
 */
export function startRun(
  dataDir: string,
  init: Pick<RunRecord, 'tekserVersion' | 'lists' | 'settings' | 'targets'> & Partial<Pick<RunRecord, 'network'>>,
  /** `stage`: "append" (a target's line, and those after it, are not kept) or "finish" (run.json). */
  onProblem: (err: NodeJS.ErrnoException, stage: 'append' | 'finish') => void = () => {},
): RunWriter {
  const id = newRunId();
  const dir = join(runsDir(dataDir), id);
  storeFs.mkdirSync(dir, { recursive: true });
  const record = newRunRecord(id, init);
  storeFs.writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
  // One writer per file, appending whole lines: a SIGKILL loses at most the target in flight.
  const fd = storeFs.openSync(join(dir, 'measurements.jsonl'), 'a');
  return runWriter(dir, record, fd, onProblem);
}

/** run.json as a run starts: running, nothing measured yet. */
function newRunRecord(id: string, init: Pick<RunRecord, 'tekserVersion' | 'lists' | 'settings' | 'targets'>): RunRecord {
  return {
    schema: RUN_RECORD_SCHEMA_ID,
    id,
    status: 'running',
    startedAt: new Date().toISOString(),
    finishedAt: null,
    pid: process.pid,
    network: { asn: null, country: null, name: null },
    measured: 0,
    summary: null,
    findings: null,
    ...init,
  };
}

/** The writer of a started run (its directory, its record, measurements.jsonl open as `fd`). */
function runWriter(dir: string, record: RunRecord, fd: number, onProblem: (err: NodeJS.ErrnoException, stage: 'append' | 'finish') => void): RunWriter {
  let closed = false;
  let problem: NodeJS.ErrnoException | null = null;
  const fail = (err: unknown, stage: 'append' | 'finish'): void => {
    if (problem) return;
    problem = err as NodeJS.ErrnoException;
    onProblem(problem, stage);
  };
  return {
    id: record.id,
    dir,
    get problem() {
      return problem;
    },
    get saved() {
      return record.measured;
    },
    append(result) {
      if (problem) return;
      const line = `${JSON.stringify(result)}\n`;
      try {
        const written = storeFs.writeSync(fd, line);
        if (written !== Buffer.byteLength(line)) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
        record.measured++;
      } catch (err) {
        fail(err, 'append');
      }
    },
    finish(status, summary, findings, controlCheck, ways) {
      try {
        if (!closed) storeFs.closeSync(fd);
      } catch (err) {
        fail(err, 'finish');
      }
      closed = true;
      // run.json counts what is on disk: a reader never expects more lines than there are.
      Object.assign(record, { status, finishedAt: new Date().toISOString(), summary, findings, ...(controlCheck ? { controlCheck } : {}), ...(ways ? { ways } : {}) });
      try {
        rewriteRunJson(dir, `${JSON.stringify(record, null, 2)}\n`);
      } catch (err) {
        fail(err, 'finish');
      }
    },
  };
}

/** Writes a finished run.json over the running one; throws the first error when it cannot. */
function rewriteRunJson(dir: string, text: string): void {
  try {
    storeFs.writeFileAtomic(join(dir, 'run.json'), text);
  } catch (err) {
    // A full disk has no room for the temporary copy; the old run.json's own space is enough
    // (the record grows by a summary of a few hundred bytes). A crash now at worst leaves it
    // unreadable, which history lists: never a finished run marked "interrupted" for no reason.
    try {
      storeFs.writeFileSync(join(dir, 'run.json'), text);
    } catch {
      throw err;
    }
  }
}

/** Targets in a run's measurements.jsonl: whole lines that parse (a crash cuts at most the last one short). */
export function countResults(dir: string): number {
  let text: string;
  try {
    text = readFileSync(join(dir, 'measurements.jsonl'), 'utf8');
  } catch {
    return 0;
  }
  let n = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      JSON.parse(line);
      n++;
    } catch {
      // the target that was being written when the run died
    }
  }
  return n;
}

/**
 * Marks runs killed while "running" (their process is gone) as "interrupted" on disk, with what they
 * had finished. Every run start calls this, so only the newest runs can still say "running": the scan
 * goes newest first and stops at the first run that does not, whatever the length of the history
 * (an hourly cron job keeps thousands). A repair that fails (a full disk) is retried while that run
 * stays the newest; readers compute "interrupted" on their own either way (listRuns).
 */
export function repairInterrupted(dataDir: string): void {
  const root = runsDir(dataDir);
  if (!existsSync(root)) return;
  const names = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort()
    .reverse();
  for (const id of names) {
    const file = join(root, id, 'run.json');
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      continue; // unreadable: history lists it as such; nothing to repair here
    }
    if (record.status !== 'running') return;
    if (typeof record.pid === 'number' && isAlive(record.pid)) continue;
    try {
      storeFs.writeFileAtomic(file, `${JSON.stringify({ ...record, status: 'interrupted', measured: countResults(join(root, id)) }, null, 2)}\n`);
    } catch {
      // a full or read-only disk: the run still reads as interrupted, and is repaired next time
    }
  }
}
