import { describe, expect, it } from 'vitest';
import { addressFamily, bareHost, defaultPort, isIpLiteral, joinHostPort, splitHostPort, urlEndpoint, urlHost, urlPort } from './endpoint.ts';

describe('endpoint: host and port spelled once', () => {
  it('joins with brackets only for IPv6 literals', () => {
    expect(joinHostPort('192.0.2.1', 443)).toBe('192.0.2.1:443');
    expect(joinHostPort('2001:db8::1', 80)).toBe('[2001:db8::1]:80');
    expect(joinHostPort('[2001:db8::1]', 80)).toBe('[2001:db8::1]:80');
    expect(joinHostPort('example.org', '8443')).toBe('example.org:8443');
    expect(urlHost('2001:db8::1')).toBe('[2001:db8::1]');
    expect(urlHost('example.org')).toBe('example.org');
  });

  it('splits what it joins, and says when there is no endpoint', () => {
    for (const [host, port] of [['192.0.2.1', 443], ['2001:db8::1', 80], ['example.org', 5222]] as const) {
      expect(splitHostPort(joinHostPort(host, port))).toEqual({ host, port });
    }
    expect(splitHostPort('2001:db8::1')).toEqual({ host: '2001:db8::1', port: null });
    expect(splitHostPort('[2001:db8::1]')).toEqual({ host: '2001:db8::1', port: null });
    expect(splitHostPort('example.org')).toEqual({ host: 'example.org', port: null });
    expect(splitHostPort('a:b:c:zz')).toEqual({ host: '', port: null });
  });

  it('strips the brackets of a URL hostname, and nothing else', () => {
    expect(bareHost(new URL('http://[2001:db8::1]:8080/').hostname)).toBe('2001:db8::1');
    expect(bareHost('example.org')).toBe('example.org');
    expect(bareHost('[half')).toBe('[half');
  });

  it('knows the default ports and a URL’s own', () => {
    expect(defaultPort('https:')).toBe(443);
    expect(defaultPort('http:')).toBe(80);
    expect(urlPort(new URL('https://example.org/'))).toBe(443);
    expect(urlPort(new URL('http://example.org/'))).toBe(80);
    expect(urlPort(new URL('https://example.org:8443/'))).toBe(8443);
    expect(urlEndpoint(new URL('https://[2001:db8::2]/x'))).toEqual({ host: '2001:db8::2', port: 443 });
  });

  it('tells IP literals (with or without brackets) from names', () => {
    expect(addressFamily('192.0.2.1')).toBe(4);
    expect(addressFamily('[2001:db8::1]')).toBe(6);
    expect(addressFamily('example.org')).toBeNull();
    expect(addressFamily('1.2.3.4.example')).toBeNull();
    expect(isIpLiteral('198.51.100.7')).toBe(true);
    expect(isIpLiteral('999.1.1.1')).toBe(false);
  });
});
