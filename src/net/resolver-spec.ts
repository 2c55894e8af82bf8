import { bareHost, isIpLiteral, joinHostPort } from './endpoint.ts';

// The resolver flags' syntax, apart from the DNS code: the CLI's option checks need it at start-up,
// without loading dns-packet and undici.

/** "system", "udp://IP[:port]", "tcp://IP[:port]" or "https://..." (DoH). */
export type ResolverSpec =
  | { kind: 'system' }
  | { kind: 'udp' | 'tcp'; ip: string; port: number }
  | { kind: 'doh'; url: string; /** The server's address given with the URL (`#IP`): no bootstrap lookup. */ ip?: string };

export function parseResolver(spec: string): ResolverSpec {
  if (spec === 'system') return { kind: 'system' };
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`resolver "${spec}" is not "system", udp://IP[:port], tcp://IP[:port] or an https:// DoH URL`);
  }
  if (url.protocol === 'https:') {
    // `https://dns.google/dns-query#8.8.8.8`: the address to reach the DoH server at, given with it.
    const pin = bareHost(url.hash.slice(1));
    url.hash = '';
    if (pin && !isIpLiteral(pin)) throw new Error(`resolver "${spec}": after # give the DoH server's IP address (https://dns.google/dns-query#8.8.8.8)`);
    return pin ? { kind: 'doh', url: url.toString(), ip: pin } : { kind: 'doh', url: url.toString() };
  }
  if (url.protocol === 'udp:' || url.protocol === 'tcp:') {
    const ip = bareHost(url.hostname);
    if (!isIpLiteral(ip)) throw new Error(`resolver "${spec}": give the resolver as an IP address, not a name`);
    return { kind: url.protocol === 'udp:' ? 'udp' : 'tcp', ip, port: url.port ? Number(url.port) : 53 };
  }
  throw new Error(`resolver "${spec}": unsupported scheme ${url.protocol}`);
}

export function resolverLabel(r: ResolverSpec): string {
  if (r.kind === 'system') return 'system';
  if (r.kind === 'doh') return r.ip ? `${r.url}#${r.ip}` : r.url;
  return `${r.kind}://${joinHostPort(r.ip, r.port)}`;
}
