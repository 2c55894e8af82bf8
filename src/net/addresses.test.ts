import { describe, expect, it } from 'vitest';
import { prefixMatcher } from '../lists/services.ts';
import { isBogon, isSelfAddress } from './addresses.ts';

describe('bogons and prefixes', () => {
  it('public IPv4 addresses are not bogons (IPv4-mapped IPv6 rules must not catch them)', () => {
    for (const ip of ['157.240.1.35', '8.8.8.8', '95.56.243.92']) expect(isBogon(ip), ip).toBe(false);
  });
  it('private, loopback, reserved and documentation ranges are', () => {
    for (const ip of ['10.10.34.35', '127.0.0.1', '0.0.0.0', '192.168.1.1', '172.16.0.1', '100.64.0.1', '198.18.0.1', '203.0.113.7', '::1', 'fe80::1', '2001:db8::1', '::ffff:10.0.0.1'])
      expect(isBogon(ip), ip).toBe(true);
  });
  it('self addresses (never dialled): loopback and "this host", in any spelling', () => {
    for (const ip of ['127.0.0.1', '127.9.9.9', '0.0.0.0', '::1', '::', '0:0:0:0:0:0:0:1']) expect(isSelfAddress(ip), ip).toBe(true);
    for (const ip of ['198.18.0.1', '10.0.0.1', '::2', '2001:db8::1']) expect(isSelfAddress(ip), ip).toBe(false);
  });
  it('prefix matching keeps IPv4 and IPv6 apart', () => {
    const fb = prefixMatcher(['157.240.0.0/16', '2a03:2880::/32', '::ffff:0:0/96']);
    expect(fb('157.240.1.35')).toBe(true);
    expect(fb('31.13.1.1')).toBe(false);
    expect(fb('2a03:2880:f10c::1')).toBe(true);
  });
});
