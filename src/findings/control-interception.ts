import { msg } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';
import type { ControlInterception } from '../model/verdict.ts';
import type { FindingRule } from './context.ts';
import { CERTS_COMMAND, said } from './words.ts';

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
    const by = interceptedBy(c);
    const valid = ctx.records.filter((r) => r.validTls);
    const title = valid.length ? msg('finding.control-interception.title.selective', { by, count: valid.length }) : msg('finding.control-interception.title.all', { by });
    const foreign = { resolver: c.resolver, failure: c.failure ?? msg('finding.control-interception.untrusted-chain') };
    return [
      said('control-interception', title, [
        c.issuer ? msg('finding.control-interception.foreign-certificate.issued', { ...foreign, issuer: c.issuer }) : msg('finding.control-interception.foreign-certificate', foreign),
        msg('finding.control-interception.network-works'),
        msg('finding.advice.install-no-certificate', { command: CERTS_COMMAND }),
      ], ctx.records.filter((r) => r.control.interception || r.verdict.method === 'mitm').map((r) => r.label)),
    ];
  },
};

/** Who intercepts the control, as analyze/control.ts describeControlInterception says it in English. */
export function interceptedBy(c: ControlInterception): Message {
  if (c.match) return msg('finding.control-interception.by-ca', { ca: c.match.ca, country: c.match.country });
  if (c.issuer) return msg('finding.control-interception.by-issuer', { issuer: c.issuer });
  return msg('finding.control-interception.no-chain', { failure: c.failure ?? msg('finding.control-interception.not-trusted') });
}
