import { isCertificateFailure } from '../../model/failure.ts';
import { msg } from '../../i18n/index.ts';
import { certFailureMessage } from '../certificate.ts';
import { matchInterceptionCa } from '../interception.ts';
import { joinHostPort } from '../../net/endpoint.ts';
import type { WebContext, WebRule } from './context.ts';
import type { MessageParam } from '../../model/message.ts';
import { helperTcp, helperTls } from './helper.ts';

/** The chains this network was shown, where a known interception CA would appear. */
export function chainsSeen(ctx: WebContext) {
  return [...ctx.tls.map((t) => t.peerCertificates), ...(ctx.final?.tls ? [ctx.final.tls.peerCertificates] : [])].filter((c) => c.length > 0);
}

/** The failures of every TCP attempt, once each: "connection_refused, generic_timeout_error". */
export const tcpFailures = (ctx: WebContext): string => [...new Set(ctx.tcp.map((t) => t.failure))].join(', ');

/** The endpoints tried, and how many attempts when more than one per endpoint: "203.0.113.5:443 (2 attempts)". */
export function whereConnected(ctx: WebContext): MessageParam {
  const endpoints = [...new Set(ctx.tcp.map((t) => joinHostPort(t.ip, t.port)))];
  return ctx.tcp.length > endpoints.length ? msg('web.endpoints.attempts', { endpoints: endpoints.join(', '), count: ctx.tcp.length }) : endpoints.join(', ');
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
      return ctx.verdict('down', null, msg('web.down.tcp', { where: whereConnected(ctx), failures: tcpFailures(ctx) }));
    }
    if (step === 'tls') {
      const h = helperTls(ctx);
      if (h.length === 0 || h.some((x) => x.status)) return null;
      const cert = ctx.tls.find((t) => isCertificateFailure(t.failure));
      if (cert) return ctx.verdict('down', null, msg('web.down.certificate', { here: certFailureMessage(cert), there: h[0]?.failure ?? msg('web.down.a-failure') }));
      return ctx.verdict('down', null, msg('web.down.tls', { failure: String(ctx.tls[0]?.failure) }));
    }
    const helperHttp = ctx.helper.http_request;
    if (helperHttp.failure !== null) return ctx.verdict('down', null, msg('web.down.http', { failure: helperHttp.failure }));
    return null;
  },
};
