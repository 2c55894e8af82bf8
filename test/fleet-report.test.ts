import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/fleet/client.ts';
import { pushRun } from '../src/fleet/push.ts';
import { listRuns } from '../src/store/runs.ts';
import { writeRuns } from './fixtures/report-runs.ts';
import { runInMemory } from './helpers/cli.ts';
import { fleetDatabase, NETWORKS, networkRuns } from './helpers/fleet.ts';
import { startCluster } from './helpers/pg.ts';
import { tempDir } from './helpers/tmp.ts';

const { cluster, reason } = startCluster();
afterAll(() => cluster?.stop());

describe.skipIf(!cluster)(`report, history and diff --from a fleet of three networks${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let reader = '';
  beforeAll(async () => {
    const admin = await fleetDatabase(cluster!, 'fleet_read');
    for (const [i, n] of NETWORKS.entries()) {
      const dataDir = tempDir(`fleet-read-${i}`);
      writeRuns(dataDir, networkRuns(n, `${i}`));
      const probe = await connect(cluster!.url(n.role, 'fleet_read'));
      try {
        // Oldest first, as cron pushes them; one run pushed late (out of order) changes no state.
        const runs = listRuns(dataDir).reverse();
        for (const run of [...runs.slice(0, 10), ...runs.slice(11), runs[10]!]) await pushRun(probe, run);
      } finally {
        await probe.end();
      }
    }
    reader = cluster!.url('coordinator', 'fleet_read');
  }, 120_000);


  it('report --from: the target blocked on some networks and not others first, in words; the page and the CSV', async () => {
    const dir = tempDir('fleet-report');
    const r = await runInMemory(['report', '--from', reader, '--since', '2026-11-22T00:00', '-o', join(dir, 'fleet.html'), '--csv', join(dir, 'fleet.csv')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('news.lab/: blocked (dns) on Beeline and Kcell since 22 Nov 14:00; accessible on Kazakhtelecom');
    const html = readFileSync(join(dir, 'fleet.html'), 'utf8');
    expect(html).toContain('Blocked on some networks and not others (1)');
    expect(html.indexOf('news.lab')).toBeLessThan(html.indexOf('site1.lab'));
    expect(html).toMatch(/<th class="n" colspan="\d+">Beeline<\/th>/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!news|site|canary)[^"<\s]*"/);
    const csv = readFileSync(join(dir, 'fleet.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('target,network,status,method,since_utc,probes,probes_agreeing,changes_in_span,divergent,reason');
    // One change on Beeline (accessible → blocked at 14:00), none on Kazakhtelecom.
    expect(csv).toContain('https://news.lab/,Beeline,blocked,dns,2026-11-22T14:00:00.000Z,1,1,1,yes,"DNS answers 198.51.100.66, the control 203.0.113.20"');
    expect(csv.filter((l) => /^https:\/\/news\.lab\/,Kazakhtelecom,accessible,,[^,]+,1,1,0,yes,/.test(l))).toHaveLength(1);
  });

  it('report --from --network: only the networks named (by name or AS number)', async () => {
    const r = await runInMemory(['report', '--from', reader, '--since', '2026-11-22T00:00', '--network', 'Kazakhtelecom', '--network', 'AS21299', '-o', join(tempDir('fleet-report-n'), 'f.html')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^fleet: Beeline \(24 runs\), Kazakhtelecom \(24 runs\) since/m);
    expect(r.err).not.toContain('Kcell');
  });

  it('history --from lists the fleet\'s runs with network and probe; diff --from says what changed per probe', async () => {
    const h = await runInMemory(['history', '--from', reader, '--since', '2026-11-22T00:00', '--network', 'Kcell']);
    expect(h.code, h.err).toBe(0);
    expect(h.out.split('\n').filter((l) => l.startsWith('Kcell'))).toHaveLength(24);
    const d = await runInMemory(['diff', '--from', reader, '--since', '2026-11-22T00:00', '--format', 'json']);
    expect(d.code, d.err).toBe(0);
    const diffs = JSON.parse(d.out) as Array<{ network: string; diff: { changes: unknown[] } }>;
    expect(diffs.map((x) => x.network).sort()).toEqual(['Beeline', 'Kazakhtelecom', 'Kcell']);
    const quiet = await runInMemory(['diff', '--from', reader, '--since', '2026-11-22T00:00', '--quiet', '--fail-on-change', '--network', 'Kazakhtelecom']);
    expect(quiet).toMatchObject({ code: 0, out: '' });
  });
});
