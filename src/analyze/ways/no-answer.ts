import { FAILURES } from '../../model/failure.ts';
import { msg } from '../../i18n/index.ts';
import { detailWords, notTried, portName, verdict, wayTitle, type WayRule } from './context.ts';

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
    const title = wayTitle(way);
    if (tried.every((p) => p.failure === FAILURES.unexpectedAnswer)) return verdict(way, 'no-answer', 'inconclusive', msg('ways.wrong-answer', { title, detail: detailWords(tried[0]?.detail, msg('ways.detail.unexpected')) }));
    const failures = [...new Set(tried.map((p) => p.failure))].join(', ');
    if (way.kind === 'port') return verdict(way, 'no-answer', 'unreachable', msg('ways.port.silent', { port: portName(tried[0]!), failures }));
    return verdict(way, 'no-answer', 'unreachable', msg('ways.silent', { title, failures }));
  },
};
