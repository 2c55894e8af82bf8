import { undecided, type WebRule } from './context.ts';

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
      return ctx.verdict('down', null, `The name resolves to this machine's own address (${[...own].join(', ')}) for the control resolver too: the site's DNS points nowhere, for everyone; not blocking`);
    }
    if (dns.localAddresses.length > 0) return null;
    if (dns.consistency === 'consistent') return ctx.verdict('down', null, `The name does not resolve for the control resolver either (${dns.localFailure ?? 'no answer'}): the site is gone, not blocked`);
    if (ctx.controlIntercepted) return ctx.verdict('inconclusive', null, `Your resolver failed (${dns.localFailure ?? 'no answer'}); ${undecided(ctx, 'DNS blocking from a name that is gone')}`);
    return ctx.verdict('inconclusive', null, `Your resolver failed (${dns.localFailure ?? 'no answer'}) and the control could not confirm the name`);
  },
};
