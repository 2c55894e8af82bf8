import type { WebRule } from './context.ts';

/**
 * 2. DNS tampering overrides everything after it: whatever happened next happened at the wrong
 * address. Evidence: answers inconsistent with the control (injected duplicate, NXDOMAIN only here,
 * a known censor's answer, bogons, a server that cannot prove the name), or, with no control answer,
 * an answer leading to a known (non-generic) block page at an address the control does not give.
 */
export const dnsRule: WebRule = {
  id: 'dns',
  description: 'Our resolver answered inconsistently with the control (injection, NXDOMAIN only here, a known censor answer, bogons), or led to a server serving a known block page → blocked (dns).',
  apply: (ctx) => {
    const { dns, blockpage, final } = ctx;
    if (dns.consistency === 'inconsistent') {
      const page = blockpage ? `; that address serves a block page (${blockpage.fingerprint})` : '';
      return ctx.verdict('blocked', 'dns', `DNS tampering: ${dns.explanation}${page}`);
    }
    // A response that lacks its address (an OONI request without `address`) cannot show where it came from.
    if (dns.consistency === 'unknown' && blockpage && !blockpage.generic && final?.ip && !dns.controlAddresses.includes(final.ip)) {
      return ctx.verdict('blocked', 'dns', `DNS tampering: your resolver sent you to ${final.ip}, which serves a block page (${blockpage.fingerprint}); the control resolver says ${dns.controlAddresses.join(', ') || 'something else'}`);
    }
    return null;
  },
};
