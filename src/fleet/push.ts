import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { StoredRun } from '../store/runs.ts';
import { listRuns } from '../store/runs.ts';
import { connect, fleetError, type Db } from './client.ts';
import { dequeue, noteFailure, queued } from './queue.ts';
import { runDocument } from './rows.ts';

// Pushing stored runs to the fleet's database: one transaction per run, results streamed from
// measurements.jsonl in batches (a 2,000-target run never sits in memory whole), idempotent (the
// database keeps a run once per probe: pushing it again stores nothing) and resumable (queue.ts).

/**
 * JSON text for a jsonb parameter. PostgreSQL's text cannot hold U+0000 (a page title or a header
 * may): it becomes U+FFFD, so one odd byte never stops a run from being stored.
 */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value).replace(NUL_ESCAPE, '$1\\ufffd');
}

/** "\u0000" in JSON text, not preceded by an escaped backslash. */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** Results per statement: big enough to keep the round trips few, small enough to stream. */
export const BATCH = 500;

export interface PushedRun {
  id: string;
  /** false: this probe had pushed it before; nothing was written. */
  stored: boolean;
  results: number;
}

/**
 * Reads a run's results line by line, in batches of JSON text (the database reads the fields: tekser
 * parses no line twice). Only the last line can be cut short (the store appends whole lines; a crash
 * or a full disk stops at one), so only it is parsed here, and kept when whole.
 */
async function* resultBatches(dir: string, size: number, careful: boolean): AsyncGenerator<string[]> {
  const lines = createInterface({ input: createReadStream(join(dir, 'measurements.jsonl')), crlfDelay: Infinity });
  let batch: string[] = [];
  let held: string | null = null;
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (held !== null) batch.push(held);
      held = line.startsWith('{') && (!careful || isWhole(line)) ? line : null;
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (held !== null && isWhole(held)) batch.push(held);
  if (batch.length) yield batch;
}

function isWhole(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** A batch of result lines as one jsonb parameter (U+0000 made U+FFFD, as jsonParam does). */
const batchParam = (lines: readonly string[]): string => `[${lines.join(',')}]`.replace(NUL_ESCAPE, '$1\\ufffd');

/**
 * Pushes one stored run in one transaction. A line the database cannot read as JSON (a damaged
 * file) makes it push the run again, checking every line here and leaving out those that are not whole.
 */
export async function pushRun(db: Db, run: StoredRun, batchSize: number = BATCH): Promise<PushedRun> {
  try {
    return await pushOnce(db, run, batchSize, false);
  } catch (err) {
    if ((err as { code?: string }).code !== '22P02') throw err;
    return pushOnce(db, run, batchSize, true);
  }
}

async function pushOnce(db: Db, run: StoredRun, batchSize: number, careful: boolean): Promise<PushedRun> {
  const { record } = run;
  await db.query('BEGIN');
  try {
    const started = await db.query<{ fresh: boolean }>('SELECT tekser_fleet.push_run($1::jsonb) AS fresh', [jsonParam(runDocument(record))]);
    if (!started.rows[0]?.fresh) {
      await db.query('ROLLBACK');
      return { id: record.id, stored: false, results: 0 };
    }
    let results = 0;
    for await (const batch of resultBatches(run.dir, batchSize, careful)) {
      await db.query('SELECT tekser_fleet.push_results($1, $2, $3::jsonb)', [record.id, record.startedAt, batchParam(batch)]);
      results += batch.length;
    }
    await db.query('COMMIT');
    return { id: record.id, stored: true, results };
  } catch (err) {
    await db.query('ROLLBACK').catch(() => {});
    throw err;
  }
}

export interface PushOutcome {
  pushed: PushedRun[];
  /** Still queued, with why (the database could not be reached, refused the run, the run is still going). */
  left: Array<{ id: string; problem: string }>;
  /** Queued ids that are no longer in the data directory (dropped from the queue). */
  missing: string[];
}

/** A connection that broke (as opposed to one run refused): stop, and leave the rest queued. */
const connectionLost = (err: unknown): boolean => /^(08|57P)/.test(String((err as { code?: string }).code ?? '')) || /ECONN|EPIPE|ETIMEDOUT|Connection terminated/i.test(String((err as Error).message ?? err));

/**
 * Pushes the queued runs (oldest first) to `url`. Each run leaves the queue once the database has it
 * (stored now or before); everything else stays queued with its reason. Never throws for the database.
 */
export async function pushQueue(dataDir: string, url: string, onRun: (r: PushedRun) => void = () => {}): Promise<PushOutcome> {
  const ids = queued(dataDir);
  const outcome: PushOutcome = { pushed: [], left: [], missing: [] };
  if (ids.length === 0) return outcome;
  let db: Db;
  try {
    db = await connect(url);
  } catch (err) {
    const problem = (err as Error).message;
    for (const id of ids) noteFailure(dataDir, id, problem);
    outcome.left = ids.map((id) => ({ id, problem }));
    return outcome;
  }
  try {
    await pushEach(db, dataDir, ids, outcome, onRun);
  } finally {
    await db.end().catch(() => {});
  }
  return outcome;
}

async function pushEach(db: Db, dataDir: string, ids: readonly string[], outcome: PushOutcome, onRun: (r: PushedRun) => void): Promise<void> {
  const stored = new Map(listRuns(dataDir).map((r) => [r.record.id, r]));
  for (const [i, id] of ids.entries()) {
    const run = stored.get(id);
    if (!run) {
      dequeue(dataDir, id);
      outcome.missing.push(id);
      continue;
    }
    if (run.record.status === 'running') {
      outcome.left.push({ id, problem: 'still running' });
      continue;
    }
    try {
      const pushed = await pushRun(db, run);
      dequeue(dataDir, id);
      outcome.pushed.push(pushed);
      onRun(pushed);
    } catch (err) {
      const problem = fleetError(err, `run ${id} was not stored`).message;
      noteFailure(dataDir, id, problem);
      outcome.left.push({ id, problem });
      if (connectionLost(err)) {
        for (const rest of ids.slice(i + 1)) outcome.left.push({ id: rest, problem: 'not tried: the connection was lost' });
        return;
      }
    }
  }
}
