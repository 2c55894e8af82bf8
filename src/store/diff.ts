import type { FindingJson } from '../model/finding.ts';
import type { TargetResultJson } from '../model/run.ts';

export type ChangeKind = 'became-blocked' | 'unblocked' | 'method-changed' | 'status-changed' | 'added' | 'removed';

export interface TargetChange {
  kind: ChangeKind;
  target: string;
  from: { status: string; method: string | null } | null;
  to: { status: string; method: string | null } | null;
}

export interface RunDiff {
  changes: TargetChange[];
  findingsAppeared: FindingJson[];
  findingsVanished: FindingJson[];
}

const isBlocked = (s: string): boolean => s === 'blocked' || s === 'partially blocked';
const findingKey = (f: FindingJson): string => `${f.kind}|${[...f.targets].sort().join(',')}`;

/** Pure: what changed between two runs, target by target (by URL or service id), and in findings. */
export function diffRuns(
  older: { results: readonly TargetResultJson[]; findings: readonly FindingJson[] },
  newer: { results: readonly TargetResultJson[]; findings: readonly FindingJson[] },
): RunDiff {
  const before = new Map(older.results.map((r) => [r.target.url, r.verdict]));
  const after = new Map(newer.results.map((r) => [r.target.url, r.verdict]));
  const changes: TargetChange[] = [];
  for (const [target, to] of after) {
    const from = before.get(target);
    const now = { status: to.status, method: to.method };
    if (!from) {
      changes.push({ kind: 'added', target, from: null, to: now });
      continue;
    }
    const then = { status: from.status, method: from.method };
    if (!isBlocked(from.status) && isBlocked(to.status)) changes.push({ kind: 'became-blocked', target, from: then, to: now });
    else if (isBlocked(from.status) && !isBlocked(to.status)) changes.push({ kind: 'unblocked', target, from: then, to: now });
    else if (isBlocked(from.status) && from.method !== to.method) changes.push({ kind: 'method-changed', target, from: then, to: now });
    else if (from.status !== to.status) changes.push({ kind: 'status-changed', target, from: then, to: now });
  }
  for (const [target, from] of before) {
    if (!after.has(target)) changes.push({ kind: 'removed', target, from: { status: from.status, method: from.method }, to: null });
  }
  const oldKeys = new Set(older.findings.map(findingKey));
  const newKeys = new Set(newer.findings.map(findingKey));
  const order: ChangeKind[] = ['became-blocked', 'method-changed', 'unblocked', 'status-changed', 'added', 'removed'];
  return {
    changes: changes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.target.localeCompare(b.target)),
    findingsAppeared: newer.findings.filter((f) => !oldKeys.has(findingKey(f))),
    findingsVanished: older.findings.filter((f) => !newKeys.has(findingKey(f))),
  };
}
