import { verdictFacts } from '../analyze/facts.ts';
import { DEFAULT_KNOWLEDGE, type AnalysisKnowledge } from '../analyze/knowledge.ts';
import type { FindingRecord } from '../model/finding.ts';
import type { TargetResult } from '../model/run.ts';
import type { Target } from '../model/target.ts';
import { targetLabel } from '../model/values.ts';
import type { Verdict, VerdictFacts } from '../model/verdict.ts';

/**
 * Pure: the finding record of one target (src/model/finding.ts), from what the analysis returned: the
 * verdict and the facts decided beside it (analyzeWebTarget / analyzeServiceTarget). A streaming
 * pipeline keeps only these (a few hundred bytes each); nothing here reads an observation.
 */
export function findingRecord(target: Target, verdict: Verdict, facts: VerdictFacts): FindingRecord {
  const v = verdict;
  const { hostname, ...decided } = facts;
  return {
    label: targetLabel(target),
    url: target.url,
    kind: target.kind,
    role: target.kind === 'web' ? (target.role ?? 'target') : 'target',
    hostname,
    verdict: {
      status: v.status,
      method: v.method,
      reason: v.reason,
      ...(v.reasonMessage ? { reasonMessage: v.reasonMessage } : {}),
      interceptionCa: v.interceptionCa,
      untrustedIssuer: v.untrustedIssuer,
      sniProof: v.sniProof,
    },
    ...decided,
  };
}

/** The finding record of an analysed result that came without its facts: the analysis decides them (analyze/facts.ts). */
export function findingRecordOf(r: TargetResult, knowledge: Pick<AnalysisKnowledge, 'interceptionCas'> = DEFAULT_KNOWLEDGE): FindingRecord {
  return findingRecord(r.target, r.verdict, verdictFacts(r, knowledge));
}

/** What findFindings receives: full results or finding records alike. */
export type FindingSource = TargetResult | FindingRecord;

export function isFindingRecord(r: FindingSource): r is FindingRecord {
  return !('measurement' in r);
}

export function toFindingRecord(r: FindingSource, knowledge: Pick<AnalysisKnowledge, 'interceptionCas'> = DEFAULT_KNOWLEDGE): FindingRecord {
  return isFindingRecord(r) ? r : findingRecordOf(r, knowledge);
}
