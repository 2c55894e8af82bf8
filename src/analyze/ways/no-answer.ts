import { FAILURES } from '../../model/failure.ts';
import { notTried, portName, verdict, type WayRule } from './context.ts';

/**
 * 6. No probe got an answer: unreachable from here, the cause not proven (a filter, or a server that
 * is down or gone; a single endpoint cannot tell them apart). Something that came back but was not
 * the protocol's answer (a block page, another service on the port) is inconclusive instead.
 */
export const noAnswerRule: WayRule = {
  id: 'no-answer',
  description: 'No probe answered (timeouts, resets, refusals): unreachable from here, blocked or down not proven; only wrong answers → inconclusive.',
  apply: (way) => {
    const tried = way.probes.filter((p) => !notTried(p));
    if (tried.length === 0) return null;
    if (tried.every((p) => p.failure === FAILURES.unexpectedAnswer)) return verdict(way, 'no-answer', 'inconclusive', `${way.title}: something answered, but not ${way.title} (${tried[0]?.detail ?? 'an unexpected answer'})`);
    const failures = [...new Set(tried.map((p) => p.failure))].join(', ');
    if (way.kind === 'port') return verdict(way, 'no-answer', 'unreachable', `${portName(tried[0]!)} does not reach outside (${failures})`);
    return verdict(way, 'no-answer', 'unreachable', `${way.title}: no answer from here (${failures})`);
  },
};
