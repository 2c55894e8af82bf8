import { isDefiniteAnswer } from '../../model/values.ts';
import type { WebRule } from './context.ts';

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
      return ctx.verdict('inconclusive', null, `The control resolver failed right after this target did (${m.controlRecheck[0]?.failure}): the network, not the site, may be the problem`);
    }
    if (!ctx.controlAvailable && ctx.control.misbehaving) {
      return ctx.verdict('inconclusive', null, `The control answered but misbehaves (${ctx.control.misbehaving}): it is reachable, but gave nothing to compare with, so blocking cannot be told from a network problem`);
    }
    if (!ctx.controlAvailable) {
      const helperWhy = m.helper && !m.helper.response ? `; the control helper ${m.helper.url} failed too (${m.helper.failure ?? 'no answer'})` : '';
      return ctx.verdict(
        'inconclusive',
        null,
        `Control unreachable (${dns.controlFailure ?? 'no answer'}): cannot tell blocking from a network problem${dns.localFailure ? `; your resolver also failed (${dns.localFailure})` : ''}${helperWhy}`,
      );
    }
    return null;
  },
};
