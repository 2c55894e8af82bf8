import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../lists/atomic-write.ts';
import type { FindingJson } from '../model/finding.ts';
import { RUN_RECORD_SCHEMA_ID, runRecordSchema, targetResultSchema, type RunRecord, type RunSummary, type TargetResultJson } from '../model/run.ts';
import { isAlive } from './lock.ts';

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
  finish(status: RunRecord['status'], summary: RunSummary, findings: FindingJson[], controlCheck?: RunRecord['controlCheck']): void;
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
  init: Pick<RunRecord, 'tekserVersion' | 'lists' | 'settings' | 'targets'>,
  /** `stage`: "append" (a target's line, and those after it, are not kept) or "finish" (run.json). */
  onProblem: (err: NodeJS.ErrnoException, stage: 'append' | 'finish') => void = () => {},
): RunWriter {
  const id = newRunId();
  const dir = join(runsDir(dataDir), id);
  storeFs.mkdirSync(dir, { recursive: true });
  const record: RunRecord = {
    schema: RUN_RECORD_SCHEMA_ID,
    id,
    status: 'running',
    startedAt: new Date().toISOString(),
    finishedAt: null,
    pid: process.pid,
    network: { asn: null, country: null },
    measured: 0,
    summary: null,
    findings: null,
    ...init,
  };
  storeFs.writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
  // One writer per file, appending whole lines: a SIGKILL loses at most the target in flight.
  const fd = storeFs.openSync(join(dir, 'measurements.jsonl'), 'a');
  let closed = false;
  let problem: NodeJS.ErrnoException | null = null;
  const fail = (err: unknown, stage: 'append' | 'finish'): void => {
    if (problem) return;
    problem = err as NodeJS.ErrnoException;
    onProblem(problem, stage);
  };
  return {
    id,
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
    finish(status, summary, findings, controlCheck) {
      try {
        if (!closed) storeFs.closeSync(fd);
      } catch (err) {
        fail(err, 'finish');
      }
      closed = true;
      // run.json counts what is on disk: a reader never expects more lines than there are.
      Object.assign(record, { status, finishedAt: new Date().toISOString(), summary, findings, ...(controlCheck ? { controlCheck } : {}) });
      const text = `${JSON.stringify(record, null, 2)}\n`;
      try {
        storeFs.writeFileAtomic(join(dir, 'run.json'), text);
      } catch (err) {
        // A full disk has no room for the temporary copy; the old run.json's own space is enough
        // (the record grows by a summary of a few hundred bytes). A crash now at worst leaves it
        // unreadable, which history lists: never a finished run marked "interrupted" for no reason.
        try {
          storeFs.writeFileSync(join(dir, 'run.json'), text);
        } catch {
          fail(err, 'finish');
        }
      }
    },
  };
}

/** Reads measurements.jsonl, skipping a line a crash cut short. */
export function readResults(dir: string): TargetResultJson[] {
  const file = join(dir, 'measurements.jsonl');
  if (!existsSync(file)) return [];
  const out: TargetResultJson[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = targetResultSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // a truncated last line: the target that was being written when the run died
    }
  }
  return out;
}

export interface StoredRun {
  record: RunRecord;
  dir: string;
}

/** A run directory whose run.json cannot be read: listed, never silently hidden. */
export interface UnreadableRun {
  id: string;
  dir: string;
  /** In words: what is wrong with it. */
  problem: string;
}

function readRecord(dir: string): { record: RunRecord } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, 'run.json'), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'run.json is missing' : code === 'EACCES' ? 'run.json cannot be read (permission denied)' : `run.json cannot be read (${code ?? err})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: text.trim() ? 'run.json is not valid JSON (cut short or damaged)' : 'run.json is empty' };
  }
  const parsed = runRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `run.json does not match ${RUN_RECORD_SCHEMA_ID} (${issue?.path.join('.') || 'top level'}: ${issue?.message})` };
  }
  return { record: parsed.data };
}

/**
 * Every run on disk, newest first. A run still marked "running" whose process is gone was killed:
 * it is marked "interrupted" (on disk too, when `repair` is set), with what it had finished.
 * Run directories whose run.json cannot be read are left out, and added to `unreadable` when given.
 */
export function listRuns(dataDir: string, { repair = false, unreadable }: { repair?: boolean; unreadable?: UnreadableRun[] } = {}): StoredRun[] {
  const root = runsDir(dataDir);
  if (!existsSync(root)) return [];
  const runs: StoredRun[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const id = entry.name;
    const dir = join(root, id);
    const read = readRecord(dir);
    if ('problem' in read) {
      unreadable?.push({ id, dir, problem: read.problem });
      continue;
    }
    let record = read.record;
    if (record.status === 'running' && !isAlive(record.pid)) {
      const results = readResults(dir);
      record = { ...record, status: 'interrupted', measured: results.length };
      if (repair) {
        try {
          storeFs.writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
        } catch {
          // a full or read-only disk: the run still reads as interrupted, and is repaired next time
        }
      }
    }
    runs.push({ record, dir });
  }
  return runs;
}

/** A run by id, unique id prefix, "last" / "latest", or "last~N" (N runs before the last). */
export function findRun(dataDir: string, ref: string): StoredRun | null {
  const runs = listRuns(dataDir);
  const back = /^(?:last|latest)(?:~(\d+))?$/.exec(ref);
  if (back) return runs[Number(back[1] ?? 0)] ?? null;
  const exact = runs.find((r) => r.record.id === ref);
  if (exact) return exact;
  const prefixed = runs.filter((r) => r.record.id.startsWith(ref));
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}
