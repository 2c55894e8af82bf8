import { runControl } from '../analyze/control.ts';
import { withDefaults, type AnalysisKnowledge } from '../analyze/knowledge.ts';
import type { Finding } from '../model/finding.ts';
import { ALLOW_LIST, allowListFinding } from './allow-list.ts';
import { COLLATERAL, collateralFinding } from './collateral.ts';
import { buildFindingContext, type FindingRule } from './context.ts';
import { controlInterceptionFinding } from './control-interception.ts';
import { helperUnavailableFinding } from './helper-unavailable.ts';
import { interceptionFinding } from './interception.ts';
import { NO_CONNECTIVITY, noConnectivityFinding } from './no-connectivity.ts';
import { siteRefusalFinding } from './site-refusal.ts';
import { sniFilteringFinding } from './sni-filtering.ts';
import { toFindingRecord, type FindingSource } from './slim.ts';
import { THROTTLING, throttlingFinding } from './throttling.ts';

export type { FindingRule } from './context.ts';
export { findingRecord, findingRecordOf, toFindingRecord, isFindingRecord, type FindingSource } from './slim.ts';

/**
 * Run-level findings, applied in this order (a later one may stand down for an earlier one):
 *
 * | # | finding              | stands down when                          |
 * |---|----------------------|-------------------------------------------|
 * | 1 | control-interception | —                                         |
 * | 2 | no-connectivity      | the control is intercepted, or a target loaded |
 * | 3 | allow-list           | no-connectivity, control interception, too few canaries |
 * | 4 | collateral           | no-connectivity                           |
 * | 5 | sni-filtering        | —                                         |
 * | 6 | state-mitm / suspected-mitm | —                                  |
 * | 7 | throttling           | —                                         |
 * | 8 | helper-unavailable   | no-connectivity, allow-list (the regime explains it) |
 *
 * Each file states the evidence it requires (an exported *_EVIDENCE constant) and its blind spots.
 */
export const FINDINGS: readonly FindingRule[] = [
  controlInterceptionFinding,
  noConnectivityFinding,
  allowListFinding,
  collateralFinding,
  sniFilteringFinding,
  interceptionFinding,
  throttlingFinding,
  siteRefusalFinding,
  helperUnavailableFinding,
];

/** Thresholds, named so tests and docs can cite them. */
export const FINDING_RULES = { noConnectivity: NO_CONNECTIVITY, allowList: ALLOW_LIST, collateral: COLLATERAL, throttling: THROTTLING } as const;

/**
 * Looks across all results of a run. Pure: the same records always give the same findings. Takes
 * full results or finding records (findingRecord) alike; `knowledge` carries the run-level control
 * check, which the analysis decides (analyze/control.ts runControl).
 */
export function findFindings(results: readonly FindingSource[], knowledge: Partial<AnalysisKnowledge> = {}): Finding[] {
  const k = withDefaults(knowledge);
  const records = results.map((r) => toFindingRecord(r, k));
  const base = buildFindingContext(records, runControl(k.controlCheck, k.interceptionCas));
  const found: Finding[] = [];
  for (const rule of FINDINGS) found.push(...rule.find({ ...base, found }));
  return found;
}
