import type { WebContext } from './context.ts';
import { joinHostPort } from '../../net/endpoint.ts';

/**
 * A helper that would not dial an address (`tekser helper` refuses non-public ones, src/helper/server.ts)
 * measured nothing there: its answer is quoted in the reason, never taken as the site failing for it too.
 */
export const helperRefused = (x: { failure: string | null }): boolean => x.failure?.startsWith('refused to dial ') ?? false;
const measured = <T extends { failure: string | null }>(x: T | undefined): x is T => x !== undefined && !helperRefused(x);

/** What the control helper measured at the endpoints this network tried, step by step. */
export const helperTcp = (ctx: WebContext): Array<{ status: boolean; failure: string | null }> =>
  ctx.tcp.map((t) => ctx.helper?.tcp_connect[joinHostPort(t.ip, t.port)]).filter(measured);
export const helperTls = (ctx: WebContext): Array<{ status: boolean; failure: string | null }> =>
  ctx.tls.map((t) => ctx.helper?.tls_handshake[joinHostPort(t.ip, t.port)]).filter(measured);
/** The control helper fetched the page (for an https URL, through a chain it validated). */
export const helperFetched = (ctx: WebContext): boolean => ctx.helper !== null && ctx.helper.http_request.failure === null && ctx.helper.http_request.status_code > 0;
/** The control helper completed a valid handshake with one of these addresses, or fetched the page over HTTPS. */
export const helperValidTls = (ctx: WebContext): boolean => helperTls(ctx).some((x) => x.status) || (ctx.m.target.url.startsWith('https:') && helperFetched(ctx));
