import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/fleet/client.ts';
import { migrate, migrations, schemaVersion } from '../src/fleet/migrate.ts';
import { pushQueue, pushRun } from '../src/fleet/push.ts';
import { enqueue, queued } from '../src/fleet/queue.ts';
import { listRuns } from '../src/store/runs.ts';
import { writeRuns } from './fixtures/report-runs.ts';
import { fleetDatabase, freshDatabase, NETWORKS, networkRuns } from './helpers/fleet.ts';
import { startCluster } from './helpers/pg.ts';
import { tempDir } from './helpers/tmp.ts';

const { cluster, reason } = startCluster();
afterAll(() => cluster?.stop());

async function q<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe.skipIf(!cluster)(`fleet schema and push on a throwaway PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let admin = '';
  beforeAll(async () => {
    admin = await fleetDatabase(cluster!, 'fleet_push');
  });

  it('applies the migrations in order once, and records each with its SHA-256', async () => {
    const rows = await q<{ version: number; name: string; sha256: string }>(admin, 'SELECT version, name, sha256 FROM tekser_fleet.migrations ORDER BY version');
    expect(rows.map((r) => r.name)).toEqual(migrations().map((m) => m.name));
    expect(rows[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const db = await connect(admin);
    try {
      const again = await migrate(db);
      expect(again.applied).toEqual([]);
      expect(again.alreadyThere).toEqual(migrations().map((m) => m.name));
      expect(await schemaVersion(db)).toBe(migrations().at(-1)?.version);
    } finally {
      await db.end();
    }
  });

  it('a run pushed twice is stored once, with its results, findings and one partition per day', async () => {
    const dataDir = tempDir('fleet-push');
    const runs = networkRuns(NETWORKS[1], 'b').slice(0, 3);
    writeRuns(dataDir, runs);
    const probe = cluster!.url('probe_beeline', 'fleet_push');
    const db = await connect(probe);
    try {
      const stored = listRuns(dataDir);
      const first = await pushRun(db, stored[0]!, 4);
      expect(first).toMatchObject({ stored: true, results: runs[2]!.results.length });
      const second = await pushRun(db, stored[0]!, 4);
      expect(second).toMatchObject({ stored: false, results: 0 });
    } finally {
      await db.end();
    }
    const counted = await q<{ runs: string; results: string }>(admin, "SELECT (SELECT count(*) FROM tekser_fleet.runs WHERE probe = 'probe_beeline') AS runs, (SELECT count(*) FROM tekser_fleet.results WHERE probe = 'probe_beeline') AS results");
    expect(counted[0]).toEqual({ runs: '1', results: String(runs[2]!.results.length) });
    const row = (await q<{ network: string; network_asn: string; probe: string }>(admin, 'SELECT network, network_asn, probe FROM tekser_fleet.runs'))[0];
    expect(row).toEqual({ network: 'Beeline', network_asn: '21299', probe: 'probe_beeline' });
    const parts = await q<{ relname: string }>(admin, "SELECT relname FROM pg_class WHERE relname LIKE 'results_2%' AND relkind = 'r'");
    expect(parts.map((p) => p.relname)).toEqual(['results_20261122']);
  });

  it('applies only the migrations a database has not had, in version order, and says which changed since', async () => {
    const dir = tempDir('fleet-migrations');
    writeFileSync(join(dir, '002-second.sql'), 'CREATE TABLE tekser_fleet.second (id int); INSERT INTO tekser_fleet.second VALUES (2);');
    writeFileSync(join(dir, '001-first.sql'), 'CREATE TABLE tekser_fleet.first (id int); INSERT INTO tekser_fleet.first VALUES (1);');
    writeFileSync(join(dir, 'notes.txt'), 'not a migration');
    const url = await freshDatabase(cluster!, 'fleet_order');
    const db = await connect(url);
    try {
      expect(migrations(dir).map((m) => m.name)).toEqual(['001-first', '002-second']);
      expect(await migrate(db, migrations(dir).slice(0, 1))).toMatchObject({ applied: ['001-first'] });
      expect(await migrate(db, migrations(dir))).toMatchObject({ applied: ['002-second'], alreadyThere: ['001-first'] });
      writeFileSync(join(dir, '001-first.sql'), 'DROP TABLE tekser_fleet.first;');
      expect(await migrate(db, migrations(dir))).toEqual({ applied: [], alreadyThere: ['002-second'], changed: ['001-first'] });
      expect((await db.query('SELECT id FROM tekser_fleet.first')).rows).toEqual([{ id: 1 }]);
      // A migration that fails leaves nothing behind and is not recorded.
      writeFileSync(join(dir, '003-broken.sql'), 'CREATE TABLE tekser_fleet.third (id int); SELECT no_such_function();');
      await expect(migrate(db, migrations(dir))).rejects.toThrow(/migration 003-broken/);
      expect((await db.query("SELECT to_regclass('tekser_fleet.third') AS t")).rows[0].t).toBeNull();
      expect(await schemaVersion(db)).toBe(2);
    } finally {
      await db.end();
    }
  });
});
