import { undecided, type WebRule } from './context.ts';

/** 5. Our resolver gave no address: a name the control cannot resolve either is gone (down); otherwise undecided. */
export const nameResolutionRule: WebRule = {
  id: 'name-resolution',
  description: 'Our resolver gave no address: the control says the name does not exist either → down; otherwise → inconclusive.',
  apply: (ctx) => {
    const { dns } = ctx;
    if (dns.localAddresses.length > 0) return null;
    if (dns.consistency === 'consistent') return ctx.verdict('down', null, `The name does not resolve for the control resolver either (${dns.localFailure ?? 'no answer'}): the site is gone, not blocked`);
    if (ctx.controlIntercepted) return ctx.verdict('inconclusive', null, `Your resolver failed (${dns.localFailure ?? 'no answer'}); ${undecided(ctx, 'DNS blocking from a name that is gone')}`);
    return ctx.verdict('inconclusive', null, `Your resolver failed (${dns.localFailure ?? 'no answer'}) and the control could not confirm the name`);
  },
};
