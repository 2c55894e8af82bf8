import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queued } from '../src/fleet/queue.ts';
import { writeRuns } from './fixtures/report-runs.ts';
import { runInMemory } from './helpers/cli.ts';
import { freshDatabase, loginRoles, NETWORKS, networkRuns } from './helpers/fleet.ts';
import { startCluster } from './helpers/pg.ts';
import { tempDir } from './helpers/tmp.ts';

const { cluster, reason } = startCluster();
afterAll(() => cluster?.stop());

async function count(url: string, sql: string): Promise<number> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(sql)).rows[0]?.n);
  } finally {
    await c.end();
  }
}

describe('tekser push without a database', () => {
  it('a database that cannot be reached loses nothing: the runs stay queued, exit 6, one line per reason', async () => {
    const dataDir = tempDir('fleet-down');
    writeRuns(dataDir, networkRuns(NETWORKS[0], 'k').slice(0, 2));
    // A socket directory where nothing listens.
    const url = `postgres://probe_kt:hunter2@/tekser?host=${encodeURIComponent(tempDir('fleet-nosocket'))}`;
    const r = await runInMemory(['push', '--all', '--to', url, '--data-dir', dataDir]);
    expect(r.code).toBe(6);
    expect(queued(dataDir)).toHaveLength(2);
    expect(r.err).toMatch(/2 run\(s\) not pushed; they stay queued/);
    expect(r.err + r.out).not.toContain('hunter2');
  });

  it('push needs a destination: --to or fleet_url in the config (usage error otherwise)', async () => {
    const dataDir = tempDir('fleet-nowhere');
    writeRuns(dataDir, networkRuns(NETWORKS[0], 'k').slice(0, 1));
    const r = await runInMemory(['push', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--to postgres:\/\/.*fleet_url/);
  });

  it('run --push without a database URL, or with --no-save, is refused before anything is measured', async () => {
    const dataDir = tempDir('fleet-run');
    const r = await runInMemory(['run', 'https://news.lab/', '--push', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--push needs the fleet database/);
    const n = await runInMemory(['run', 'https://news.lab/', '--push', '--no-save', '--fleet-url', 'postgres://p@/x', '--data-dir', dataDir]);
    expect(n.code).toBe(2);
    expect(n.err).toMatch(/drop --no-save/);
  });
});

describe.skipIf(!cluster)(`tekser push and fleet init on a throwaway PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let admin = '';
  beforeAll(async () => {
    admin = await freshDatabase(cluster!, 'fleet_cli');
  });

  it('fleet init applies the migrations, then says they are there; push is idempotent and resumes the queue', async () => {
    const init = await runInMemory(['fleet', 'init', '--db', admin]);
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/^applied 001-fleet$/m);
    expect((await runInMemory(['fleet', 'init', '--db', admin])).out).toMatch(/^already applied 001-fleet$/m);
    await loginRoles(admin);

    const dataDir = tempDir('fleet-cli');
    const runs = networkRuns(NETWORKS[2], 'c').slice(0, 3);
    writeRuns(dataDir, runs);
    // fleet_url from the config file.
    const probe = cluster!.url('probe_kcell', 'fleet_cli');
    writeFileSync(join(dataDir, 'config.yaml'), `fleet_url: "${probe}"\nnetwork: {asn: 29355, cc: KZ, name: Kcell}\n`);
    const first = await runInMemory(['push', '--all', '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.out.match(/^pushed /gm)).toHaveLength(3);
    expect(queued(dataDir)).toEqual([]);
    const again = await runInMemory(['push', '--all', '--data-dir', dataDir]);
    expect(again.out.match(/already in the fleet database/g)).toHaveLength(3);
    expect(await count(admin, "SELECT count(*) AS n FROM tekser_fleet.runs WHERE probe = 'probe_kcell'")).toBe(3);
    const results = runs.reduce((n, r) => n + r.results.length, 0);
    expect(await count(admin, "SELECT count(*) AS n FROM tekser_fleet.results WHERE probe = 'probe_kcell'")).toBe(results);
  });

  it('a queued run goes with the next push: the queue is emptied once the database has it', async () => {
    const dataDir = tempDir('fleet-resume');
    const runs = networkRuns(NETWORKS[0], 'r').slice(0, 2);
    writeRuns(dataDir, runs);
    const down = `postgres://probe_kt@/fleet_cli?host=${encodeURIComponent(tempDir('fleet-nosocket'))}`;
    expect((await runInMemory(['push', '--all', '--to', down, '--data-dir', dataDir])).code).toBe(6);
    expect(queued(dataDir)).toHaveLength(2);
    const up = await runInMemory(['push', '--to', cluster!.url('probe_kt', 'fleet_cli'), '--data-dir', dataDir]);
    expect(up.code).toBe(0);
    expect(up.out.match(/^pushed /gm)).toHaveLength(2);
    expect(queued(dataDir)).toEqual([]);
  });
});
