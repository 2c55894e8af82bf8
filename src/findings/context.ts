import type { AnalysisKnowledge } from '../analyze/knowledge.ts';
import type { Finding, FindingKind, FindingRecord } from '../model/finding.ts';
import type { ControlInterception, RunControl } from '../model/verdict.ts';

export type { AnalysisKnowledge };

export interface FindingContext {
  records: readonly FindingRecord[];
  /** The run-level control check: `ok` (a definite answer), `failed` (none), or `none` (not made). */
  controlCheck: Pick<RunControl, 'state' | 'failure' | 'misbehaving'>;
  /** The control's TLS intercepted, from the run-level check or any target's control lookups. */
  controlInterception: ControlInterception | null;
  /** Findings already made by earlier rules (a later rule may stand down for them). */
  found: readonly Finding[];
}

/** One run-level finding: the evidence it requires and its known blind spots, in words (docs print them). */
export interface FindingRule {
  kind: FindingKind;
  evidence: string;
  blindSpots: string;
  find: (ctx: FindingContext) => Finding[];
}

/** What every finding rule reads: the records and the run's control check, as the analysis decided them. */
export function buildFindingContext(records: readonly FindingRecord[], run: RunControl): Omit<FindingContext, 'found'> {
  return {
    records,
    controlCheck: { state: run.state, failure: run.failure, ...(run.misbehaving ? { misbehaving: run.misbehaving } : {}) },
    controlInterception: run.interception ?? records.find((r) => r.control.interception)?.control.interception ?? null,
  };
}

export const hostOf = (r: FindingRecord): string => r.hostname ?? r.label;

/** "0.24 MiB/s". */
export function mibps(bytesPerSecond: number): string {
  const v = bytesPerSecond / 1024 / 1024;
  return `${v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2)} MiB/s`;
}
