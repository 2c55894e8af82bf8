import { msg } from '../i18n/index.ts';
import type { FindingRule } from './context.ts';
import { said } from './words.ts';

export const ALLOW_LIST = {
  /** At least this many canaries measured. */
  minCanaries: 2,
  /** At most this share of the (non-canary) targets work, and at least one does. */
  maxWorkingShare: 0.5,
  /** At least this share of the failing targets fail the un-targeted way (no connection at all). */
  minUntargetedShare: 0.5,
} as const;

/** Evidence required: the shipped neutral canaries all fail, un-targeted (no route, timeouts, refusals), while a few targets work, most failing targets fail the same un-targeted way, and the control is not intercepted. */
export const ALLOW_LIST_EVIDENCE =
  'Default deny: at least 2 neutral canaries (test-lists/canaries.csv, or --canaries FILE) were measured and every one fails the un-targeted way (no connection at all: no route, timeouts, refusals, no DNS answer), at least one target works, at most half of the targets work, and at least half of the failing targets fail that same un-targeted way. Targeted methods (DNS injection, SNI resets, block pages, interception) are censorship of chosen names, not an allow-list.';

/** 3. Allow-list regime (8 January 2022: only a few domestic sites reachable): named only on canary evidence. */
export const allowListFinding: FindingRule = {
  kind: 'allow-list',
  evidence: ALLOW_LIST_EVIDENCE,
  blindSpots:
    'Without canaries in the run (a custom list run without --canaries) it is never named; an allow-list that admits the canaries (or a canary that is itself blocked by name) hides it; an outage of the international links looks the same as an allow-list from one vantage point.',
  find: (ctx) => {
    if (ctx.controlInterception || ctx.found.some((f) => f.kind === 'no-connectivity')) return [];
    const canaries = ctx.records.filter((r) => r.role === 'canary');
    const targets = ctx.records.filter((r) => r.role !== 'canary');
    if (canaries.length < ALLOW_LIST.minCanaries || !canaries.every((c) => c.failureKind === 'untargeted')) return [];
    const working = targets.filter((r) => r.verdict.status === 'accessible');
    const failing = targets.filter((r) => r.failureKind === 'untargeted' || r.failureKind === 'targeted');
    const untargeted = failing.filter((r) => r.failureKind === 'untargeted');
    if (working.length === 0 || working.length > ALLOW_LIST.maxWorkingShare * targets.length) return [];
    if (failing.length === 0 || untargeted.length < ALLOW_LIST.minUntargetedShare * failing.length) return [];
    const failures = [...new Set([...canaries, ...untargeted].flatMap((r) => r.tcpFailed.map((t) => t.failure)))].slice(0, 4);
    const title = msg('finding.allow-list.title', {
      canaries: canaries.length,
      how: failures.length ? failures.join(', ') : msg('finding.allow-list.no-connection'),
      untargeted: untargeted.length,
      total: targets.length,
      working: working.length,
      sites: working.map((r) => r.label).join(', '),
    });
    const details = [
      msg('finding.allow-list.canaries', { sites: canaries.map((c) => c.label).join(', ') }),
      msg('finding.allow-list.targeted', { count: failing.length - untargeted.length }),
    ];
    return [said('allow-list', title, details, working.map((r) => r.label))];
  },
};
