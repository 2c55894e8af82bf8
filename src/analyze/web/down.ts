import { isCertificateFailure } from '../../model/failure.ts';
import { describeCertFailure } from '../certificate.ts';
import { matchInterceptionCa } from '../interception.ts';
import { joinHostPort } from '../../net/endpoint.ts';
import type { WebContext, WebRule } from './context.ts';
import { helperTcp, helperTls } from './helper.ts';

/** The chains this network was shown, where a known interception CA would appear. */
export function chainsSeen(ctx: WebContext) {
  return [...ctx.tls.map((t) => t.peerCertificates), ...(ctx.final?.tls ? [ctx.final.tls.peerCertificates] : [])].filter((c) => c.length > 0);
}

/**
 * 6. The control helper fails at the same step this network did: the site is down (or broken) for
 * everyone. An untrusted certificate the helper sees too is the site's fault, not interception
 * (OONI's known false positive). Not applied when a known interception CA is in the chain we saw.
 */
export const downRule: WebRule = {
  id: 'down',
  description:
    'The control helper fails at the same step (TCP, TLS or HTTP) — including the same bad certificate — and no known interception CA is in our chain → down: the site is broken for everyone.',
  apply: (ctx) => {
    const step = ctx.failedStep;
    if (!step || !ctx.helper) return null;
    if (chainsSeen(ctx).some((c) => matchInterceptionCa(c, ctx.knowledge.interceptionCas) !== null)) return null;
    if (step === 'tcp') {
      const h = helperTcp(ctx);
      if (h.length === 0 || h.some((x) => x.status)) return null;
      const failures = [...new Set(ctx.tcp.map((t) => t.failure))].join(', ');
      const endpoints = [...new Set(ctx.tcp.map((t) => joinHostPort(t.ip, t.port)))];
      const where = `${endpoints.join(', ')}${ctx.tcp.length > endpoints.length ? ` (${ctx.tcp.length} attempts)` : ''}`;
      return ctx.verdict('down', null, `The site is down: connections to ${where} fail from the control helper too (${failures})`);
    }
    if (step === 'tls') {
      const h = helperTls(ctx);
      if (h.length === 0 || h.some((x) => x.status)) return null;
      const cert = ctx.tls.find((t) => isCertificateFailure(t.failure));
      if (cert) return ctx.verdict('down', null, `The site's certificate is invalid from the control helper too: here ${describeCertFailure(cert)}, there ${h[0]?.failure ?? 'a failure'}: the site's own fault, not interception`);
      return ctx.verdict('down', null, `The TLS handshake fails from the control helper too (${ctx.tls[0]?.failure}): the site is broken, not blocked`);
    }
    const helperHttp = ctx.helper.http_request;
    if (helperHttp.failure !== null) return ctx.verdict('down', null, `The page fails from the control helper too (${helperHttp.failure}): the site is down`);
    return null;
  },
};
