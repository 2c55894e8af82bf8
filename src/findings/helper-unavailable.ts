import type { FindingRule } from './context.ts';

/** Evidence required: a control helper was asked about at least one target and none answered. */
export const HELPER_UNAVAILABLE_EVIDENCE =
  'A control helper (--control-helper) was asked about at least one target and no helper answered for it: every attempt failed. The failures are counted by reason. Not a statement about censorship: it says which verdicts went without the outside view.';

/**
 * What to do about it, by who made the measurements: tekser run (this machine's helper setup) or
 * OONI Probe (OONI's own helper, at the time: nothing to fix here). `tekser analyze` picks the second.
 */
export const HELPER_ADVICE = {
  tekser:
    'without the helper a site that fails here stays "inconclusive" unless other evidence (DNS, SNI, a block page, a chain) proves the path; check that the helper runs, is reachable from this network and that $TEKSER_HELPER_TOKEN matches its token',
  ooni: "without the helper a site that failed stays \"inconclusive\" unless other evidence (DNS, SNI, a block page, a chain) proves the path; OONI Probe made these measurements with OONI's own test helper, so there is nothing to fix on this machine: a newer measurement, or tekser run --control-helper, gives the outside view",
} as const;

/**
 * 8. The control helper did not answer. Without this line a broken helper shows only in per-target
 * reasons, and a run reads as "inconclusive" with no hint that the setup, not the network, is why.
 * Stands down for no-connectivity and an allow-list regime: they already explain why nothing outside
 * answers, the helper included, and "check the helper" would be the wrong advice.
 */
export const helperUnavailableFinding: FindingRule = {
  kind: 'helper-unavailable',
  evidence: HELPER_UNAVAILABLE_EVIDENCE,
  blindSpots:
    'Cannot tell a helper that is down from one that this network blocks, rate-limits or that refuses the token; the failure strings are all there is. Targets for which the helper was never asked are not counted.',
  find: (ctx) => {
    if (ctx.found.some((f) => f.kind === 'no-connectivity' || f.kind === 'allow-list')) return [];
    const asked = ctx.records.filter((r) => r.helper.status !== 'none');
    const failed = asked.filter((r) => r.helper.status === 'failed');
    if (!failed.length) return [];
    const reasons = new Map<string, number>();
    for (const r of failed) reasons.set(r.helper.failure ?? 'no answer', (reasons.get(r.helper.failure ?? 'no answer') ?? 0) + 1);
    const byCount = [...reasons].sort((a, b) => b[1] - a[1]);
    const urls = [...new Set(failed.map((r) => r.helper.url).filter((u): u is string => Boolean(u)))];
    const all = failed.length === asked.length;
    return [
      {
        kind: 'helper-unavailable',
        title: `The control helper did not answer for ${all ? 'any' : `${failed.length} of ${asked.length}`} of the targets it was asked about (${byCount[0]?.[0]}): their verdicts had no outside view`,
        details: [
          `helper: ${urls.join(', ') || 'unknown'}`,
          `failures: ${byCount.map(([reason, n]) => `${reason} × ${n}`).join(', ')}`,
          HELPER_ADVICE.tekser,
        ],
        targets: failed.map((r) => r.label),
      },
    ];
  },
};
