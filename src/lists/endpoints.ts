import { BlockList, isIP } from 'node:net';

/**
 * Prefix syntax of the service lists, apart from the YAML reader (services.ts re-exports it): the
 * analysis uses it without loading yaml or zod. Host and port are split by net/endpoint.ts.
 */

export function parseCidr(cidr: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr);
  if (!m) return null;
  const family = isIP(m[1] ?? '');
  const prefix = Number(m[2]);
  if (family === 0 || prefix > (family === 4 ? 32 : 128)) return null;
  return { address: m[1] ?? '', prefix, family: family === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether an address lies in any of the prefixes (v4 and v6 kept apart: see net/addresses.ts). */
export function prefixMatcher(cidrs: readonly string[]): (ip: string) => boolean {
  const v4 = new BlockList();
  const v6 = new BlockList();
  for (const c of cidrs) {
    const p = parseCidr(c);
    if (p) (p.family === 'ipv4' ? v4 : v6).addSubnet(p.address, p.prefix, p.family);
  }
  return (ip) => (isIP(ip) === 4 ? v4.check(ip, 'ipv4') : isIP(ip) === 6 ? v6.check(ip, 'ipv6') : false);
}
