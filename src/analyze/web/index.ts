import type { WebMeasurement } from '../../model/measurement.ts';
import type { Verdict, VerdictFacts } from '../../model/verdict.ts';
import { webFacts } from '../facts.ts';
import { withDefaults, type AnalysisKnowledge } from '../knowledge.ts';
import { msg } from '../../i18n/index.ts';
import { buildWebContext, type WebContext, type WebRule } from './context.ts';
import { controlUnavailableRule } from './control-unavailable.ts';
import { deadlineRule } from './deadline.ts';
import { dnsRule } from './dns.ts';
import { downRule } from './down.ts';
import { httpFailureRule } from './http-failure.ts';
import { inconclusiveRule } from './inconclusive.ts';
import { nameResolutionRule } from './name-resolution.ts';
import { pageLoadedRule } from './page-loaded.ts';
import { probeFailureRule } from './probe-failure.ts';
import { tcpIpRule } from './tcp-ip.ts';
import { tlsInterceptionRule } from './tls-interception.ts';
import { tlsSniRule } from './tls-sni.ts';

export type { AnalysisKnowledge, WebContext, WebRule } from './context.ts';

/**
 * The web verdict: rules applied in this order, the first that decides wins (as OONI's
 * minipipeline documents its steps). Each rule's file states the evidence it needs.
 *
 * | #  | rule                | decides                                                                        |
 * |----|---------------------|--------------------------------------------------------------------------------|
 * | 1  | deadline            | cut short by the target deadline → inconclusive                                |
 * | 2  | dns                 | DNS inconsistent with the control / leads to a known block page → blocked dns  |
 * | 3  | page-loaded         | a page came back: accessible, or block page / unlike the control → http-diff   |
 * | 4  | probe-failure       | the failed step failed with the probe's own failure (data) → inconclusive      |
 * | 5  | control-unavailable | no control (not intercepted) → inconclusive                                    |
 * | 6  | name-resolution     | no address: gone for the control too → down; else inconclusive                 |
 * | 7  | down                | the control helper fails at the same step (no known MITM CA) → down            |
 * | 8  | tcp-ip              | all connections fail: helper connects → blocked tcp_ip; else inconclusive      |
 * | 9  | tls-interception    | bad certificate: known CA / helper valid / untrusted root → mitm; else inconcl. |
 * | 10 | tls-sni             | handshake broken: SNI proof / helper completes → blocked tls; else inconclusive |
 * | 11 | http-failure        | request failed after connecting: helper fetched → http-failure; else inconcl.   |
 * | 12 | inconclusive        | anything left → inconclusive                                                   |
 */
export const WEB_RULES: readonly WebRule[] = [
  deadlineRule,
  dnsRule,
  pageLoadedRule,
  probeFailureRule,
  controlUnavailableRule,
  nameResolutionRule,
  downRule,
  tcpIpRule,
  tlsInterceptionRule,
  tlsSniRule,
  httpFailureRule,
  inconclusiveRule,
];

function decide(ctx: WebContext): Verdict {
  for (const rule of WEB_RULES) {
    const v = rule.apply(ctx);
    if (v) return v;
  }
  // inconclusiveRule always decides; this is for the type checker.
  return ctx.verdict('inconclusive', null, msg('web.inconclusive.nothing', { control: '' }));
}

/** Pure: from one web measurement (and its control data) to a verdict with its reasons. */
export function analyzeWeb(m: WebMeasurement, knowledge: Partial<AnalysisKnowledge> = {}): Verdict {
  return decide(buildWebContext(m, withDefaults(knowledge)));
}

/** Pure: the verdict and the facts decided beside it (what the run-level findings read), from one walk. */
export function analyzeWebTarget(m: WebMeasurement, knowledge: Partial<AnalysisKnowledge> = {}): { verdict: Verdict; facts: VerdictFacts } {
  const ctx = buildWebContext(m, withDefaults(knowledge));
  const verdict = decide(ctx);
  return { verdict, facts: webFacts(m, verdict, ctx.control) };
}

/** Which rule decided (for tests and `--verbose` explanations). */
export function decidingRule(m: WebMeasurement, knowledge: Partial<AnalysisKnowledge> = {}): string {
  const ctx = buildWebContext(m, withDefaults(knowledge));
  return WEB_RULES.find((r) => r.apply(ctx) !== null)?.id ?? 'inconclusive';
}
