import { isIP } from 'node:net';
import { httpRequest, type HttpOptions } from './http.ts';
import type { DnsObservation, HttpObservation } from '../model/observation.ts';

export const MAX_REDIRECTS = 10;
const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);

export interface HopResolver {
  (hostname: string): Promise<{ addresses: string[]; observations: DnsObservation[] }>;
}

/**
 * GET a URL from a chosen first address, following redirects by hand so every hop is kept.
 * Redirects to other hosts are resolved with `resolveHop` (the resolver under test).
 */
export async function fetchFollowingRedirects(
  url: string,
  firstIp: string,
  resolveHop: HopResolver,
  opts: HttpOptions,
): Promise<{ hops: HttpObservation[]; redirectDns: DnsObservation[]; stoppedReason: string | null }> {
  const hops: HttpObservation[] = [];
  const redirectDns: DnsObservation[] = [];
  const visited = new Set<string>();
  let current = url;
  let ip = firstIp;
  let currentHost = new URL(url).hostname;
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    visited.add(current);
    const hop = await httpRequest({ url: current, ip }, opts);
    hops.push(hop);
    if (hop.failure || hop.status === null || !REDIRECT_CODES.has(hop.status)) return { hops, redirectDns, stoppedReason: null };
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
    const host = next.hostname.replace(/^\[|\]$/g, '');
    if (host !== currentHost) {
      if (isIP(host)) {
        ip = host;
      } else {
        const resolved = await resolveHop(host);
        redirectDns.push(...resolved.observations);
        const first = resolved.addresses[0];
        if (!first) return { hops, redirectDns, stoppedReason: `redirect host ${host} did not resolve` };
        ip = first;
      }
      currentHost = host;
    }
    current = next.toString();
  }
  return { hops, redirectDns, stoppedReason: `stopped after ${MAX_REDIRECTS} redirects` };
}
