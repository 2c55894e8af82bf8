import { msg } from '../../i18n/index.ts';
import { failureOrNoAnswer, undecided, type WebRule } from './context.ts';

/**
 * 5. Our resolver gave no address: a name the control cannot resolve either is gone (down); otherwise
 * undecided. Also: every address both resolvers give is this machine's own (127.0.0.1, ::1), which
 * tekser never dials — the site's DNS itself points nowhere, for everyone (down, as OONI says).
 */
export const nameResolutionRule: WebRule = {
  id: 'name-resolution',
  description:
    "Our resolver gave no address: the control says the name does not exist either → down; otherwise → inconclusive. Both resolvers give only this machine's own addresses → down.",
  apply: (ctx) => {
    const { dns, m } = ctx;
    const own = new Set(m.addresses.filter((a) => a.skipped === 'loopback').map((a) => a.ip));
    if (own.size > 0 && dns.controlAddresses.length > 0 && [...dns.localAddresses, ...dns.controlAddresses].every((ip) => own.has(ip))) {
      return ctx.verdict('down', null, msg('web.name-resolution.loopback', { addresses: [...own].join(', ') }));
    }
    if (dns.localAddresses.length > 0) return null;
    const failure = failureOrNoAnswer(dns.localFailure);
    if (dns.consistency === 'consistent') return ctx.verdict('down', null, msg('web.name-resolution.gone', { failure }));
    if (ctx.controlIntercepted) return ctx.verdict('inconclusive', null, msg('web.name-resolution.intercepted', { failure, undecided: undecided(ctx, msg('web.question.dns')) }));
    return ctx.verdict('inconclusive', null, msg('web.name-resolution.unconfirmed', { failure }));
  },
};
