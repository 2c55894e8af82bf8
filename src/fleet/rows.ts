import type { RunRecord } from '../model/run.ts';

// A run record as push_run takes it. The results go as they are stored (measurements.jsonl lines):
// push_results (src/fleet/migrations/) turns each into a row, the verdict's fields people query as
// columns (status, method, reason, DNS consistency, block page, issuer, interception CA, SNI proof),
// the rest of the verdict, the target and the measurement (observations) as JSONB.

/** The run record as push_run takes it (the function reads the fields it needs by name). */
export function runDocument(record: RunRecord): Record<string, unknown> {
  return {
    id: record.id,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    status: record.status,
    tekserVersion: record.tekserVersion,
    network: record.network,
    targets: record.targets,
    measured: record.measured,
    summary: record.summary,
    settings: record.settings,
    controlCheck: record.controlCheck ?? null,
    findings: record.findings ?? [],
  };
}
