import { BlockList, isIP } from 'node:net';

/**
 * Endpoint and prefix syntax of the service lists, apart from the YAML reader (services.ts
 * re-exports it): the measurement path uses it without loading yaml or zod.
 */

/** "host", "host:443", "1.2.3.4:80", "[2001:db8::1]:443". */
export function splitHostPort(ep: string): { host: string; port: number | null } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(ep);
  if (v6) return { host: v6[1] ?? '', port: v6[2] ? Number(v6[2]) : null };
  if (isIP(ep) === 6) return { host: ep, port: null };
  const m = /^([^:]+)(?::(\d+))?$/.exec(ep);
  if (!m) return { host: '', port: null };
  return { host: m[1] ?? '', port: m[2] ? Number(m[2]) : null };
}

export function parseCidr(cidr: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr);
  if (!m) return null;
  const family = isIP(m[1] ?? '');
  const prefix = Number(m[2]);
  if (family === 0 || prefix > (family === 4 ? 32 : 128)) return null;
  return { address: m[1] ?? '', prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether an address lies in any of the prefixes (v4 and v6 kept apart: see analyze/bogon.ts). */
export function prefixMatcher(cidrs: readonly string[]): (ip: string) => boolean {
  const v4 = new BlockList();
  const v6 = new BlockList();
  for (const c of cidrs) {
    const p = parseCidr(c);
    if (p) (p.family === 'ipv4' ? v4 : v6).addSubnet(p.address, p.prefix, p.family);
  }
  return (ip) => (isIP(ip) === 4 ? v4.check(ip, 'ipv4') : isIP(ip) === 6 ? v6.check(ip, 'ipv6') : false);
}
