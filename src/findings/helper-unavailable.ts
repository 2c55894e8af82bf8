import { msg, render } from '../i18n/index.ts';
import type { Finding } from '../model/finding.ts';
import type { MessageParam } from '../model/message.ts';
import type { FindingRule } from './context.ts';
import { joined, NO_ANSWER, said } from './words.ts';

/** Evidence required: a control helper was asked about at least one target and none answered. */
export const HELPER_UNAVAILABLE_EVIDENCE =
  'A control helper (--control-helper) was asked about at least one target and no helper answered for it: every attempt failed. The failures are counted by reason. Not a statement about censorship: it says which verdicts went without the outside view.';

/**
 * What to do about it, by who made the measurements: tekser run (this machine's helper setup) or
 * OONI Probe (OONI's own helper, at the time: nothing to fix here). `tekser analyze` picks the second.
 */
export const HELPER_ADVICE_MESSAGES = {
  tekser: msg('finding.helper-unavailable.advice.tekser', { variable: '$TEKSER_HELPER_TOKEN' }),
  ooni: msg('finding.helper-unavailable.advice.ooni', { command: 'tekser run --control-helper' }),
} as const;
/** The same advice in English, as the finding's details carry it. */
export const HELPER_ADVICE = { tekser: render('en', HELPER_ADVICE_MESSAGES.tekser), ooni: render('en', HELPER_ADVICE_MESSAGES.ooni) } as const;

/** A helper-unavailable finding about OONI Probe's measurements: the advice for them instead of the advice for tekser run. */
export function withOoniAdvice(f: Finding): Finding {
  if (f.kind !== 'helper-unavailable') return f;
  const at = f.details.indexOf(HELPER_ADVICE.tekser);
  if (at < 0) return f;
  const details = f.details.map((d, i) => (i === at ? HELPER_ADVICE.ooni : d));
  const detailMessages = f.detailMessages?.map((m, i) => (i === at ? HELPER_ADVICE_MESSAGES.ooni : m));
  return { ...f, details, ...(detailMessages ? { detailMessages } : {}) };
}

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
    // null: the helper failed without a failure string ("no answer").
    const reasons = new Map<string | null, number>();
    for (const r of failed) reasons.set(r.helper.failure ?? null, (reasons.get(r.helper.failure ?? null) ?? 0) + 1);
    const byCount = [...reasons].sort((a, b) => b[1] - a[1]);
    const failure = (reason: string | null | undefined): MessageParam => reason ?? NO_ANSWER;
    const urls = [...new Set(failed.map((r) => r.helper.url).filter((u): u is string => Boolean(u)))];
    const top = failure(byCount[0]?.[0]);
    const title =
      failed.length === asked.length
        ? msg('finding.helper-unavailable.title.all', { failure: top })
        : msg('finding.helper-unavailable.title.some', { failed: failed.length, asked: asked.length, failure: top });
    const counts = byCount.map(([reason, n]) => msg('finding.helper-unavailable.failure-count', { failure: failure(reason), n }));
    return [
      said(
        'helper-unavailable',
        title,
        [
          msg('finding.helper-unavailable.helper', { helper: urls.length ? urls.join(', ') : msg('finding.helper-unavailable.unknown-helper') }),
          msg('finding.helper-unavailable.failures', { failures: joined('comma', counts) }),
          HELPER_ADVICE_MESSAGES.tekser,
        ],
        failed.map((r) => r.label),
      ),
    ];
  },
};
