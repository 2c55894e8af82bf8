import type { FindingRule } from './context.ts';

export const NO_CONNECTIVITY = {
  /** Without a run-level control check: at least this share of targets could not reach the control. */
  shutdownShare: 0.9,
} as const;

/** Evidence required: the control itself unreachable (the run's control check, or nearly every target's control lookups), no target loaded, and the control not intercepted. */
export const NO_CONNECTIVITY_EVIDENCE =
  "The control itself failed: the run's control check got no definite answer from any control resolver (or, without that check, at least 90% of targets could not reach the control and nothing else stood in for it), no target loaded or even accepted a TCP connection, and the control was not intercepted (that is control-interception). Works with one target.";

/** 2. No connectivity: decided from the control, so one target is enough. */
export const noConnectivityFinding: FindingRule = {
  kind: 'no-connectivity',
  evidence: NO_CONNECTIVITY_EVIDENCE,
  blindSpots:
    'A network that still reaches the control resolver but nothing else (a whitelist that allows it) is not a shutdown here (see allow-list); a local firewall on this machine looks the same as a national shutdown.',
  find: (ctx) => {
    if (ctx.controlInterception) return [];
    const rs = ctx.records;
    if (rs.some((r) => r.verdict.status === 'accessible')) return [];
    // A target that accepted a TCP connection proves the network carries traffic: the control is unreachable, not the internet.
    if (rs.some((r) => r.tcpOk.length > 0)) return [];
    // A control that answers but misbehaves is reachable: its transport worked, so it says nothing of a shutdown.
    const noControl = rs.filter((r) => r.control.failed && !r.control.misbehaving);
    const byCheck = ctx.controlCheck.state === 'failed' && !ctx.controlCheck.misbehaving;
    const byTargets = ctx.controlCheck.state === 'none' && rs.length >= 1 && noControl.length >= NO_CONNECTIVITY.shutdownShare * rs.length;
    if (!byCheck && !byTargets) return [];
    const n = rs.length;
    const title = byTargets
      ? `No connectivity: ${noControl.length} of ${n} targets could not even reach the control resolver. This looks like a shutdown (or this machine is offline), not ${n} blocked site(s).`
      : `No connectivity: the control resolver cannot be reached (${ctx.controlCheck.failure ?? 'no answer'}) and none of ${n} target(s) loaded. This looks like a shutdown (or this machine is offline), not ${n} blocked site(s).`;
    return [
      {
        kind: 'no-connectivity',
        title,
        details: [...new Set((noControl.length ? noControl : rs).map((r) => r.verdict.reason))].slice(0, 3),
        targets: (noControl.length ? noControl : rs).map((r) => r.label),
      },
    ];
  },
};
