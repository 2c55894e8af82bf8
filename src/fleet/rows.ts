import type { RunRecord, TargetResultJson } from '../model/run.ts';
import type { Verdict } from '../model/verdict.ts';

// A stored result as a row of tekser_fleet.results, and back: the verdict's fields people query
// (status, method, reason, DNS consistency, block page, issuer, interception CA, SNI proof) become
// columns; the rest of the verdict, the target and the measurement (observations) stay JSON.

export interface ResultRow {
  target_key: string;
  label: string;
  kind: 'web' | 'service';
  status: Verdict['status'];
  method: Verdict['method'];
  reason: string;
  dns_consistency: Verdict['dnsConsistency'];
  blockpage: string | null;
  untrusted_issuer: string | null;
  interception_ca: string | null;
  sni_proof: Verdict['sniProof'];
  verdict_detail: Omit<Verdict, 'status' | 'method' | 'reason' | 'dnsConsistency' | 'untrustedIssuer' | 'sniProof'>;
  target: TargetResultJson['target'];
  measurement: TargetResultJson['measurement'];
}

/** The key a target is known by across runs and probes: its URL, or service:<id>. */
export function targetKey(r: Pick<TargetResultJson, 'target'>): string {
  return r.target.kind === 'service' ? `service:${r.target.id}` : r.target.url;
}

/** How reports name a target: the URL, or the service's name and kind. */
export function targetLabel(r: Pick<TargetResultJson, 'target'>): string {
  return r.target.kind === 'service' ? `${r.target.name} (${r.target.serviceKind})` : r.target.url;
}

export function resultRow(r: TargetResultJson): ResultRow {
  const { status, method, reason, dnsConsistency, untrustedIssuer, sniProof, ...detail } = r.verdict;
  return {
    target_key: targetKey(r),
    label: targetLabel(r),
    kind: r.target.kind,
    status,
    method,
    reason,
    dns_consistency: dnsConsistency,
    blockpage: r.verdict.blockpage?.fingerprint ?? null,
    untrusted_issuer: untrustedIssuer,
    interception_ca: r.verdict.interceptionCa?.ca ?? null,
    sni_proof: sniProof,
    verdict_detail: detail,
    target: r.target,
    measurement: r.measurement,
  };
}

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
