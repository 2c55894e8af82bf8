import type { Db } from './client.ts';

// The fleet's report queries, all parameterised. They read the per-probe target state and its
// changes (kept by push_results), findings and runs, never every result: a 7-day report over a big
// fleet reads a few rows per target and network (EXPLAIN in test/bench/fleet-bench.mjs).

/** The probes of one network that see a target one way: how many, and since when (the earliest of them). */
export interface StateRow {
  network: string;
  target_key: string;
  label: string;
  status: string;
  method: string | null;
  reason: string;
  since: Date;
  probes: number;
}

/** One probe's state of a target whose status changed in the span (the timeline walks its changes back). */
export interface ProbeStateRow {
  probe: string;
  network: string;
  target_key: string;
  status: string;
  since: Date;
}

export interface ChangeRow {
  at: Date;
  probe: string;
  network: string;
  target_key: string;
  label: string;
  from_status: string;
  from_method: string | null;
  to_status: string;
  to_method: string | null;
}

export interface FindingRow {
  network: string;
  kind: string;
  runs: number;
  last: Date;
  title: string;
}

export interface NetworkRow {
  network: string;
  asn: number | null;
  cc: string | null;
  probes: number;
  runs: number;
  first: Date;
  last: Date;
}

export interface FleetData {
  networks: NetworkRow[];
  states: StateRow[];
  changed: ProbeStateRow[];
  changes: ChangeRow[];
  findings: FindingRow[];
}

/** The networks that pushed runs since then, or only those named (by name, "AS9198" or "9198"). */
export const NETWORKS_SQL = `
SELECT network, max(network_asn) AS asn, max(network_cc) AS cc, count(DISTINCT probe)::int AS probes, count(*)::int AS runs, min(started_at) AS first, max(started_at) AS last
FROM tekser_fleet.runs
WHERE started_at >= $1
  AND ($2::text[] IS NULL OR network = ANY($2) OR 'AS' || network_asn = ANY($2) OR network_asn::text = ANY($2))
GROUP BY network ORDER BY network`;

/** Grouped in the database: one row per network, target and status, not one per probe. */
export const STATES_SQL = `
SELECT network, target_key, min(label) AS label, status, method, min(reason) AS reason, min(since) AS since, count(*)::int AS probes
FROM tekser_fleet.target_state
WHERE last_seen >= $1 AND network = ANY($2)
GROUP BY network, target_key, status, method`;

export const CHANGED_SQL = `
SELECT s.probe, s.network, s.target_key, s.status, s.since
FROM tekser_fleet.target_state s
WHERE (s.probe, s.target_key) IN (SELECT probe, target_key FROM tekser_fleet.state_changes WHERE at >= $1 AND network = ANY($2))`;

export const CHANGES_SQL = `
SELECT at, probe, network, target_key, label, from_status, from_method, to_status, to_method
FROM tekser_fleet.state_changes
WHERE at >= $1 AND network = ANY($2)
ORDER BY at`;

export const FINDINGS_SQL = `
SELECT network, kind, count(*)::int AS runs, max(started_at) AS last, (array_agg(title ORDER BY started_at DESC))[1] AS title
FROM tekser_fleet.findings
WHERE started_at >= $1 AND network = ANY($2)
GROUP BY network, kind ORDER BY network, kind`;

/** Everything a fleet report shows, since `since`, for the networks named (all when none). */
export async function readFleet(db: Db, since: Date, networks: readonly string[] = []): Promise<FleetData> {
  const found = (await db.query<NetworkRow>(NETWORKS_SQL, [since, networks.length ? networks : null])).rows;
  const names = found.map((n) => n.network);
  if (names.length === 0) return { networks: [], states: [], changed: [], changes: [], findings: [] };
  // One connection runs one statement at a time.
  const states = await db.query<StateRow>(STATES_SQL, [since, names]);
  const changed = await db.query<ProbeStateRow>(CHANGED_SQL, [since, names]);
  const changes = await db.query<ChangeRow>(CHANGES_SQL, [since, names]);
  const findings = await db.query<FindingRow>(FINDINGS_SQL, [since, names]);
  return { networks: found.map((n) => ({ ...n, asn: n.asn === null ? null : Number(n.asn) })), states: states.rows, changed: changed.rows, changes: changes.rows, findings: findings.rows };
}

export interface FleetRunRow {
  probe: string;
  network: string;
  run_id: string;
  started_at: Date;
  finished_at: Date | null;
  status: string;
  targets: number;
  measured: number;
  summary: { accessible: number; blocked: number; partiallyBlocked: number; down: number; inconclusive: number } | null;
  findings: string[];
}

/** The runs pushed since then, newest first (history --from). */
export async function readRuns(db: Db, since: Date, networks: readonly string[] = []): Promise<FleetRunRow[]> {
  const sql = `
SELECT r.probe, r.network, r.run_id, r.started_at, r.finished_at, r.status, r.targets, r.measured, r.summary,
  coalesce((SELECT array_agg(DISTINCT f.kind) FROM tekser_fleet.findings f WHERE f.started_at = r.started_at AND f.probe = r.probe AND f.run_id = r.run_id), '{}') AS findings
FROM tekser_fleet.runs r
WHERE r.started_at >= $1
  AND ($2::text[] IS NULL OR r.network = ANY($2) OR 'AS' || r.network_asn = ANY($2) OR r.network_asn::text = ANY($2))
ORDER BY r.started_at DESC, r.network, r.probe`;
  return (await db.query<FleetRunRow>(sql, [since, networks.length ? networks : null])).rows;
}

export interface VerdictRow {
  target_key: string;
  status: string;
  method: string | null;
}

export interface RunFindingRow {
  kind: string;
  title: string;
  details: string[];
  targets: string[];
}

/** Each probe's two newest runs since then (diff --from): the runs, their verdicts and findings. */
export async function readLastTwo(db: Db, since: Date, networks: readonly string[] = []): Promise<Array<{ run: FleetRunRow; verdicts: VerdictRow[]; findings: RunFindingRow[] }>> {
  const sql = `
SELECT * FROM (
  SELECT r.probe, r.network, r.run_id, r.started_at, r.finished_at, r.status, r.targets, r.measured, r.summary, '{}'::text[] AS findings,
    row_number() OVER (PARTITION BY r.probe ORDER BY r.started_at DESC) AS n
  FROM tekser_fleet.runs r
  WHERE r.started_at >= $1 AND ($2::text[] IS NULL OR r.network = ANY($2) OR 'AS' || r.network_asn = ANY($2) OR r.network_asn::text = ANY($2))
) x WHERE n <= 2 ORDER BY network, probe, started_at`;
  const runs = (await db.query<FleetRunRow & { n: string }>(sql, [since, networks.length ? networks : null])).rows;
  const out: Array<{ run: FleetRunRow; verdicts: VerdictRow[]; findings: RunFindingRow[] }> = [];
  for (const run of runs) {
    const key = [run.started_at, run.probe, run.run_id];
    const verdicts = await db.query<VerdictRow>('SELECT target_key, status, method FROM tekser_fleet.results WHERE started_at = $1 AND probe = $2 AND run_id = $3', key);
    const findings = await db.query<RunFindingRow>('SELECT kind, title, details, targets FROM tekser_fleet.findings WHERE started_at = $1 AND probe = $2 AND run_id = $3', key);
    out.push({ run, verdicts: verdicts.rows, findings: findings.rows });
  }
  return out;
}
