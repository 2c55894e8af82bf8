import type { WayMeasurement } from '../../model/check.ts';
import { answeredRule } from './answered.ts';
import { msg } from '../../i18n/index.ts';
import { NO_RUN_CONTEXT, verdict, wayTitle, waysRunContext, type JudgedWay, type WayRule, type WaysRunContext } from './context.ts';
import { echPairRule } from './ech-pair.ts';
import { noAnswerRule } from './no-answer.ts';
import { notTriedRule } from './not-tried.ts';
import { signaturePairRule } from './signature-pair.ts';
import { sniFrontRule } from './sni-front.ts';
import { transparentProxyRule } from './transparent-proxy.ts';

export type { JudgedWay, WayRule } from './context.ts';

/**
 * The verdict on one way out: rules in this order, the first that decides wins. Pairs come first,
 * because a pair can prove what a single probe cannot (blocked, and how).
 *
 * | # | rule           | decides                                                                         |
 * |---|----------------|---------------------------------------------------------------------------------|
 * | 1 | not-tried      | nothing dialled (private address refused, interrupted) → inconclusive           |
 * | 2 | signature-pair | shaped lost, random twin echoed → blocked by signature; both → works             |
 * | 3 | ech-pair       | ECH ClientHello lost, the one without answered → blocked; both → works           |
 * | 4 | sni-front      | the way's name fails where another name completes, same address → blocked by SNI |
 * | 5 | transparent-proxy | the network answers connections itself: ways whose only answers are TCP connects → inconclusive |
 * | 6 | answered       | any probe got its protocol's answer → works                                      |
 * | 7 | no-answer      | no answer → unreachable (blocked or down, not proven); only wrong answers → inconclusive |
 */
export const WAY_RULES: readonly WayRule[] = [notTriedRule, signaturePairRule, echPairRule, sniFrontRule, transparentProxyRule, answeredRule, noAnswerRule];

/** Pure: one measured way to its verdict (`run`: what the run's other ways showed, see waysRunContext). */
export function analyzeWay(way: WayMeasurement, run: WaysRunContext = NO_RUN_CONTEXT): JudgedWay {
  for (const rule of WAY_RULES) {
    const v = rule.apply(way, run);
    if (v) return v;
  }
  return verdict(way, 'none', 'inconclusive', msg('ways.no-probe', { title: wayTitle(way) }));
}

export function analyzeWays(ways: readonly WayMeasurement[]): JudgedWay[] {
  const run = waysRunContext(ways);
  return ways.map((w) => analyzeWay(w, run));
}
