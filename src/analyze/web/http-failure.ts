import { msg } from '../../i18n/index.ts';
import { undecided, type WebRule } from './context.ts';
import { helperFetched } from './helper.ts';

/**
 * 10. The request failed after the connection was made (reset, EOF, timeout, malformed response):
 * interference only when the control helper fetched the same page; trickled bodies, malformed
 * status lines, bad chunks and silent servers fail the same way with no censor anywhere.
 */
export const httpFailureRule: WebRule = {
  id: 'http-failure',
  description: 'The request failed after connecting: the control helper fetched the page → blocked (http-failure); otherwise → inconclusive (a broken server fails the same way).',
  apply: (ctx) => {
    const f = ctx.final;
    if (ctx.failedStep !== 'http' || !f || f.failure === null) return null;
    const when = msg(f.failedOperation === 'connect' ? 'web.http-failure.when.connect' : f.failedOperation === 'tls_handshake' ? 'web.http-failure.when.tls' : 'web.http-failure.when.after');
    const params = { url: f.url, ip: f.ip, failure: f.failure, when };
    if (helperFetched(ctx)) return ctx.verdict('blocked', 'http-failure', msg('web.http-failure.blocked', params));
    return ctx.verdict('inconclusive', null, msg('web.http-failure.undecided', { ...params, undecided: undecided(ctx, msg('web.question.http')) }));
  },
};
