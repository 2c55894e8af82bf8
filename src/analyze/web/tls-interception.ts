import { isCertificateFailure, type CertFailureClass } from '../../model/failure.ts';
import type { TlsHandshakeObservation } from '../../model/observation.ts';
import { msg } from '../../i18n/index.ts';
import { certClassWords, certFailureMessage, certFailureOf, isInterceptionEvidence } from '../certificate.ts';
import { matchInterceptionCa } from '../interception.ts';
import type { Message } from '../../model/message.ts';
import { undecided, type WebContext, type WebRule } from './context.ts';
import { helperFetched, helperValidTls } from './helper.ts';

/** What each non-evidence class usually is, said in the undecided reason (`web.likely.<class>`). */
const likely = (c: CertFailureClass | null) => msg(`web.likely.${c ?? 'other'}`);

/** The handshake whose certificate failed: one to the site's addresses, or the fetch's own. */
function failedCertificate(ctx: WebContext): (Pick<TlsHandshakeObservation, 'ip' | 'failure' | 'certFailure' | 'chainError' | 'hostnameMatches' | 'chainTrusted' | 'peerCertificates'>) | null {
  if (ctx.failedStep === 'tls') return ctx.tls.find((t) => isCertificateFailure(t.failure)) ?? null;
  const f = ctx.final;
  if (ctx.failedStep === 'http' && f && f.failedOperation === 'tls_handshake' && isCertificateFailure(f.failure)) {
    return f.tls ? { ...f.tls, failure: f.tls.failure ?? f.failure } : { ip: f.ip, failure: f.failure, chainError: null, hostnameMatches: null, chainTrusted: null, peerCertificates: [] };
  }
  return null;
}

/**
 * 8. The certificate did not check out. Interception (blocked, mitm) needs path evidence: a known
 * interception CA in the chain (named), the control helper completing a valid handshake where this
 * network got a bad one, or a chain to an untrusted root. An expired or not-yet-valid leaf, a wrong
 * name, an incomplete chain, a self-signed leaf or a protocol mismatch alone is inconclusive, with
 * the exact class named. (The control seeing the same bad certificate was decided by `down`.)
 */
export const tlsInterceptionRule: WebRule = {
  id: 'tls-interception',
  description:
    'The certificate failed: a known interception CA in the chain → blocked (mitm, named); the control helper sees a valid chain → blocked (mitm); a chain to an untrusted root → blocked (mitm, suspected); expired / not yet valid / wrong name / incomplete chain / self-signed / weak protocol alone → inconclusive, naming the class.',
  apply: (ctx) => {
    const t = failedCertificate(ctx);
    if (!t) return null;
    const host = ctx.m.hostname;
    const cls = certFailureOf(t);
    const chain = t.peerCertificates;
    const issuer = chain.at(-1)?.issuer ?? chain[0]?.issuer ?? null;
    const match = matchInterceptionCa(chain, ctx.knowledge.interceptionCas);
    const mitm = (reason: Message) => {
      ctx.notes.untrustedIssuer = issuer;
      return ctx.verdict('blocked', 'mitm', reason);
    };
    if (match) {
      ctx.notes.interceptionCa = match;
      ctx.evidence.push(msg('web.ev.interception-ca', { ca: match.ca, country: match.country, by: msg(`web.matched-by.${match.matchedBy}`), certificate: match.certificate }));
      return mitm(msg('web.tls-interception.known-ca', { host, ca: match.ca, country: match.country }));
    }
    const presents = certFailureMessage(t);
    if (helperValidTls(ctx)) {
      const there = msg(helperFetched(ctx) ? 'web.tls-interception.helper-fetched' : 'web.tls-interception.helper-handshake');
      return mitm(issuer ? msg('web.tls-interception.helper-valid.issuer', { host, ip: t.ip, presents, issuer, there }) : msg('web.tls-interception.helper-valid', { host, ip: t.ip, presents, there }));
    }
    if (isInterceptionEvidence(cls)) {
      return mitm(msg('web.tls-interception.untrusted-root', { host, ip: t.ip, issuer: issuer ?? msg('web.tls-interception.unknown-issuer'), presents }));
    }
    const what = cls ? certClassWords(cls) : certClassWords('other');
    return ctx.verdict('inconclusive', null, msg('web.tls-interception.undecided', { host, ip: t.ip, presents, likely: likely(cls), what, undecided: undecided(ctx, msg('web.question.interception')) }));
  },
};
