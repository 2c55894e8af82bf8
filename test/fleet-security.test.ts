import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/fleet/client.ts';
import { pushRun } from '../src/fleet/push.ts';
import { listRuns } from '../src/store/runs.ts';
import { cert, web, writeRuns } from './fixtures/report-runs.ts';
import { fleetDatabase, NETWORKS, networkRuns } from './helpers/fleet.ts';
import { startCluster } from './helpers/pg.ts';
import { tempDir } from './helpers/tmp.ts';

const { cluster, reason } = startCluster();
afterAll(() => cluster?.stop());

/** The SQLSTATE a statement fails with as `user`, or "ok". */
async function as(url: string, sql: string, params: unknown[] = []): Promise<string> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    await c.query(sql, params);
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await c.end();
  }
}

/** Values a list, a page or a certificate could carry, meant to break out of a quoted string. */
const HOSTILE = ["'); DROP TABLE tekser_fleet.runs; --", '$$; DELETE FROM tekser_fleet.results; $$', "\\'\"; SELECT pg_sleep(10); --", 'NUL\u0000byte', '%I %L %s'];

describe.skipIf(!cluster)(`fleet roles and hostile values on a throwaway PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let admin = '';
  let probeKt = '';
  let probeBeeline = '';
  let reader = '';
  beforeAll(async () => {
    admin = await fleetDatabase(cluster!, 'fleet_sec');
    probeKt = cluster!.url('probe_kt', 'fleet_sec');
    probeBeeline = cluster!.url('probe_beeline', 'fleet_sec');
    reader = cluster!.url('coordinator', 'fleet_sec');
    const dataDir = tempDir('fleet-sec');
    writeRuns(dataDir, networkRuns(NETWORKS[1], 'b').slice(0, 2));
    const p = await connect(probeBeeline);
    try {
      for (const run of listRuns(dataDir)) await pushRun(p, run);
    } finally {
      await p.end();
    }
  });

  it('a probe role can read nothing, and update or delete nothing, of anyone', async () => {
    for (const table of ['runs', 'results', 'findings', 'target_state', 'state_changes', 'probe_networks', 'migrations']) {
      expect(await as(probeKt, `SELECT count(*) FROM tekser_fleet.${table}`), table).toBe('42501');
    }
    expect(await as(probeBeeline, 'SELECT * FROM tekser_fleet.results LIMIT 1'), 'not even its own').toBe('42501');
    expect(await as(probeKt, 'DELETE FROM tekser_fleet.runs')).toBe('42501');
    expect(await as(probeKt, "UPDATE tekser_fleet.results SET status = 'accessible'")).toBe('42501');
    expect(await as(probeKt, 'TRUNCATE tekser_fleet.results')).toBe('42501');
    expect(await as(probeKt, "INSERT INTO tekser_fleet.results (started_at, probe, run_id, network, target_key, label, kind, status, reason, verdict_detail, target, measurement) VALUES (now(), 'probe_beeline', 'x', 'Beeline', 'k', 'l', 'web', 'blocked', 'r', '{}', '{}', '{}')"), 'no direct insert').toBe('42501');
    expect(await as(probeKt, 'SELECT tekser_fleet.ensure_day(now())'), 'internal functions are not granted').toBe('42501');
  });

  it("a probe cannot add results to a run it is not pushing in this transaction (another probe's, or its own earlier one)", async () => {
    const { run_id, started_at } = await listRunsFrom(admin);
    expect(await as(probeKt, 'SELECT tekser_fleet.push_results($1, $2, $3::jsonb)', [run_id, started_at, '[]'])).toBe('42501');
    expect(await as(probeBeeline, 'SELECT tekser_fleet.push_results($1, $2, $3::jsonb)', [run_id, started_at, '[]'])).toBe('42501');
  });

  it('the probe is the role that pushed, never a value the probe sends; a role bound to a network may push only that label', async () => {
    const dataDir = tempDir('fleet-bind');
    const [mine] = networkRuns(NETWORKS[0], 'a').slice(0, 1);
    const claimed = { ...mine!, record: { ...mine!.record, probe: 'probe_beeline', network: { ...NETWORKS[1].network } } };
    writeRuns(dataDir, [claimed]);
    expect(await as(admin, "INSERT INTO tekser_fleet.probe_networks VALUES ('probe_kt', 9198, 'KZ', 'Kazakhtelecom')")).toBe('ok');
    const db = await connect(probeKt);
    try {
      await expect(pushRun(db, listRuns(dataDir)[0]!)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await db.end();
    }
    expect(await as(admin, "DELETE FROM tekser_fleet.probe_networks WHERE role = 'probe_kt'")).toBe('ok');
    const again = await connect(probeKt);
    try {
      expect((await pushRun(again, listRuns(dataDir)[0]!)).stored).toBe(true);
    } finally {
      await again.end();
    }
    const c = new pg.Client(admin);
    await c.connect();
    try {
      const rows = (await c.query('SELECT probe, network FROM tekser_fleet.runs WHERE run_id = $1', [mine!.record.id])).rows;
      expect(rows).toEqual([{ probe: 'probe_kt', network: 'Beeline' }]);
    } finally {
      await c.end();
    }
  });

  it('values from lists, pages and certificates are data: stored as sent, and no query changes', async () => {
    const dataDir = tempDir('fleet-hostile');
    const [base] = networkRuns(NETWORKS[0], 'h').slice(5, 6);
    const results = HOSTILE.map((text, i) =>
      web({
        url: `https://h${i}.lab/?q=${encodeURIComponent(text)}`,
        startedAt: base!.record.startedAt,
        http: [{ title: text, headers: { 'x-evil': text } }],
        tls: [{ ip: '203.0.113.9', port: 443, serverName: 'h.lab', failure: null, tlsVersion: 'TLSv1.3', cipherSuite: null, alpn: null, peerCertificates: [cert(`CN=${text}`, `O=${text}`)], chainTrusted: false, chainError: null, hostnameMatches: true, t0: 0, t: 0.1 }],
        verdict: { status: 'blocked', method: 'mitm', reason: text, evidence: [text], dnsConsistency: null, blockpage: { fingerprint: text, source: 'tekser', generic: false }, httpComparison: null, untrustedIssuer: text, interceptionCa: null, sniProof: null },
      }),
    );
    writeRuns(dataDir, [{ record: { ...base!.record, findings: [{ kind: 'collateral', title: HOSTILE[0]!, details: HOSTILE, targets: [] }], measured: results.length, targets: results.length }, results }]);
    const db = await connect(probeKt);
    try {
      expect((await pushRun(db, listRuns(dataDir)[0]!)).results).toBe(HOSTILE.length);
    } finally {
      await db.end();
    }
    const c = new pg.Client(reader);
    await c.connect();
    try {
      const rows = (await c.query<{ reason: string; blockpage: string; issuer: string }>('SELECT reason, blockpage, untrusted_issuer AS issuer FROM tekser_fleet.results WHERE run_id = $1 ORDER BY target_key', [base!.record.id])).rows;
      const stored = HOSTILE.map((t) => t.replace('\u0000', '\ufffd'));
      expect(rows.map((r) => r.reason)).toEqual(stored);
      expect(rows.map((r) => r.blockpage)).toEqual(stored);
      expect(rows.map((r) => r.issuer)).toEqual(stored);
      // Every table is still there and the earlier runs are untouched.
      expect(Number((await c.query('SELECT count(*) AS n FROM tekser_fleet.runs')).rows[0].n)).toBe(4);
    } finally {
      await c.end();
    }
    // The reader reads, and writes nothing.
    expect(await as(reader, 'DELETE FROM tekser_fleet.results')).toBe('42501');
    expect(await as(reader, 'SELECT tekser_fleet.push_run($1::jsonb)', ['{}'])).toBe('42501');
  });
});

async function listRunsFrom(url: string): Promise<{ run_id: string; started_at: Date }> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query<{ run_id: string; started_at: Date }>("SELECT run_id, started_at FROM tekser_fleet.runs WHERE probe = 'probe_beeline' ORDER BY started_at LIMIT 1")).rows[0]!;
  } finally {
    await c.end();
  }
}
