import { certFailureOf } from '../certificate.ts';
import { joinHostPort } from '../../net/endpoint.ts';
import { completed, undecided, type WebRule } from './context.ts';
import { helperValidTls } from './helper.ts';

/**
 * 9. TCP connected, then the handshake broke (not a certificate). SNI filtering needs the SNI proof
 * (the same address completes a handshake for a harmless name, or none, where the target's fails);
 * TLS interference needs the control helper completing the handshake. No SNI sent (an address URL)
 * is never called SNI filtering. Otherwise inconclusive: garbage, TLS 1.0 only or a huge
 * certificate break a handshake as surely as a censor does.
 */
export const tlsSniRule: WebRule = {
  id: 'tls-sni',
  description:
    'TCP connects, then the handshake fails (no certificate): the same address completes a harmless-SNI handshake → blocked (tls, SNI filtering proven); the control helper completes it → blocked (tls); otherwise (or no SNI sent) → inconclusive.',
  apply: (ctx) => {
    if (ctx.failedStep !== 'tls') return null;
    const { m } = ctx;
    const first = ctx.tls[0];
    if (!first) return null;
    const ep = joinHostPort(first.ip, first.port);
    const protocol = certFailureOf(first) === 'weak_or_unsupported_protocol' ? ': the server offers no TLS protocol version or cipher this client accepts (a weak or unsupported protocol, such as TLS 1.0 only)' : '';
    if (!ctx.sniSent) {
      if (helperValidTls(ctx)) return ctx.verdict('blocked', 'tls', `TLS interference: the handshake with ${ep} fails here (${first.failure}) but completes from the control helper; no SNI was sent (the URL is an address), so it is not name-based filtering`);
      return ctx.verdict('inconclusive', null, `The TLS handshake with ${ep} fails (${first.failure})${protocol} after TCP connected; no SNI was sent (the URL is an address), so this is not SNI filtering, and ${undecided(ctx, 'interference from a broken server')}`);
    }
    const sameIp = m.sniProbes.filter((p) => p.kind === 'same-ip-harmless-sni' || p.kind === 'same-ip-no-sni');
    if (sameIp.length) ctx.notes.sniProof = sameIp.some((p) => completed(p.handshake)) ? 'proven' : 'not-proven';
    const neutral = m.sniProbes.find((p) => p.kind === 'neutral-host-target-sni');
    const follows = neutral && !completed(neutral.handshake) ? ` The filter follows the name: ${m.hostname} fails on a neutral server too.` : '';
    if (ctx.notes.sniProof === 'proven') {
      const ok = sameIp.find((p) => completed(p.handshake));
      return ctx.verdict('blocked', 'tls', `SNI filtering: the handshake for ${m.hostname} at ${ep} fails (${first.failure}), but the same address completes one for ${ok?.handshake.serverName ?? 'no SNI'}.${follows}`);
    }
    if (helperValidTls(ctx)) {
      return ctx.verdict(
        'blocked',
        'tls',
        `TLS interference: TCP to ${ep} connects, then the handshake for ${m.hostname} fails (${first.failure}), while the control helper completes it${ctx.notes.sniProof === 'not-proven' ? ' (a harmless SNI fails here too: the filter may be on the address, not the name)' : '; typical of SNI filtering'}`,
      );
    }
    const probe = ctx.notes.sniProof === 'not-proven' ? 'a harmless name fails on that address too, so the server itself may be broken' : 'no harmless-SNI retry was made';
    return ctx.verdict('inconclusive', null, `TCP to ${ep} connects, then the handshake for ${m.hostname} fails (${first.failure})${protocol}; ${probe}, and ${undecided(ctx, 'SNI filtering from a broken server')}`);
  },
};
