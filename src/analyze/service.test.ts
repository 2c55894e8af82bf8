import { describe, expect, it } from 'vitest';
import { cert, dns, tls } from '../../test/fixtures/observations.ts';
import { measure, svc } from '../../test/fixtures/services.ts';
import { analyzeService } from './service.ts';

describe('analyzeService: messenger decisions from recorded observations', () => {
  it('WhatsApp: everything up is accessible', () => {
    expect(analyzeService(measure(svc('whatsapp')))).toMatchObject({ status: 'accessible', method: null });
  });

  it('WhatsApp: port 5222 blocked everywhere is not blocking, since every server answers on 443 (OONI rule)', () => {
    const v = analyzeService(measure(svc('whatsapp'), (_l, port) => (port === 5222 ? { tcp: 'generic_timeout_error' } : {})));
    expect(v.status).toBe('accessible');
    expect(v.checks?.[0]?.endpoints.every((e) => e.status === 'ok' && e.failedPorts.includes(5222))).toBe(true);
    expect(v.reason).toMatch(/port 5222 fails/);
  });

  it('WhatsApp: some chat servers blocked on both ports is partial; web blocked by SNI makes the service partially blocked', () => {
    const v = analyzeService(
      measure(svc('whatsapp'), (label) => (['e1.whatsapp.net', 'e2.whatsapp.net'].includes(label) ? { tcp: 'connection_refused' } : label.includes('web.whatsapp') ? { tls: 'connection_reset' } : {})),
    );
    expect(v.status).toBe('partially blocked');
    expect(v.checks?.map((c) => [c.id, c.status])).toEqual([
      ['endpoints', 'partially blocked'],
      ['registration', 'accessible'],
      ['web', 'blocked'],
    ]);
  });

  it('WhatsApp: all servers, registration and web down on TCP is blocked, method tcp_ip', () => {
    const v = analyzeService(measure(svc('whatsapp'), () => ({ tcp: 'generic_timeout_error' })));
    expect(v).toMatchObject({ status: 'blocked', method: 'tcp_ip' });
  });

  it('Telegram: every data centre unreachable but the web works: partially blocked, and the DCs say tcp_ip', () => {
    const v = analyzeService(measure(svc('telegram'), (label) => (label.startsWith('http://') ? { tcp: 'generic_timeout_error' } : {})));
    expect(v.status).toBe('partially blocked');
    expect(v.checks?.find((c) => c.id === 'datacenters')).toMatchObject({ status: 'blocked', method: 'tcp_ip' });
    expect(v.checks?.find((c) => c.id === 'web')?.status).toBe('accessible');
    expect(v.reason).toMatch(/data centres .*: blocked \(tcp_ip/);
  });

  it('Telegram: only the web client blocked is told apart from IP blocking', () => {
    const v = analyzeService(measure(svc('telegram'), (label) => (label.includes('web.telegram') ? { tls: 'generic_timeout_error' } : {})));
    expect(v.status).toBe('partially blocked');
    expect(v.checks?.find((c) => c.id === 'datacenters')?.status).toBe('accessible');
    expect(v.checks?.find((c) => c.id === 'web')).toMatchObject({ status: 'blocked', method: 'tls' });
  });

  it('Signal: DNS of its hosts tampered (NXDOMAIN here, resolved by the control) is blocked, method dns', () => {
    const v = analyzeService(measure(svc('signal'), () => ({ dns: 'dns_nxdomain_error' })));
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
  });

  it('Signal: a chain its pinned roots do not validate is inconclusive, never blocked (outdated pin or interception)', () => {
    const v = analyzeService(measure(svc('signal'), (label) => (label.startsWith('https://') ? { tls: 'ssl_unknown_authority', chain: [cert('CN=chat.signal.org', 'CN=Someone Else')] } : {})));
    expect(v.status).not.toMatch(/blocked/);
    expect(v.checks?.find((c) => c.id === 'backend')?.status).toBe('inconclusive');
  });

  it('Facebook Messenger: DNS answers outside AS32934 mean DNS blocking', () => {
    const v = analyzeService(measure(svc('facebook-messenger'), () => ({ dns: ['203.0.113.66'] })));
    expect(v.checks?.find((c) => c.id === 'dns')).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.status).toBe('blocked');
  });

  it('Facebook Messenger: answers inside the shipped prefixes and TCP 443 up is accessible', () => {
    const v = analyzeService(measure(svc('facebook-messenger'), () => ({ dns: ['157.240.1.35'] })));
    expect(v.status).toBe('accessible');
  });

  it('Tor: every directory authority unreachable means Tor cannot bootstrap, even if the website loads', () => {
    const v = analyzeService(measure(svc('tor'), (label) => (/^\d/.test(label) ? { tcp: 'generic_timeout_error' } : {})));
    expect(v.status).toBe('partially blocked');
    expect(v.checks?.find((c) => c.id === 'directory-authorities')).toMatchObject({ status: 'blocked', method: 'tcp_ip' });
    expect(v.checks?.find((c) => c.id === 'website')?.status).toBe('accessible');
  });

  it('Tor: six of seven authorities blocked is reported as partial, with the count (one may still let Tor bootstrap)', () => {
    const v = analyzeService(measure(svc('tor'), (label) => (/^\d/.test(label) && !label.startsWith('128.31.0.39') ? { tcp: 'connection_reset' } : {})));
    expect(v.status).toBe('partially blocked');
    expect(v.reason).toContain('directory authorities (TCP to the OR port): 6 of 7 blocked (connection_reset)');
  });

  it('control failing: failures say nothing, the verdict is inconclusive', () => {
    const v = analyzeService(measure(svc('whatsapp'), () => ({ tcp: 'network_unreachable' }), false));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/control resolver is unreachable/);
  });

  it('Signal: a chain under a known state CA is interception (blocked, mitm, named), not a stale pin (#11)', () => {
    const qaznet = { ...cert('C=KZ, CN=Qaznet Trust Network', 'C=KZ, CN=Qaznet Trust Network'), sha256: '00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2' };
    const chain = [cert('CN=chat.signal.org', 'C=KZ, CN=Security Certificate'), cert('C=KZ, CN=Security Certificate', 'C=KZ, CN=Qaznet Trust Network'), qaznet];
    const v = analyzeService(measure(svc('signal'), (label) => (label.startsWith('https://') ? { tls: 'ssl_unknown_authority', chain } : {})));
    expect(v.status).toMatch(/blocked/);
    expect(v.method).toBe('mitm');
    expect(v.interceptionCa).toMatchObject({ ca: 'Qaznet Trust Network', country: 'KZ' });
    expect(v.reason).toMatch(/known interception CA, not a stale pin/);
  });

  it('a known interception CA is named even when the control is unreachable (the control is intercepted too)', () => {
    const chain = [cert('CN=chat.signal.org', 'C=KZ, CN=Qaznet Trust Network')];
    const v = analyzeService(measure(svc('signal'), (label) => (label.startsWith('https://') ? { dns: ['157.240.1.35'], tls: 'ssl_unknown_authority', chain } : { dns: ['157.240.1.35'] }), false));
    expect(v).toMatchObject({ method: 'mitm', interceptionCa: { ca: 'Qaznet Trust Network' } });
  });

  it('no network at all: no check says blocked, in the reason or in the JSON (#11)', () => {
    const v = analyzeService(measure(svc('telegram'), () => ({ tcp: 'network_unreachable' }), false));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).not.toMatch(/blocked/);
    expect(JSON.stringify(v.checks)).not.toMatch(/"blocked"|"partially blocked"/);
    expect(v.evidence.join('\n')).not.toMatch(/: blocked/);
  });

  it('an expired certificate on a non-pinned check is inconclusive, not interception (#12)', () => {
    const v = analyzeService(measure(svc('whatsapp'), (label) => (label.startsWith('https://') ? { tls: 'ssl_invalid_certificate', chain: [cert('CN=web.whatsapp.com', 'CN=Public CA')] } : {})));
    expect(v.method).not.toBe('mitm');
    expect(JSON.stringify(v.checks)).not.toMatch(/"mitm"/);
  });

  it('an intercepted control (the run\'s control check) is named as untrustworthy, not "unreachable" (#11)', () => {
    const controlTls = { ...tls('198.51.100.53', 'dns.example', 'ssl_unknown_authority', [cert('CN=dns.example', 'CN=Corp Proxy'), cert('CN=Corp Proxy', 'CN=Corp Proxy')]), chainError: 'SELF_SIGNED_CERT_IN_CHAIN' };
    const check = [dns('doh', 'example.org', [], 'ssl_unknown_authority', { tls: controlTls })];
    const v = analyzeService(measure(svc('whatsapp'), () => ({ tcp: 'generic_timeout_error' }), false), svc('whatsapp'), undefined, check);
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/control resolver's own TLS connection is intercepted by a certificate issued by "CN=Corp Proxy"/);
    expect(v.reason).not.toMatch(/unreachable/);
  });
});
