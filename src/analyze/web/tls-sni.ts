import { msg } from '../../i18n/index.ts';
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
    const protocol = certFailureOf(first) === 'weak_or_unsupported_protocol' ? msg('web.tls-sni.weak-protocol') : '';
    const failure = String(first.failure);
    if (!ctx.sniSent) {
      if (helperValidTls(ctx)) return ctx.verdict('blocked', 'tls', msg('web.tls-sni.no-sni.blocked', { endpoint: ep, failure }));
      return ctx.verdict('inconclusive', null, msg('web.tls-sni.no-sni.undecided', { endpoint: ep, failure, protocol, undecided: undecided(ctx, msg('web.question.interference')) }));
    }
    const sameIp = m.sniProbes.filter((p) => p.kind === 'same-ip-harmless-sni' || p.kind === 'same-ip-no-sni');
    if (sameIp.length) ctx.notes.sniProof = sameIp.some((p) => completed(p.handshake)) ? 'proven' : 'not-proven';
    const neutral = m.sniProbes.find((p) => p.kind === 'neutral-host-target-sni');
    const follows = neutral && !completed(neutral.handshake) ? msg('web.tls-sni.follows-name', { host: m.hostname }) : '';
    const params = { host: m.hostname, endpoint: ep, failure };
    if (ctx.notes.sniProof === 'proven') {
      const ok = sameIp.find((p) => completed(p.handshake));
      const harmless = ok?.handshake.serverName;
      return ctx.verdict('blocked', 'tls', harmless ? msg('web.tls-sni.proven', { ...params, harmless, follows }) : msg('web.tls-sni.proven.no-sni', { ...params, follows }));
    }
    if (helperValidTls(ctx)) {
      return ctx.verdict('blocked', 'tls', msg(ctx.notes.sniProof === 'not-proven' ? 'web.tls-sni.helper.address' : 'web.tls-sni.helper', params));
    }
    const probe = msg(ctx.notes.sniProof === 'not-proven' ? 'web.tls-sni.probe.not-proven' : 'web.tls-sni.probe.none');
    return ctx.verdict('inconclusive', null, msg('web.tls-sni.undecided', { ...params, protocol, probe, undecided: undecided(ctx, msg('web.question.sni')) }));
  },
};
