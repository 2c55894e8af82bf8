#!/usr/bin/env node
// Benchmark: the fleet on PostgreSQL (issue 23), on a throwaway cluster (test/helpers/pg-cluster.mjs)
// with fsync, synchronous commit and full-page writes ON (unlike the tests' cluster), synthetic data.
//
// 1. Push throughput: P probes × T targets × H hourly runs, written as stored runs (run.json,
//    measurements.jsonl) and pushed with the real path (file → zod check → batches → push functions),
//    C probes at once. Prints results/s and the bytes a result takes on disk.
// 2. The 7-day fleet report at full scale: the tables a report reads (runs, findings, target_state,
//    state_changes) filled by SQL for S probes × T targets × 24 runs × D days, then `report --from`'s
//    queries, the view and the page timed (median of 3), with EXPLAIN (ANALYZE, BUFFERS) of each query.
//
//   npm run build && node test/bench/fleet-bench.mjs [--probes 4] [--targets 2000] [--hours 6]
//     [--concurrency 4] [--state-probes 200] [--days 7] [--networks 20]
//
// Figures to report, not assertions. Leaves nothing behind (the cluster is stopped and removed).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startCluster } from '../helpers/pg-cluster.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const P = arg('probes', 4);
const T = arg('targets', 2000);
const H = arg('hours', 6);
const C = arg('concurrency', 4);
const S = arg('state-probes', 200);
const D = arg('days', 7);
const N = arg('networks', 20);

const { connect } = await import('../../dist/fleet/client.js');
const { migrate } = await import('../../dist/fleet/migrate.js');
const { pushRun } = await import('../../dist/fleet/push.js');
const { listRuns } = await import('../../dist/store/runs.js');
const { readFleet, NETWORKS_SQL, STATES_SQL, CHANGES_SQL, FINDINGS_SQL } = await import('../../dist/fleet/read.js');
const { buildFleetView } = await import('../../dist/fleet/view.js');
const { renderFleetHtml } = await import('../../dist/fleet/html.js');

const DAY0 = Date.parse('2026-11-20T00:00:00Z');
const iso = (ms) => new Date(ms).toISOString();

/** One stored result, as `tekser run` writes it (the model's shape; ~1.2 KB). */
function result(i, status, startedAt) {
  const host = `site${i}.example`;
  const ip = `203.0.113.${i % 250}`;
  const dns = (engine, resolver) => ({ engine, resolver, hostname: host, queryType: engine === 'getaddrinfo' ? 'ANY' : 'A', answers: [{ type: 'A', value: ip, ttl: 300 }], rcode: 'NOERROR', failure: null, t0: 0, t: 0.02 });
  const blocked = status === 'blocked';
  return {
    schema: 'tekser/run/v1',
    target: { kind: 'web', url: `https://${host}/`, category: 'NEWS', source: 'bench.csv' },
    verdict: { status, method: blocked ? 'dns' : null, reason: blocked ? `DNS answers 198.51.100.66, the control ${ip}` : 'page loaded over HTTPS with a valid certificate', evidence: [], dnsConsistency: blocked ? 'inconsistent' : null, blockpage: null, httpComparison: null, untrustedIssuer: null, interceptionCa: null, sniProof: null },
    measurement: {
      startedAt, runtime: 0.4, hostname: host, port: 443, localResolver: 'system',
      dns: { local: [dns('getaddrinfo', '')], control: [dns('doh', 'https://1.1.1.1/dns-query')] },
      addresses: [{ ip, sources: ['local', 'control'], skipped: null }],
      tcp: [{ ip, port: 443, failure: null, t0: 0.02, t: 0.04 }],
      tls: [], http: [], redirectDns: [], helper: null, controlRecheck: [], sniProbes: [], deadlineExceeded: false,
    },
  };
}

