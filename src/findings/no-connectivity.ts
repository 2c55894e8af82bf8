import { msg } from '../i18n/index.ts';
import type { FindingRule } from './context.ts';
import { NO_ANSWER, reasonLines, said } from './words.ts';

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
      ? msg('finding.no-connectivity.title.targets', { failed: noControl.length, count: n })
      : msg('finding.no-connectivity.title.check', { failure: ctx.controlCheck.failure ?? NO_ANSWER, count: n });
    const involved = noControl.length ? noControl : rs;
    return [said('no-connectivity', title, reasonLines(involved, 3), involved.map((r) => r.label))];
  },
};
