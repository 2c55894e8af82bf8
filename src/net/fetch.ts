import { bareHost, isIpLiteral } from './endpoint.ts';
import { isForbiddenDestination, isSelfAddress } from './addresses.ts';
import { httpRequest, type HttpOptions, type ReusedConnection } from './http.ts';
import type { DnsObservation, HttpObservation } from '../model/observation.ts';

export const MAX_REDIRECTS = 10;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

export interface HopResolver {
  (hostname: string): Promise<{ addresses: string[]; observations: DnsObservation[] }>;
}

export interface FetchOptions extends HttpOptions {
  /** The first hop goes over this connection (the one whose handshake was measured). */
  firstConnection?: ReusedConnection;
  /**
   * Test mode (MeasureContext.dialLoopback): loopback addresses that came from a DNS answer may be
   * dialled. Literal addresses in a Location never are.
   */
  dialLoopbackAnswers?: boolean;
}

const originOf = (u: URL): string => `${u.protocol}//${u.host}`;

/**
 * GET a URL from a chosen first address, following redirects by hand so every hop is kept.
 * Redirects to other hosts are resolved with `resolveHop` (the resolver under test). A redirect
 * that would make the probe dial this machine or its networks is refused (after resolution, on
 * the address that would be dialled) and recorded on the hop that asked for it. The target's own
 * origin stays allowed when the user gave it as such an address.
 */
export async function fetchFollowingRedirects(
  url: string,
  firstIp: string,
  resolveHop: HopResolver,
  opts: FetchOptions,
): Promise<{ hops: HttpObservation[]; redirectDns: DnsObservation[]; stoppedReason: string | null }> {
  const hops: HttpObservation[] = [];
  const redirectDns: DnsObservation[] = [];
  const visited = new Set<string>();
  const given = new URL(url);
  const givenHost = bareHost(given.hostname);
  // The user asked for this address: it may be local (a lab, a router page), but only this origin.
  const allowedOrigin = isIpLiteral(givenHost) && isForbiddenDestination(givenHost) ? originOf(given) : null;
  let current = url;
  let ip = firstIp;
  let currentHost = givenHost;
  let connection = opts.firstConnection;
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    visited.add(current);
    const hop = await httpRequest({ url: current, ip, ...(connection ? { connection } : {}) }, opts);
    connection = undefined;
    hops.push(hop);
    if (hop.failure || hop.status === null || !REDIRECT_CODES.has(hop.status)) return { hops, redirectDns, stoppedReason: null };
    if (opts.signal?.aborted) return { hops, redirectDns, stoppedReason: 'deadline' };
    const location = hop.headers['location'];
    let next: URL;
    try {
      if (!location) return { hops, redirectDns, stoppedReason: 'redirect without Location' };
      next = new URL(location, current);
    } catch {
      return { hops, redirectDns, stoppedReason: 'invalid redirect Location' };
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return { hops, redirectDns, stoppedReason: `redirect to ${next.protocol} URL` };
    if (visited.has(next.toString())) return { hops, redirectDns, stoppedReason: 'redirect loop' };
    const host = bareHost(next.hostname);
    // Same host name: the address is the one the target's (or the previous hop's) DNS answer gave,
    // already dialled; a new destination is what must be checked.
    const sameName = host === currentHost && !isIpLiteral(host);
    const hopAddress = host === currentHost ? { ip, fromAnswer: false } : await addressOfHop(host, resolveHop, redirectDns);
    if (!hopAddress) return { hops, redirectDns, stoppedReason: `redirect host ${host} did not resolve` };
    const { ip: nextIp, fromAnswer } = hopAddress;
    const sameAllowedOrigin = allowedOrigin !== null && originOf(next) === allowedOrigin && nextIp === givenHost;
    const testAnswer = Boolean(opts.dialLoopbackAnswers) && fromAnswer && isSelfAddress(nextIp);
    // A caller with its own dialGuard (the helper) applies its own, stricter policy at every dial.
    if (!opts.dialGuard && !sameName && !sameAllowedOrigin && !testAnswer && isForbiddenDestination(nextIp)) {
      const reason = `redirect to ${next.toString()} refused: ${nextIp} is a local, private or reserved address this probe never dials on a site's say-so`;
      hop.refusedRedirect = { url: next.toString(), ip: nextIp, reason };
      return { hops, redirectDns, stoppedReason: reason };
    }
    ip = nextIp;
    currentHost = host;
    current = next.toString();
  }
  return { hops, redirectDns, stoppedReason: `stopped after ${MAX_REDIRECTS} redirects` };
}

/** Where a redirect to a new host goes: the literal itself, or its first answer (the lookups recorded); null when it does not resolve. */
async function addressOfHop(host: string, resolveHop: HopResolver, redirectDns: DnsObservation[]): Promise<{ ip: string; fromAnswer: boolean } | null> {
  if (isIpLiteral(host)) return { ip: host, fromAnswer: false };
  const resolved = await resolveHop(host);
  redirectDns.push(...resolved.observations);
  const first = resolved.addresses[0];
  return first ? { ip: first, fromAnswer: true } : null;
}
