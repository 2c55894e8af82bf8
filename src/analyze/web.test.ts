import { describe, expect, it } from 'vitest';
import { cert, dns, helperOk, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import { analyzeWeb } from './web.ts';

const H = 'news.example';
const S = `https://${H}/`;
const P = `http://${H}/`;
const IP = '203.0.113.10';
const both = (local: string[], control: string[] = [IP], localFailure: string | null = null) => ({
  local: [dns('udp', H, local, localFailure)],
  control: [dns('doh', H, control)],
});

describe('analyzeWeb: verdicts from recorded observations', () => {
  it('accessible: HTTPS page with a valid certificate', () => {
    const v = analyzeWeb(measurement(S, { dns: both([IP]), tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 200, { tls: tls(IP, H) })] }));
    expect(v).toMatchObject({ status: 'accessible', method: null, dnsConsistency: 'consistent' });
    expect(v.reason).toMatch(/valid certificate/);
  });

  it('accessible: a CDN edge our resolver chose, proven by a valid TLS handshake, is not DNS tampering', () => {
    const edge = '198.51.100.77';
    const v = analyzeWeb(measurement(S, { dns: both([edge]), tcp: [tcp(edge, 443), tcp(IP, 443)], tls: [tls(edge, H), tls(IP, H)], http: [http(S, edge, 200, { tls: tls(edge, H) })] }));
    expect(v).toMatchObject({ status: 'accessible', dnsConsistency: 'consistent' });
  });

  it('dns: a private/reserved answer the control does not give', () => {
    const v = analyzeWeb(measurement(S, { dns: both(['10.10.34.35']), tcp: [tcp('10.10.34.35', 443, 'generic_timeout_error'), tcp(IP, 443)], tls: [tls(IP, H)] }));
    expect(v).toMatchObject({ status: 'blocked', method: 'dns', dnsConsistency: 'inconsistent' });
    expect(v.reason).toContain('10.10.34.35');
  });

  it('dns: NXDOMAIN only from the resolver under test', () => {
    const v = analyzeWeb(measurement(S, { dns: both([], [IP], 'dns_nxdomain_error'), tcp: [tcp(IP, 443)], tls: [tls(IP, H)] }));
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.reason).toMatch(/dns_nxdomain_error/);
  });

  it('dns: a late second reply to one UDP query betrays injection', () => {
    const local = [dns('udp', H, ['198.18.9.9'], null, { lateAnswers: [[{ type: 'A', value: IP, ttl: 60 }]] })];
    const v = analyzeWeb(measurement(S, { dns: { local, control: [dns('doh', H, [IP])] } }));
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.reason).toMatch(/injected/);
  });

  it('dns: the answer leads to a server with a block page (http target, answer not validated)', () => {
    const bp = '198.18.9.9';
    const page = http(P, bp, 200, { body: '<h1>Страница заблокирована</h1>', title: null });
    const v = analyzeWeb(measurement(P, { dns: both([bp]), tcp: [tcp(bp, 80)], tls: [tls(bp, H, 'connection_refused')], http: [page] }));
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.blockpage?.fingerprint).toBe('d_corp_kz_ps');
    expect(v.reason).toMatch(/serves a block page \(d_corp_kz_ps\)/);
  });

  it('tcp_ip: connections fail here but work from the control helper (each endpoint named once, with the attempts)', () => {
    const failed = tcp(IP, 443, 'generic_timeout_error');
    const v = analyzeWeb(measurement(S, { dns: both([IP]), tcp: [failed, failed, failed], helper: { url: 'h', failure: null, response: helperOk([`${IP}:443`]) } }));
    expect(v).toMatchObject({ status: 'blocked', method: 'tcp_ip' });
    expect(v.reason).toBe('IP blocking: connections to 203.0.113.10:443 (3 attempts) fail here (generic_timeout_error) but work from the control helper');
  });

  it('down: connections fail from the control helper too', () => {
    const resp = helperOk([]);
    resp.tcp_connect[`${IP}:443`] = { status: false, failure: 'connection_refused' };
    const v = analyzeWeb(measurement(S, { dns: both([IP]), tcp: [tcp(IP, 443, 'connection_refused')], helper: { url: 'h', failure: null, response: resp } }));
    expect(v).toMatchObject({ status: 'down', method: null });
  });

  it('inconclusive, not blocked: TCP fails and there is no control helper to tell down from blocked', () => {
    const v = analyzeWeb(measurement(S, { dns: both([IP]), tcp: [tcp(IP, 443, 'generic_timeout_error')] }));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/--control-helper/);
  });

  it('no false tcp_ip from a network without IPv6', () => {
    const v6 = '2001:db8::10';
    const v = analyzeWeb(
      measurement(S, { dns: both([IP, v6], [IP, v6]), tcp: [tcp(IP, 443), tcp(v6, 443, 'network_unreachable')], tls: [tls(IP, H)], http: [http(S, IP, 200, { tls: tls(IP, H) })] }),
    );
    expect(v.status).toBe('accessible');
  });

  it('tls: TCP connects, then the handshake is reset, and the same address completes a harmless-SNI handshake', () => {
    const v = analyzeWeb(
      measurement(S, { dns: both([IP]), tcp: [tcp(IP, 443)], tls: [tls(IP, H, 'connection_reset')], sniProbes: [{ kind: 'same-ip-harmless-sni', handshake: tls(IP, 'example.org') }] }),
    );
    expect(v).toMatchObject({ status: 'blocked', method: 'tls', sniProof: 'proven' });
    expect(v.reason).toMatch(/SNI filtering/);
  });

  it('inconclusive, not blocked: a handshake reset with no SNI proof and no control helper (#12: a broken site is never censorship)', () => {
    const v = analyzeWeb(measurement(S, { dns: both([IP]), tcp: [tcp(IP, 443)], tls: [tls(IP, H, 'connection_reset')] }));
    expect(v).toMatchObject({ status: 'inconclusive', method: null });
    expect(v.reason).toMatch(/no harmless-SNI retry was made.*--control-helper/);
  });

  it('mitm: a chain no public root trusts, with its issuer named', () => {
    const chain = [cert(`CN=${H}`, 'C=KZ, CN=Security Certificate'), cert('C=KZ, CN=Security Certificate', 'C=KZ, CN=Qaznet Trust Network')];
    const v = analyzeWeb(measurement(S, { dns: both([IP]), tcp: [tcp(IP, 443)], tls: [tls(IP, H, 'ssl_unknown_authority', chain)] }));
    expect(v).toMatchObject({ status: 'blocked', method: 'mitm', untrustedIssuer: 'C=KZ, CN=Qaznet Trust Network' });
  });

  it('down, not mitm: the control helper sees the same bad certificate', () => {
    const chain = [cert(`CN=${H}`, `CN=${H}`)];
    const v = analyzeWeb(
      measurement(S, { dns: both([IP]), tcp: [tcp(IP, 443)], tls: [tls(IP, H, 'ssl_unknown_authority', chain)], helper: { url: 'h', failure: null, response: helperOk([`${IP}:443`], {}, false) } }),
    );
    expect(v.status).toBe('down');
  });

  it('http-failure: the request is reset after the connection was made, while the control helper loaded the page', () => {
    const v = analyzeWeb(
      measurement(P, {
        dns: both([IP]),
        tcp: [tcp(IP, 80)],
        http: [http(P, IP, null, { failure: 'connection_reset', failedOperation: 'http_round_trip' })],
        helper: { url: 'h', failure: null, response: helperOk([`${IP}:80`]) },
      }),
    );
    expect(v).toMatchObject({ status: 'blocked', method: 'http-failure' });
  });

  it('inconclusive, not http-failure: the request is reset and no control helper fetched the page', () => {
    const v = analyzeWeb(
      measurement(P, { dns: both([IP]), tcp: [tcp(IP, 80)], http: [http(P, IP, null, { failure: 'connection_reset', failedOperation: 'http_round_trip' })] }),
    );
    expect(v).toMatchObject({ status: 'inconclusive', method: null });
    expect(v.reason).toMatch(/broken or overloaded server/);
  });

  it('http-diff: a known Kazakh block page', () => {
    const page = http(P, IP, 200, { body: '<p>Ресурста ақпараттық қауіпсіздікке төнетін қауіп-қатер бар</p>', title: null });
    const v = analyzeWeb(measurement(P, { dns: both([IP]), tcp: [tcp(IP, 80)], http: [page] }));
    expect(v).toMatchObject({ status: 'blocked', method: 'http-diff' });
    expect(v.blockpage?.fingerprint).toMatch(/kz|f_gen_ru_8/);
  });

  it('http-diff: the page differs from what the control helper fetched', () => {
    const page = http(P, IP, 403, { body: 'x'.repeat(120), bodyLength: 120, title: 'Forbidden', headers: { 'content-type': 'text/html' } });
    const v = analyzeWeb(measurement(P, { dns: both([IP]), tcp: [tcp(IP, 80)], http: [page], helper: { url: 'h', failure: null, response: helperOk([`${IP}:80`]) } }));
    expect(v).toMatchObject({ status: 'blocked', method: 'http-diff' });
    expect(v.httpComparison?.samePage).toBe(false);
  });

  it('accessible: the plain-HTTP page matches the control helper', () => {
    const v = analyzeWeb(
      measurement(P, { dns: both([IP]), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { headers: { 'x-site': '1' } })], helper: { url: 'h', failure: null, response: helperOk([`${IP}:80`]) } }),
    );
    expect(v).toMatchObject({ status: 'accessible', method: null });
    expect(v.httpComparison?.samePage).toBe(true);
  });

  it('down: the name does not resolve for the control either', () => {
    const v = analyzeWeb(measurement(S, { dns: { local: [dns('udp', H, [], 'dns_nxdomain_error')], control: [dns('doh', H, [], 'dns_nxdomain_error')] } }));
    expect(v).toMatchObject({ status: 'down', dnsConsistency: 'consistent' });
  });

  it('inconclusive: the control itself is unreachable', () => {
    const v = analyzeWeb(measurement(S, { dns: { local: [dns('udp', H, [], 'generic_timeout_error')], control: [dns('doh', H, [], 'network_unreachable')] } }));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/Control unreachable \(network_unreachable\)/);
  });

  it('inconclusive: the whole-target deadline ran out', () => {
    const v = analyzeWeb(measurement(S, { deadlineExceeded: true, dns: both([IP]) }));
    expect(v.status).toBe('inconclusive');
  });
});
