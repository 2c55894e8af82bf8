import { isDefiniteAnswer } from '../../model/values.ts';
import { msg } from '../../i18n/index.ts';
import { failureOrNoAnswer, type WebRule } from './context.ts';
import { targetMisbehaving } from '../control.ts';

/**
 * 4. No usable control: the control resolver failed right after this target did (the network, not
 * the site, broke), or no control answered at all (no resolver, no helper, a name to resolve).
 * Not applied when the control's TLS was intercepted: then the network works, the control's answers
 * are untrustworthy, and the site's own evidence (its chain above all) is still examined by the rules
 * below, whose undecided verdicts say the control is untrustworthy.
 */
export const controlUnavailableRule: WebRule = {
  id: 'control-unavailable',
  description:
    'No control answered (or it failed right after this target did) and the control was not intercepted → inconclusive: blocking cannot be told from a network problem.',
  apply: (ctx) => {
    if (ctx.controlIntercepted) return null;
    const { m, dns, helper } = ctx;
    const recheckFailed = m.controlRecheck.length > 0 && !m.controlRecheck.some(isDefiniteAnswer);
    if (recheckFailed && dns.controlAnswered && !helper) {
      return ctx.verdict('inconclusive', null, msg('web.control-unavailable.recheck', { failure: String(m.controlRecheck[0]?.failure) }));
    }
    const misbehaving = !ctx.controlAvailable && ctx.control.misbehaving ? targetMisbehaving(m, ctx.control.failed) : null;
    if (misbehaving) return ctx.verdict('inconclusive', null, msg('web.control-unavailable.misbehaving', { why: misbehaving }));
    if (!ctx.controlAvailable) {
      const resolver = dns.localFailure ? msg('web.control-unavailable.resolver-too', { failure: dns.localFailure }) : '';
      const helper = m.helper && !m.helper.response ? msg('web.control-unavailable.helper-too', { url: m.helper.url, failure: failureOrNoAnswer(m.helper.failure) }) : '';
      return ctx.verdict('inconclusive', null, msg('web.control-unavailable.unreachable', { failure: failureOrNoAnswer(dns.controlFailure), resolver, helper }));
    }
    return null;
  },
};
