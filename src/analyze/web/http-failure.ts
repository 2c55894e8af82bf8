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
    const after = f.failedOperation === 'connect' ? 'while connecting' : f.failedOperation === 'tls_handshake' ? 'during the TLS handshake' : 'after the connection was made';
    if (helperFetched(ctx)) return ctx.verdict('blocked', 'http-failure', `HTTP interference: the request for ${f.url} via ${f.ip} failed (${f.failure}) ${after}, while the control helper loaded it`);
    return ctx.verdict('inconclusive', null, `The request for ${f.url} via ${f.ip} failed (${f.failure}) ${after}: a broken or overloaded server fails this way as well as a censor; ${undecided(ctx, 'HTTP interference from a broken site')}`);
  },
};
