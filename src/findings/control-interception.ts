import { describeControlInterception } from '../analyze/control.ts';
import type { FindingRule } from './context.ts';

/** Evidence required: the control resolver's own TLS did not verify (a DoH handshake with an untrusted or wrong chain, not a clock problem). */
export const CONTROL_INTERCEPTION_EVIDENCE =
  "The control resolver's own DoH handshake failed certificate verification (unknown authority, wrong name, untrusted or incomplete chain; not expired / not yet valid, which a wrong clock causes), in the run's control check or in any target's control lookups. The interceptor is named from the chain the control was shown (the interception-CA table), else by its issuer.";

/**
 * 1. The control itself intercepted: the network works and is being intercepted, the opposite of a
 * shutdown. Headline "All TLS is intercepted, even to the control resolver" when no HTTPS target
 * loaded through a valid chain; otherwise the interception is selective and the title says so.
 */
export const controlInterceptionFinding: FindingRule = {
  kind: 'control-interception',
  evidence: CONTROL_INTERCEPTION_EVIDENCE,
  blindSpots:
    'A control reached over plain DNS (udp/tcp) has no chain to check; a middlebox that passes the control resolver untouched but intercepts chosen names is seen only per target (state-mitm / suspected-mitm); without a recorded chain the interceptor cannot be named.',
  find: (ctx) => {
    const c = ctx.controlInterception;
    if (!c) return [];
    const by = describeControlInterception(c);
    const valid = ctx.records.filter((r) => r.validTls);
    const title = valid.length
      ? `TLS to the control resolver is intercepted ${by}; ${valid.length} HTTPS site(s) still load through valid chains, so the interception is selective`
      : `All TLS is intercepted, even to the control resolver, ${by}`;
    return [
      {
        kind: 'control-interception',
        title,
        details: [
          `the control resolver ${c.resolver} was answered by a certificate it does not own (${c.failure ?? 'untrusted chain'})${c.issuer ? `, issued by "${c.issuer}"` : ''}`,
          'the network works: this is interception, not a shutdown; verdicts that lean on the control resolver are untrustworthy, while each HTTPS site\'s own chain was examined',
          'do not install a certificate this network asks you to; run `tekser certs` to check your system',
        ],
        targets: ctx.records.filter((r) => r.control.interception || r.verdict.method === 'mitm').map((r) => r.label),
      },
    ];
  },
};
