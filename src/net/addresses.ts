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

/** The 16 bytes of an IPv6 address (any spelling, with or without a dotted IPv4 tail); null when not IPv6. */
function ipv6Bytes(ip: string): number[] | null {
  if (isIP(ip) !== 6) return null;
  let text = ip.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${(((v4[0] ?? 0) << 8) | (v4[1] ?? 0)).toString(16)}:${(((v4[2] ?? 0) << 8) | (v4[3] ?? 0)).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
export function embeddedIpv4(ip: string): string | null {
  const b = ipv6Bytes(ip);
  if (!b) return null;
  const zero = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  if (zero(0, 10) && ((b[10] === 0xff && b[11] === 0xff) || (b[10] === 0 && b[11] === 0))) return b.slice(12, 16).join('.');
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return b.slice(12, 16).join('.');
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6).join('.');
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
  const v4 = embeddedIpv4(ip);
  return v4 !== null && FORBIDDEN_V4.check(v4, 'ipv4');
}
