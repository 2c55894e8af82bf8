import type { FindingJson } from '../model/finding.ts';
import type { Message } from '../model/message.ts';
import type { TargetResultJson } from '../model/run.ts';

export type ChangeKind = 'became-blocked' | 'unblocked' | 'method-changed' | 'status-changed' | 'added' | 'removed';

export interface TargetChange {
  kind: ChangeKind;
  target: string;
  from: { status: string; method: string | null } | null;
  to: { status: string; method: string | null } | null;
}

/** A finding both runs made (same kind and subject) about other targets: how many before and now. */
export interface FindingChange {
  kind: FindingJson['kind'];
  /** What the finding is about beyond its kind: the shared address (collateral), the CA (state-mitm), else empty. */
  subject: string;
  /** The newer run's title. */
  title: string;
  /** The newer run's title as a catalogue message, when it has one. */
  titleMessage?: Message;
  from: number;
  to: number;
}

export interface RunDiff {
  /** Set when a run stopped early: only the targets both runs measured were compared (how many). */
  comparedOn: number | null;
  changes: TargetChange[];
  findingsAppeared: FindingJson[];
  findingsVanished: FindingJson[];
  /** Findings both runs made whose targets changed (a count that went from 1 to 106 is not "went and came back"). */
  findingsChanged: FindingChange[];
}

const isBlocked = (s: string): boolean => s === 'blocked' || s === 'partially blocked';

/**
 * What a finding is about, beside its kind: a run makes one collateral finding per unreachable
 * address and one state-mitm finding per CA, one of every other kind. Read from the title the rule wrote.
 */
export function findingSubject(f: FindingJson): string {
  if (f.kind === 'collateral') return /^(?:IP )?(\S+) unreachable/.exec(f.title)?.[1] ?? '';
  if (f.kind === 'state-mitm') return /"([^"]+)"/.exec(f.title)?.[1] ?? '';
  return '';
}
const findingKey = (f: FindingJson): string => `${f.kind}|${findingSubject(f)}`;
const sameTargets = (a: FindingJson, b: FindingJson): boolean => [...a.targets].sort().join('\n') === [...b.targets].sort().join('\n');

/** Findings matched by kind and subject: those only the newer run made, only the older, and those whose targets changed. */
function diffFindings(older: readonly FindingJson[], newer: readonly FindingJson[]): Pick<RunDiff, 'findingsAppeared' | 'findingsVanished' | 'findingsChanged'> {
  const oldByKey = new Map(older.map((f) => [findingKey(f), f]));
  const newKeys = new Set(newer.map(findingKey));
  const findingsChanged: FindingChange[] = [];
  for (const f of newer) {
    const was = oldByKey.get(findingKey(f));
    if (was && !sameTargets(was, f)) {
      findingsChanged.push({ kind: f.kind, subject: findingSubject(f), title: f.title, ...(f.titleMessage ? { titleMessage: f.titleMessage } : {}), from: was.targets.length, to: f.targets.length });
    }
  }
  return {
    findingsAppeared: newer.filter((f) => !oldByKey.has(findingKey(f))),
    findingsVanished: older.filter((f) => !newKeys.has(findingKey(f))),
    findingsChanged,
  };
}

/** Run statuses that mean the run stopped before measuring everything it meant to. */
export const PARTIAL_STATUSES: readonly string[] = ['interrupted', 'deadline', 'running'];

/**
 * Pure: what changed between two runs, target by target (by URL or service id), and in findings.
 * When either run is partial (killed, out of time), a target one of them never reached is not news:
 * only the targets both measured are compared, and nothing is "added" or "removed".
 */
export function diffRuns(
  older: { results: readonly TargetResultJson[]; findings: readonly FindingJson[]; partial?: boolean },
  newer: { results: readonly TargetResultJson[]; findings: readonly FindingJson[]; partial?: boolean },
): RunDiff {
  let before = new Map(older.results.map((r) => [r.target.url, r.verdict]));
  let after = new Map(newer.results.map((r) => [r.target.url, r.verdict]));
  const partial = Boolean(older.partial || newer.partial);
  // Targets only one run measured: a finding about them says nothing about a change.
  const oneSided = new Set<string>();
  if (partial) {
    for (const t of before.keys()) if (!after.has(t)) oneSided.add(t);
    for (const t of after.keys()) if (!before.has(t)) oneSided.add(t);
    before = new Map([...before].filter(([t]) => after.has(t)));
    after = new Map([...after].filter(([t]) => before.has(t)));
  }
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
  const comparable = (f: FindingJson): boolean => !f.targets.some((t) => oneSided.has(t));
  const order: ChangeKind[] = ['became-blocked', 'method-changed', 'unblocked', 'status-changed', 'added', 'removed'];
  return {
    comparedOn: partial ? after.size : null,
    changes: changes.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.target.localeCompare(b.target)),
    ...diffFindings(older.findings.filter(comparable), newer.findings.filter(comparable)),
  };
}
