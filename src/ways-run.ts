import { analyzeWays } from './analyze/ways/index.ts';
import { waysOutFinding } from './findings/ways-out.ts';
import { measureWays, type WaysContext } from './measure/ways.ts';
import type { WayPlan, WaysRecord } from './model/check.ts';
import type { Finding } from './model/finding.ts';

/**
 * "What still works", as one step of a run: measure the ways (measure/ways.ts), judge each
 * (analyze/ways/), and say it in one finding (findings/ways-out.ts). It runs beside the targets; the
 * pipeline awaits it before the findings and puts its finding first.
 */
export interface WaysOutcome {
  record: WaysRecord;
  finding: Finding | null;
}

export async function runWays(plans: readonly WayPlan[], ctx: WaysContext): Promise<WaysOutcome> {
  if (plans.length === 0) return { record: { ways: [], verdicts: [] }, finding: null };
  const ways = await measureWays(plans, ctx);
  const verdicts = analyzeWays(ways);
  return { record: { ways, verdicts }, finding: waysOutFinding(verdicts) };
}

/** Re-judges stored or ingested ways with today's rules (`tekser analyze`). */
export function reanalyzeWays(ways: WaysRecord['ways']): WaysOutcome {
  const verdicts = analyzeWays(ways);
  return { record: { ways, verdicts }, finding: waysOutFinding(verdicts) };
}
