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
