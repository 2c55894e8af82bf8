import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Message } from '../model/message.ts';
import { msg, render } from '../i18n/index.ts';
import { join } from 'node:path';
import { RUN_RECORD_SCHEMA_ID, runRecordSchema, targetResultSchema, type RunRecord, type TargetResultJson } from '../model/run.ts';
import { isAlive } from './lock.ts';
import { countResults, runsDir } from './writer.ts';

// Reading runs back, checked against the schemas. Writing lives in writer.ts (no zod: start-up).
export { countResults, newRunId, repairInterrupted, runsDir, sha256File, startRun, storeFs, type RunWriter } from './writer.ts';

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
  /** In words: what is wrong with it (English). */
  problem: string;
  /** The same as a catalogue message, for the reader's language. */
  why: Message;
}

/** A problem with a run.json: the message and its English. */
const runProblem = (why: Message): { problem: string; why: Message } => ({ problem: render('en', why), why });

function readRecord(dir: string): { record: RunRecord } | { problem: string; why: Message } {
  let text: string;
  try {
    text = readFileSync(join(dir, 'run.json'), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return runProblem(code === 'ENOENT' ? msg('err.run.missing') : code === 'EACCES' ? msg('err.run.denied') : msg('err.run.unreadable', { code: String(code ?? err) }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return runProblem(text.trim() ? msg('err.run.not-json') : msg('err.run.empty'));
  }
  const parsed = runRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return runProblem(msg('err.run.schema', { schema: RUN_RECORD_SCHEMA_ID, path: issue?.path.join('.') || msg('err.run.top-level'), detail: String(issue?.message) }));
  }
  return { record: parsed.data };
}

/**
 * Every run on disk, newest first. A run still marked "running" whose process is gone was killed:
 * it reads as "interrupted", with what it had finished.
 * Run directories whose run.json cannot be read are left out, and added to `unreadable` when given.
 */
export function listRuns(dataDir: string, { unreadable }: { unreadable?: UnreadableRun[] } = {}): StoredRun[] {
  const root = runsDir(dataDir);
  if (!existsSync(root)) return [];
  const runs: StoredRun[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const id = entry.name;
    const dir = join(root, id);
    const read = readRecord(dir);
    if ('problem' in read) {
      unreadable?.push({ id, dir, problem: read.problem, why: read.why });
      continue;
    }
    let record = read.record;
    // Killed while running (its process is gone): interrupted, with what it had finished. The next
    // run start writes that to disk too (writer.ts, repairInterrupted).
    if (record.status === 'running' && !isAlive(record.pid)) record = { ...record, status: 'interrupted', measured: countResults(dir) };
    runs.push({ record, dir });
  }
  return runs;
}

/** What a run reference names: the run, the unreadable runs newer than it that "last" passed over, or every run a prefix fits. */
export interface RunLookup {
  run: StoredRun | null;
  /** Run directories newer than `run` whose run.json cannot be read ("last" skipped them). */
  skipped: UnreadableRun[];
  /** For an ambiguous prefix: the runs it fits (more than one). */
  matches: StoredRun[];
}

/** A run by id, unique id prefix, "last" / "latest", or "last~N" (N runs before the last), with what was skipped or matched. */
export function lookupRun(dataDir: string, ref: string): RunLookup {
  const unreadable: UnreadableRun[] = [];
  const runs = listRuns(dataDir, { unreadable });
  const back = /^(?:last|latest)(?:~(\d+))?$/.exec(ref);
  const exact = back ? null : runs.find((r) => r.record.id === ref);
  const matches = back || exact ? [] : runs.filter((r) => r.record.id.startsWith(ref));
  const run = back ? (runs[Number(back[1] ?? 0)] ?? null) : (exact ?? (matches.length === 1 ? (matches[0] ?? null) : null));
  const skipped = back && run ? unreadable.filter((u) => u.id > run.record.id) : [];
  return { run, skipped, matches: matches.length > 1 ? matches : [] };
}

/** A run by id, unique id prefix, "last" / "latest", or "last~N" (N runs before the last). */
export function findRun(dataDir: string, ref: string): StoredRun | null {
  return lookupRun(dataDir, ref).run;
}