/** Probe p's run at hour h: every 50th target blocked on odd networks from hour 3. */
function writeRun(dataDir, p, h) {
  const startedAt = iso(DAY0 + h * 3_600_000);
  const id = `${startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${(p * 100 + h).toString(16).padStart(4, '0')}`;
  const dir = join(dataDir, 'runs', id);
  mkdirSync(dir, { recursive: true });
  const lines = [];
  let blocked = 0;
  for (let i = 0; i < T; i++) {
    const b = i % 50 === 0 && p % 2 === 1 && h >= 3;
    blocked += b ? 1 : 0;
    lines.push(JSON.stringify(result(i, b ? 'blocked' : 'accessible', startedAt)));
  }
  writeFileSync(join(dir, 'measurements.jsonl'), `${lines.join('\n')}\n`);
  const summary = { total: T, accessible: T - blocked, blocked, partiallyBlocked: 0, down: 0, inconclusive: 0 };
  const record = { schema: 'tekser/run-record/v1', id, status: 'complete', startedAt, finishedAt: iso(DAY0 + h * 3_600_000 + 600_000), tekserVersion: 'bench', pid: 1, lists: [], settings: {}, network: { asn: `AS${64500 + (p % N)}`, country: 'KZ', name: `Net${p % N}` }, targets: T, measured: T, summary, findings: [] };
  writeFileSync(join(dir, 'run.json'), JSON.stringify(record));
}

