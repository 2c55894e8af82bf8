import { isIP } from 'node:net';

/**
 * Host and port, spelled once (as OONI's code uses `net.JoinHostPort`/`SplitHostPort` everywhere).
 * Pure: no sockets, no lookups. Every `[ip]:port` join, bracket strip, default port and IP-literal
 * test in src/ goes through here; test/layering.test.ts fails on a stray one elsewhere.
 */

/** The address family of an IP literal, or null for a name (or anything else). */
export function addressFamily(host: string): 4 | 6 | null {
  const f = isIP(bareHost(host));
  return f === 4 ? 4 : f === 6 ? 6 : null;
}

/** Whether a host (as written in a URL, brackets allowed) is an IP address rather than a name. */
export function isIpLiteral(host: string): boolean {
  return addressFamily(host) !== null;
}

/** A URL's hostname without the brackets an IPv6 literal carries in it (`[::1]` → `::1`). */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** `host:port`, with an IPv6 literal in brackets (`[2001:db8::1]:443`), as in a URL's authority. */
export function joinHostPort(host: string, port: number | string): string {
  const h = bareHost(host);
  return `${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** A host as it stands in a URL: an IPv6 literal in brackets, anything else as it is. */
export function urlHost(host: string): string {
  const h = bareHost(host);
  return h.includes(':') ? `[${h}]` : h;
}

/**
 * `host:port`, `[v6]:port`, `[v6]`, a bare IPv6 address or a bare host, split. The port is null when
 * none is written; the host is '' when the text is not an endpoint at all.
 */
export function splitHostPort(endpoint: string): { host: string; port: number | null } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(endpoint);
  if (v6) return { host: v6[1] ?? '', port: v6[2] ? Number(v6[2]) : null };
  if (isIP(endpoint) === 6) return { host: endpoint, port: null };
  const m = /^([^:]+)(?::(\d+))?$/.exec(endpoint);
  if (!m) return { host: '', port: null };
  return { host: m[1] ?? '', port: m[2] ? Number(m[2]) : null };
}

/** The port a scheme uses when a URL names none: 443 for https (and wss), else 80. */
export function defaultPort(protocol: string): 443 | 80 {
  return protocol === 'https:' || protocol === 'https' || protocol === 'wss:' || protocol === 'wss' ? 443 : 80;
}

/** The port a URL connects to: its own, or its scheme's default. */
export function urlPort(url: URL): number {
  return url.port ? Number(url.port) : defaultPort(url.protocol);
}

/** A URL's host without brackets and the port it connects to. */
export function urlEndpoint(url: URL): { host: string; port: number } {
  return { host: bareHost(url.hostname), port: urlPort(url) };
}
