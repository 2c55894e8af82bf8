import { isCertificateFailure, type CertFailureClass } from '../../model/failure.ts';
import type { TlsHandshakeObservation } from '../../model/observation.ts';
import { CERT_CLASS_WORDS, certFailureOf, describeCertFailure, isInterceptionEvidence } from '../certificate.ts';
import { matchInterceptionCa } from '../interception.ts';
import { undecided, type WebContext, type WebRule } from './context.ts';
import { helperFetched, helperValidTls } from './helper.ts';

/** What each non-evidence class usually is, said in the undecided reason. */
const LIKELY: Readonly<Record<CertFailureClass, string>> = {
  untrusted_root: 'a root no trusted store holds',
  expired: "usually the site's own fault (or this machine's clock is wrong), not interception",
  not_yet_valid: "usually this machine's clock or the site's fault, not interception",
  wrong_name: "the server answers with another name's certificate: a misconfigured site as often as a redirecting censor",
  incomplete_chain: 'a site that forgot an intermediate certificate, or an interceptor that does not send its root',
  self_signed: 'a misconfigured site or a crude interceptor',
  weak_or_unsupported_protocol: 'an outdated server',
  other: 'a broken certificate',
};

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
    const mitm = (reason: string) => {
      ctx.notes.untrustedIssuer = issuer;
      return ctx.verdict('blocked', 'mitm', reason);
    };
    if (match) {
      ctx.notes.interceptionCa = match;
      ctx.evidence.push(`chain matches known interception CA "${match.ca}" (${match.country}) by ${match.matchedBy}, at "${match.certificate}"`);
      return mitm(`TLS interception by a known state CA: the certificate for ${host} chains to "${match.ca}" (${match.country}), which no public root trusts`);
    }
    if (helperValidTls(ctx)) {
      return mitm(
        `TLS interception: here ${host} at ${t.ip} presents ${describeCertFailure(t)}${issuer ? ` issued by "${issuer}"` : ''}, while the control helper ${helperFetched(ctx) ? 'fetched the page through a valid chain' : 'completes a valid handshake'}`,
      );
    }
    if (isInterceptionEvidence(cls)) {
      return mitm(`TLS interception suspected: the certificate for ${host} at ${t.ip} is issued by "${issuer ?? 'unknown'}", ${describeCertFailure(t)}, which no public root trusts`);
    }
    const what = cls ? `${CERT_CLASS_WORDS[cls]}` : 'an invalid certificate';
    return ctx.verdict('inconclusive', null, `The certificate for ${host} at ${t.ip} fails with ${describeCertFailure(t)}: ${cls ? LIKELY[cls] : LIKELY.other}; ${what} alone is not evidence of interception, and ${undecided(ctx, 'interception from a misconfigured site')}`);
  },
};
