import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
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

export interface RunWriter {
  id: string;
  dir: string;
  /** Appends one finished target, as one JSONL line, written through to the kernel at once. */
  append(result: TargetResultJson): void;
  finish(status: RunRecord['status'], summary: RunSummary, findings: FindingJson[]): void;
}

export function startRun(dataDir: string, init: Pick<RunRecord, 'tekserVersion' | 'lists' | 'settings' | 'targets'>): RunWriter {
  const id = newRunId();
  const dir = join(runsDir(dataDir), id);
  mkdirSync(dir, { recursive: true });
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
  writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
  // One writer per file, appending whole lines: a SIGKILL loses at most the target in flight.
  const fd = openSync(join(dir, 'measurements.jsonl'), 'a');
  let closed = false;
  return {
    id,
    dir,
    append(result) {
      writeSync(fd, `${JSON.stringify(result)}\n`);
      record.measured++;
    },
    finish(status, summary, findings) {
      if (!closed) closeSync(fd);
      closed = true;
      Object.assign(record, { status, finishedAt: new Date().toISOString(), summary, findings });
      writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
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

/**
 * Every run on disk, newest first. A run still marked "running" whose process is gone was killed:
 * it is marked "interrupted" (on disk too, when `repair` is set), with what it had finished.
 */
export function listRuns(dataDir: string, { repair = false }: { repair?: boolean } = {}): StoredRun[] {
  const root = runsDir(dataDir);
  if (!existsSync(root)) return [];
  const runs: StoredRun[] = [];
  for (const id of readdirSync(root).sort().reverse()) {
    const dir = join(root, id);
    let record: RunRecord;
    try {
      const parsed = runRecordSchema.safeParse(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')));
      if (!parsed.success) continue;
      record = parsed.data;
    } catch {
      continue;
    }
    if (record.status === 'running' && !isAlive(record.pid)) {
      const results = readResults(dir);
      record = { ...record, status: 'interrupted', measured: results.length };
      if (repair) writeFileAtomic(join(dir, 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
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
