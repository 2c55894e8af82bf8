import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

// The fleet's schema as versioned SQL files (src/fleet/migrations/NNN-name.sql), applied in order,
// each in its own transaction, each recorded in tekser_fleet.migrations with its SHA-256.

/** Where the SQL files are, from src/fleet/ and from dist/fleet/ alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/fleet/migrations/', import.meta.url));

/** The group roles `fleet init` makes: probes push, readers read. Login roles are made members. */
export const PROBE_ROLE = 'tekser_probe';
export const READER_ROLE = 'tekser_reader';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

/** The migrations shipped with this tekser, in version order. */
export function migrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(`${dir}/${f}`, 'utf8');
      return { version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), sql, sha256: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrateOutcome {
  applied: string[];
  alreadyThere: string[];
  /** Applied earlier from a file that has changed since (said, never re-applied). */
  changed: string[];
}

/** The roles and the bookkeeping the migrations need (each step does nothing when already done). */
const PREPARE = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PROBE_ROLE}') THEN CREATE ROLE ${PROBE_ROLE} NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${READER_ROLE}') THEN CREATE ROLE ${READER_ROLE} NOLOGIN; END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS tekser_fleet;
CREATE TABLE IF NOT EXISTS tekser_fleet.migrations (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  sha256     text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);`;

/** Applies the migrations this database has not had yet, under a lock (two inits wait for each other). */
export async function migrate(db: Db, list: readonly Migration[] = migrations()): Promise<MigrateOutcome> {
  const outcome: MigrateOutcome = { applied: [], alreadyThere: [], changed: [] };
  await db.query('SELECT pg_advisory_lock(hashtext($1))', ['tekser_fleet.migrate']);
  try {
    await db.query(PREPARE);
    const done = new Map((await db.query<{ version: number; sha256: string }>('SELECT version, sha256 FROM tekser_fleet.migrations')).rows.map((r) => [r.version, r.sha256]));
    for (const m of list) {
      const had = done.get(m.version);
      if (had !== undefined) {
        (had === m.sha256 ? outcome.alreadyThere : outcome.changed).push(m.name);
        continue;
      }
      await applyOne(db, m);
      outcome.applied.push(m.name);
    }
  } finally {
    await db.query('SELECT pg_advisory_unlock(hashtext($1))', ['tekser_fleet.migrate']).catch(() => {});
  }
  return outcome;
}

async function applyOne(db: Db, m: Migration): Promise<void> {
  await db.query('BEGIN');
  try {
    await db.query(m.sql);
    await db.query('INSERT INTO tekser_fleet.migrations (version, name, sha256) VALUES ($1, $2, $3)', [m.version, m.name, m.sha256]);
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK').catch(() => {});
    throw Object.assign(err as Error, { message: `migration ${m.name}: ${(err as Error).message}` });
  }
}

/** The newest schema version applied to this database (0: none). */
export async function schemaVersion(db: Db): Promise<number> {
  const there = await db.query<{ t: string | null }>("SELECT to_regclass('tekser_fleet.migrations')::text AS t");
  if (!there.rows[0]?.t) return 0;
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM tekser_fleet.migrations');
  return Number(r.rows[0]?.v ?? 0);
}
