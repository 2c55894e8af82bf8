/** Moved to src/findings/ (one file per finding); this path is kept for existing imports. */
export { findFindings, FINDING_RULES, FINDINGS, slimResult } from '../findings/index.ts';
export type { Finding, FindingKind } from '../model/finding.ts';
