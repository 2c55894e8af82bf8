import type { FindingRecord } from '../model/finding.ts';
import type { TargetResult } from '../model/run.ts';
import type { InterceptionCa } from '../model/verdict.ts';
import { findingRecordOf } from './slim.ts';

/**
 * Compact slim records: the findings' own slim record (findings/slim.ts) with its repeated parts
 * shared between targets — a healthy target's verdict, control and helper outcomes, its address
 * list — so 100,000 targets fit in a flat memory budget. Bounded caches: outcomes repeat.
 */

const NONE: never[] = Object.freeze([]) as never[];

/** Bounded: outcomes repeat, and a cache that only grows would defeat its purpose. */
const SHARED_LIMIT = 20_000;
const shared = new Map<string, unknown>();

/** One frozen copy of each distinct value (by its JSON form), shared by every record that has it. */
export function share<T>(value: T): T {
  const key = JSON.stringify(value);
  const hit = shared.get(key);
  if (hit !== undefined) return hit as T;
  if (shared.size > SHARED_LIMIT) shared.clear();
  const frozen = Object.freeze(value);
  shared.set(key, frozen);
  return frozen;
}

/** A fresh flat copy: never a slice of a page body or a concatenation holding its parts alive. */
const flat = (s: string): string => Buffer.from(s).toString();

export function compactRecord(rec: FindingRecord): FindingRecord {
  const v = rec.verdict;
  // A healthy verdict's reason (and its message, which names the host) is read by no finding: dropped, so it is shared.
  const { reasonMessage: _unread, ...healthy } = v;
  // url and label are the target's own strings (flat, from the list); the record adds no copy of them.
  return {
    ...rec,
    verdict: v.status === 'accessible' && !v.interceptionCa && !v.untrustedIssuer && !v.sniProof ? share({ ...healthy, reason: '' }) : { ...v, reason: flat(v.reason) },
    tcpFailed: rec.tcpFailed.length ? rec.tcpFailed : NONE,
    tcpOk: rec.tcpOk.length ? share(rec.tcpOk) : NONE,
    control: share(rec.control),
    helper: share(rec.helper),
  };
}

/** The compact finding record of a full result, its facts decided again by the analysis (for results that come without them). */
export function compactFindingRecord(r: TargetResult, interceptionCas: readonly InterceptionCa[]): FindingRecord {
  return compactRecord(findingRecordOf(r, { interceptionCas }));
}
