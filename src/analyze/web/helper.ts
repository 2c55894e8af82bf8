import type { WebContext } from './context.ts';
import { joinHostPort } from '../../net/endpoint.ts';

/** What the control helper said about the endpoints this network tried, step by step. */
export const helperTcp = (ctx: WebContext): Array<{ status: boolean; failure: string | null }> =>
  ctx.tcp.map((t) => ctx.helper?.tcp_connect[joinHostPort(t.ip, t.port)]).filter((x) => x !== undefined);
export const helperTls = (ctx: WebContext): Array<{ status: boolean; failure: string | null }> =>
  ctx.tls.map((t) => ctx.helper?.tls_handshake[joinHostPort(t.ip, t.port)]).filter((x) => x !== undefined);
/** The control helper fetched the page (for an https URL, through a chain it validated). */
export const helperFetched = (ctx: WebContext): boolean => ctx.helper !== null && ctx.helper.http_request.failure === null && ctx.helper.http_request.status_code > 0;
/** The control helper completed a valid handshake with one of these addresses, or fetched the page over HTTPS. */
export const helperValidTls = (ctx: WebContext): boolean => helperTls(ctx).some((x) => x.status) || (ctx.m.target.url.startsWith('https:') && helperFetched(ctx));
