import { controlInterception } from '../analyze/control.ts';
import { BUILTIN_INTERCEPTION_CAS } from '../data/interception-cas.ts';
import type { ControlInterception, Finding, FindingInput, FindingKind } from '../model/finding.ts';
import type { DnsObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import type { InterceptionCa } from '../model/verdict.ts';

/** What the run knows beside its results. */
export interface RunEvidence {
  /** The control resolvers' own health check (run-level controlCheck): decides no-connectivity and control interception even for one target. */
  controlCheck?: readonly DnsObservation[];
  /** Known interception CAs (built in, plus --interception-cas). */
  interceptionCas?: readonly InterceptionCa[];
}

export interface FindingContext {
  records: readonly FindingInput[];
  /** The run-level control check: `ok` (a definite answer), `failed` (none), or `none` (not made). */
  controlCheck: { state: 'ok' | 'failed' | 'none'; failure: string | null };
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

export function buildFindingContext(records: readonly FindingInput[], run: RunEvidence): Omit<FindingContext, 'found'> {
  const table = run.interceptionCas ?? BUILTIN_INTERCEPTION_CAS;
  const check = run.controlCheck ?? [];
  const fromCheck = controlInterception(check, table);
  const state = check.length === 0 ? 'none' : fromCheck ? 'ok' : check.some(isDefiniteAnswer) ? 'ok' : 'failed';
  return {
    records,
    controlCheck: { state, failure: state === 'failed' ? (check.find((o) => o.failure)?.failure ?? null) : null },
    controlInterception: fromCheck ?? records.find((r) => r.control.interception)?.control.interception ?? null,
  };
}

export const hostOf = (r: FindingInput): string => r.hostname ?? r.label;

/** "0.24 MiB/s". */
export function mibps(bytesPerSecond: number): string {
  const v = bytesPerSecond / 1024 / 1024;
  return `${v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2)} MiB/s`;
}