async function pushPhase(admin, cluster) {
  const base = mkdtempSync(join(tmpdir(), 'tekser-fleet-bench-'));
  try {
    for (let p = 0; p < P; p++) for (let h = 0; h < H; h++) writeRun(join(base, `p${p}`), p, h);
    let next = 0;
    let pushed = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < P) {
        const p = next++;
        const db = await connect(cluster.url(`bench_p${p}`, 'fleet_bench'));
        try {
          for (const run of listRuns(join(base, `p${p}`)).reverse()) {
            const done = await pushRun(db, run);
            pushed += done.results;
          }
        } finally {
          await db.end();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(C, P) }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const size = (await admin.query("SELECT sum(pg_total_relation_size(c.oid))::bigint AS b FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid WHERE i.inhparent = 'tekser_fleet.results'::regclass")).rows[0].b;
    return { pushed, seconds, perSecond: Math.round(pushed / seconds), bytesPerResult: Math.round(Number(size) / pushed) };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** The tables the report reads, at full scale, by SQL (as push_results would have left them). */
async function fillState(admin) {
  const t0 = performance.now();
  const end = DAY0 + D * 86_400_000;
  for (let d = 0; d < D; d++) await admin.query('SELECT tekser_fleet.ensure_day($1)', [iso(DAY0 + d * 86_400_000)]);
  await admin.query(
    `INSERT INTO tekser_fleet.runs (started_at, probe, run_id, finished_at, status, tekser_version, network, network_asn, network_cc, network_name, targets, measured, summary)
     SELECT $1::timestamptz + h * interval '1 hour', 's' || p, 'r' || p || '-' || h, $1::timestamptz + h * interval '1 hour' + interval '10 minutes', 'complete', 'bench',
            'Net' || (p % $4), 64500 + p % $4, 'KZ', 'Net' || (p % $4), $3, $3, '{"total":0,"accessible":0,"blocked":0,"partiallyBlocked":0,"down":0,"inconclusive":0}'
     FROM generate_series(0, $2 - 1) p, generate_series(0, 24 * $5 - 1) h`,
    [iso(DAY0), S, T, N, D],
  );
  await admin.query(
    `INSERT INTO tekser_fleet.findings (started_at, probe, run_id, network, kind, title, details, targets)
     SELECT $1::timestamptz + h * interval '1 hour', 's' || p, 'r' || p || '-' || h, 'Net' || (p % $3), 'collateral', 'IP 203.0.113.7 unreachable: 3 tested sites share it', '[]', '[]'
     FROM generate_series(0, $2 - 1) p, generate_series(0, 24 * $4 - 1, 6) h WHERE p % 3 = 0`,
    [iso(DAY0), S, N, D],
  );
  // Every 50th target blocked on odd networks since day 2 (one change each); every 10th flapping daily.
  await admin.query(
    `INSERT INTO tekser_fleet.state_changes (at, probe, network, target_key, label, from_status, from_method, to_status, to_method, run_id)
     SELECT $1::timestamptz + d * interval '1 day' + interval '14 hours', 's' || p, 'Net' || (p % $4), 'https://site' || i || '.example/', 'https://site' || i || '.example/',
            CASE WHEN d % 2 = 0 THEN 'accessible' ELSE 'blocked' END, NULL, CASE WHEN d % 2 = 0 THEN 'blocked' ELSE 'accessible' END, NULL, 'r'
     FROM generate_series(0, $2 - 1) p, generate_series(0, $3 - 1, 10) i, generate_series(0, $5 - 1) d WHERE i % 50 <> 0 AND p % 7 = 1`,
    [iso(DAY0), S, T, N, D],
  );
  await admin.query(
    `INSERT INTO tekser_fleet.target_state (probe, target_key, network, label, status, method, reason, since, last_seen, run_id)
     SELECT 's' || p, 'https://site' || i || '.example/', 'Net' || (p % $4), 'https://site' || i || '.example/',
            CASE WHEN i % 50 = 0 AND (p % $4) % 2 = 1 THEN 'blocked' ELSE 'accessible' END, NULL, 'synthetic', $1::timestamptz + interval '2 days', $5::timestamptz, 'r'
     FROM generate_series(0, $2 - 1) p, generate_series(0, $3 - 1) i`,
    [iso(DAY0), S, T, N, iso(end - 3_600_000)],
  );
  await admin.query('ANALYZE');
  const counts = (await admin.query("SELECT (SELECT count(*) FROM tekser_fleet.runs) AS runs, (SELECT count(*) FROM tekser_fleet.target_state) AS states, (SELECT count(*) FROM tekser_fleet.state_changes) AS changes, (SELECT count(*) FROM tekser_fleet.findings) AS findings")).rows[0];
  return { seconds: (performance.now() - t0) / 1000, counts };
}

async function reportPhase(cluster) {
  const db = await connect(cluster.url('bench_reader', 'fleet_bench'));
  const now = new Date(DAY0 + D * 86_400_000);
  const since = new Date(now.getTime() - 7 * 86_400_000);
  try {
    const times = [];
    let last;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const data = await readFleet(db, since, []);
      const t1 = performance.now();
      const view = buildFleetView(data, since, now);
      const t2 = performance.now();
      const html = renderFleetHtml(view);
      const t3 = performance.now();
      times.push({ query: t1 - t0, view: t2 - t1, page: t3 - t2, total: t3 - t0 });
      last = { states: data.states.length, changes: data.changes.length, targets: view.targets.length, divergent: view.targets.filter((t) => t.divergent).length, htmlMiB: Buffer.byteLength(html) / 2 ** 20 };
    }
    times.sort((a, b) => a.total - b.total);
    const names = (await db.query(NETWORKS_SQL, [since, null])).rows.map((r) => r.network);
    const plans = {};
    for (const [name, sql, params] of [['networks', NETWORKS_SQL, [since, null]], ['states', STATES_SQL, [since, names]], ['changes', CHANGES_SQL, [since, names]], ['findings', FINDINGS_SQL, [since, names]]]) {
      plans[name] = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
    }
    return { median: times[1], ...last, plans };
  } finally {
    await db.end();
  }
}

const { cluster, reason } = startCluster({ extra: ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on', 'shared_buffers=1GB', 'max_wal_size=8GB', 'work_mem=64MB'] });
if (!cluster) {
  console.error(`fleet-bench: ${reason}`);
  process.exit(2);
}
try {
  const root = new pg.Client(cluster.url());
  await root.connect();
  await root.query('CREATE DATABASE fleet_bench');
  await root.end();
  const admin = await connect(cluster.url(cluster.superuser, 'fleet_bench'));
  await migrate(admin);
  for (let p = 0; p < P; p++) await admin.query(`CREATE ROLE bench_p${p} LOGIN IN ROLE tekser_probe`);
  await admin.query('CREATE ROLE bench_reader LOGIN IN ROLE tekser_reader');
  console.log(`push: ${P} probes × ${T} targets × ${H} hourly runs = ${P * T * H} results, ${Math.min(C, P)} probes at once, fsync on`);
  const push = await pushPhase(admin, cluster);
  console.log(`  ${push.pushed} results in ${push.seconds.toFixed(1)} s: ${push.perSecond} results/s; ${push.bytesPerResult} bytes per result on disk (table, TOAST, indexes)`);
  console.log(`state at full scale: ${S} probes × ${T} targets, ${D} days of runs (${N} networks)`);
  const filled = await fillState(admin);
  console.log(`  filled in ${filled.seconds.toFixed(1)} s: ${JSON.stringify(filled.counts)}`);
  await admin.end();
  const report = await reportPhase(cluster);
  const m = report.median;
  console.log(`7-day fleet report (median of 3): ${m.total.toFixed(0)} ms = queries ${m.query.toFixed(0)} + view ${m.view.toFixed(0)} + page ${m.page.toFixed(0)}; ${report.states} states, ${report.changes} changes, ${report.targets} targets (${report.divergent} divergent), page ${report.htmlMiB.toFixed(1)} MiB`);
  for (const [name, plan] of Object.entries(report.plans)) console.log(`\nEXPLAIN ${name}:\n${plan}`);
} finally {
  cluster.stop();
}
