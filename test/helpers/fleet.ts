import pg from 'pg';
import { connect } from '../../src/fleet/client.ts';
import { migrate } from '../../src/fleet/migrate.ts';
import { historyRuns, web } from '../fixtures/report-runs.ts';
import type { ReportRun } from '../../src/report/timeline.ts';
import type { Cluster } from './pg.ts';

/** The three networks of the fleet tests: Beeline and Kcell block news.lab by DNS from 14:00 on the first day; Kazakhtelecom never does. */
export const NETWORKS = [
  { role: 'probe_kt', network: { asn: 'AS9198', country: 'KZ', name: 'Kazakhtelecom' }, blocks: false },
  { role: 'probe_beeline', network: { asn: 'AS21299', country: 'KZ', name: 'Beeline' }, blocks: true },
  { role: 'probe_kcell', network: { asn: 'AS29355', country: 'KZ', name: 'Kcell' }, blocks: true },
] as const;
export const BLOCKED_FROM_HOUR = 14;

/**
 * A network's 24 hourly runs (the report fixture's history, with no shutdown): news.lab is
 * accessible, and blocked by DNS from 14:00 where the network blocks.
 */
export function networkRuns(which: (typeof NETWORKS)[number], suffix: string): ReportRun[] {
  return historyRuns().map((run, hour) => {
    const results = run.results.map((r) => {
      const startedAt = run.record.startedAt;
      if (r.target.kind !== 'web') return r;
      if (r.target.url === 'https://news.lab/' && which.blocks && hour >= BLOCKED_FROM_HOUR)
        return web({ url: r.target.url, startedAt, local: ['198.51.100.66'], control: ['203.0.113.20'], verdict: { status: 'blocked', method: 'dns', reason: 'DNS answers 198.51.100.66, the control 203.0.113.20', evidence: [], dnsConsistency: 'inconsistent', blockpage: null, httpComparison: null, untrustedIssuer: null, interceptionCa: null, sniProof: null } });
      return web({ url: r.target.url, role: r.target.role === 'canary' ? 'canary' : undefined, startedAt, verdict: { status: 'accessible', method: null, reason: 'page loaded over HTTPS with a valid certificate', evidence: [], dnsConsistency: null, blockpage: null, httpComparison: null, untrustedIssuer: null, interceptionCa: null, sniProof: null } });
    });
    const id = run.record.id.replace(/-[0-9a-f]{4}$/, `-${suffix}${hour.toString(16).padStart(2, '0')}`);
    return { record: { ...run.record, id, status: 'complete', measured: results.length, targets: results.length, findings: [], network: { ...which.network } }, results };
  });
}

/** A fresh database with the fleet schema's login roles: one per probe, one reader. */
export async function freshDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = new pg.Client(cluster.url());
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return cluster.url(cluster.superuser, name);
}

/** Login roles made members of the fleet's group roles (after `fleet init`). */
export async function loginRoles(adminUrl: string): Promise<void> {
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    for (const n of NETWORKS) await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${n.role}') THEN CREATE ROLE ${n.role} LOGIN IN ROLE tekser_probe; END IF; END $$`);
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'coordinator') THEN CREATE ROLE coordinator LOGIN IN ROLE tekser_reader; END IF; END $$`);
  } finally {
    await admin.end();
  }
}

/** A fresh database with the fleet schema migrated and the login roles made: its admin URL. */
export async function fleetDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = await freshDatabase(cluster, name);
  const db = await connect(admin);
  try {
    await migrate(db);
  } finally {
    await db.end();
  }
  await loginRoles(admin);
  return admin;
}
