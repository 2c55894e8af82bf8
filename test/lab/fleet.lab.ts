// Issue 23 in the network lab (imported by lab.test.ts, so it runs in that file's worker): three
// probes on three "networks" (the lab's censor treating each differently) push to one PostgreSQL
// database, and the fleet report shows the difference per network.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, also run by `npm run lab`
import { startLab } from './lab.mjs';
import { skipLab, skipNote } from './gate.ts';
import { runInMemory } from '../helpers/cli.ts';
import { startCluster, type Cluster } from '../helpers/pg.ts';

interface Lab {
  dir: string;
  list(name: string, names: string[]): string;
  args(o?: { list?: string; helper?: boolean | string[]; extra?: string[] }): string[];
  setDnsOverrides(o: Record<string, unknown>): void;
  tekser(args: string[], o?: { timeoutMs?: number }): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

/** Each network, and what the lab's censor does to ok.lab while its probe runs. */
const PROBES = [
  { role: 'probe_kt', name: 'Kazakhtelecom', asn: '9198', lies: {} },
  { role: 'probe_beeline', name: 'Beeline', asn: '21299', lies: { 'ok.lab': 'NXDOMAIN' } },
  { role: 'probe_kcell', name: 'Kcell', asn: '29355', lies: { 'ok.lab': { A: ['127.0.0.1'] } } },
];

// The database starts only when the lab runs; without one the scenario is skipped with the reason.
const { cluster, reason: why }: { cluster: Cluster | null; reason: string | null } = skipLab ? { cluster: null, reason: null } : startCluster();
const note = skipNote || (why ? ` (skipped: ${why})` : '');

describe.skipIf(skipLab || !cluster)(`network lab: three probes on three networks push to one fleet database${note}`, () => {
  let lab: Lab | null = null;
  const pushes: Array<{ name: string; code: number; stderr: string }> = [];

  beforeAll(async () => {
    if (!cluster) return;
    const admin = new pg.Client(cluster.url());
    await admin.connect();
    await admin.query('CREATE DATABASE fleet_lab');
    await admin.end();
    expect((await runInMemory(['fleet', 'init', '--db', cluster.url(cluster.superuser, 'fleet_lab')])).code).toBe(0);
    const db = new pg.Client(cluster.url(cluster.superuser, 'fleet_lab'));
    await db.connect();
    for (const p of PROBES) await db.query(`CREATE ROLE ${p.role} LOGIN IN ROLE tekser_probe`);
    await db.query('CREATE ROLE coordinator LOGIN IN ROLE tekser_reader');
    await db.end();
    lab = (await startLab()) as Lab;
    const list = lab.list('fleet', ['ok.lab', 'plain.lab']);
    for (const p of PROBES) {
      lab.setDnsOverrides(p.lies);
      const network = ['--network-asn', p.asn, '--network-cc', 'KZ', '--network-name', p.name, '--push', '--fleet-url', cluster.url(p.role, 'fleet_lab')];
      const r = await lab.tekser(['run', ...lab.args({ list, extra: [...network, '--data-dir', join(lab.dir, `data-${p.role}`)] }), '--format', 'json']);
      pushes.push({ name: p.name, code: r.code, stderr: r.stderr });
    }
    lab.setDnsOverrides({});
  }, 300_000);

  afterAll(async () => {
    await lab?.stop();
    cluster?.stop();
  });

  it('each probe ran and pushed its run (nothing left queued)', () => {
    for (const p of pushes) {
      expect(p.code, `${p.name}: ${p.stderr}`).toBe(0);
      expect(p.stderr, p.name).not.toMatch(/wait in the queue/);
    }
  });

  it('the fleet report says ok.lab is blocked on Beeline and Kcell and accessible on Kazakhtelecom', async () => {
    const out = join(lab!.dir, 'fleet.html');
    const r = await runInMemory(['report', '--from', cluster!.url('coordinator', 'fleet_lab'), '--since', '1h', '-o', out, '--csv', join(lab!.dir, 'fleet.csv')]);
    expect(r.code, r.err).toBe(0);
    // The runs follow one another: the two blocking networks may have started in different minutes.
    expect(r.err).toMatch(/https:\/\/ok\.lab\/: blocked \(dns\) on (Beeline and Kcell since \d\d:\d\d|Beeline \(since \d\d:\d\d\) and Kcell \(since \d\d:\d\d\)); accessible on Kazakhtelecom/);
    expect(readFileSync(out, 'utf8')).toContain('Blocked on some networks and not others (1)');
    const csv = readFileSync(join(lab!.dir, 'fleet.csv'), 'utf8');
    expect(csv).toMatch(/^https:\/\/ok\.lab\/,Kazakhtelecom,accessible,/m);
    expect(csv).toMatch(/^https:\/\/ok\.lab\/,Beeline,blocked,dns,/m);
  });
});
