import { BlockList, isIP } from 'node:net';

/** OONI's bogon list (netxlite/bogon.go): addresses no public site answers with. */
const V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];
const V6 = ['::/128', '::1/128', '::ffff:0:0/96', '100::/64', '2001:10::/28', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'];

// Two lists: Node's BlockList matches an IPv4 address against IPv4-mapped IPv6 rules
// (::ffff:0:0/96), which would make every IPv4 address a bogon.
const v4 = new BlockList();
const v6 = new BlockList();
for (const c of V4) {
  const [a, p] = c.split('/');
  v4.addSubnet(a ?? '', Number(p), 'ipv4');
}
for (const c of V6) {
  const [a, p] = c.split('/');
  v6.addSubnet(a ?? '', Number(p), 'ipv6');
}

export function isBogon(ip: string): boolean {
  const fam = isIP(ip);
  if (fam === 4) return v4.check(ip, 'ipv4');
  if (fam === 6) return v6.check(ip, 'ipv6');
  return false;
}

const SELF_V4 = new BlockList();
SELF_V4.addSubnet('127.0.0.0', 8, 'ipv4');
SELF_V4.addSubnet('0.0.0.0', 8, 'ipv4');
const SELF_V6 = new BlockList();
SELF_V6.addAddress('::1', 'ipv6');
SELF_V6.addAddress('::', 'ipv6');

/**
 * Loopback or "this host" (0/8, ::): an answer like this would make the probe measure the machine
 * it runs on, so such addresses are recorded but never dialled.
 */
export function isSelfAddress(ip: string): boolean {
  const fam = isIP(ip);
  if (fam === 4) return SELF_V4.check(ip, 'ipv4');
  if (fam === 6) return SELF_V6.check(ip, 'ipv6');
  return false;
}

/**
 * Where a probe must never be sent by someone else's say-so: this host, loopback, private, CGNAT,
 * link-local, multicast and reserved space (IPv4), and unspecified, loopback, unique-local,
 * link-local, site-local and multicast (IPv6). The documentation and benchmarking ranges of the
 * bogon list are left out: they are not this machine's networks (the network lab lives there).
 */
const FORBIDDEN_V4 = new BlockList();
for (const c of ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4']) {
  const [a, p] = c.split('/');
  FORBIDDEN_V4.addSubnet(a ?? '', Number(p), 'ipv4');
}
const FORBIDDEN_V6 = new BlockList();
for (const c of ['::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8']) {
  const [a, p] = c.split('/');
  FORBIDDEN_V6.addSubnet(a ?? '', Number(p), 'ipv6');
}

/**
 * Documentation (RFC 5737, RFC 3849) and benchmarking (RFC 2544) ranges: bogons on the internet, but
 * the network lab's "internet". Only an explicit lab option may treat them as dialable.
 */
const LAB = new BlockList();
for (const c of ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '198.18.0.0/15']) {
  const [a, p] = c.split('/');
  LAB.addSubnet(a ?? '', Number(p), 'ipv4');
}
LAB.addSubnet('2001:db8::', 32, 'ipv6');

export function isLabAddress(ip: string): boolean {
  const fam = isIP(ip);
  return fam === 4 ? LAB.check(ip, 'ipv4') : fam === 6 ? LAB.check(ip, 'ipv6') : false;
}

/** The eight 16-bit groups of an IPv6 address (any spelling, dotted tail included). */
export function hextets(ip: string): number[] {
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1); // dotted tails become hex
  const [head = '', tail] = canonical.split('::');
  const part = (s: string): number[] => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const h = part(head);
  const t = tail === undefined ? [] : part(tail);
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/**
 * The IPv4 address an IPv6 address carries, where the network may deliver it to that IPv4
 * address: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96,
 * 64:ff9b:1::/48) and 6to4 (2002::/16). Null for anything else.
 */
export function embeddedIPv4(ip: string): string | null {
  if (isIP(ip) !== 6) return null;
  const g = hextets(ip);
  const v4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return v4(g[6] ?? 0, g[7] ?? 0);
  if (zero(0, 6) && ((g[6] ?? 0) !== 0 || (g[7] ?? 0) > 1)) return v4(g[6] ?? 0, g[7] ?? 0);
  if (g[0] === 0x64 && g[1] === 0xff9b && (zero(2, 6) || g[2] === 1)) return v4(g[6] ?? 0, g[7] ?? 0);
  if (g[0] === 0x2002) return v4(g[1] ?? 0, g[2] ?? 0);
  return null;
}

/**
 * Addresses a redirect (or anything a site or a censor says) must never make the probe dial: this
 * machine, its LAN, link-local, CGNAT, multicast, unspecified and reserved ranges, and IPv6 forms
 * that embed such an IPv4 address. Checked after resolution, on the address actually dialled.
 */
export function isForbiddenDestination(ip: string): boolean {
  const fam = isIP(ip);
  if (fam === 4) return FORBIDDEN_V4.check(ip, 'ipv4');
  if (fam !== 6) return false;
  if (FORBIDDEN_V6.check(ip, 'ipv6')) return true;
  const v4 = embeddedIPv4(ip);
  return v4 !== null && FORBIDDEN_V4.check(v4, 'ipv4');
}
