import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cert, dns, helperOk, http, measurement, tcp, tls } from '../../../test/fixtures/observations.ts';
import { both, deadHelper, H, handshake, helper, IP, P, S, tlsFails } from '../../../test/fixtures/web-rules.ts';
import type { WebMeasurement } from '../../model/measurement.ts';
import type { TlsHandshakeObservation } from '../../model/observation.ts';
import { certFailureOf } from '../certificate.ts';
import { analyzeWeb, decidingRule, WEB_RULES } from './index.ts';

/** Plain model data in, verdict out: one block per rule file, in the documented order. */


describe('WEB_RULES: the documented order', () => {
  it('is exported in order, each rule with an id and a description (docs print it)', () => {
    expect(WEB_RULES.map((r) => r.id)).toEqual(['deadline', 'dns', 'page-loaded', 'probe-failure', 'control-unavailable', 'name-resolution', 'down', 'tcp-ip', 'tls-interception', 'tls-sni', 'http-failure', 'inconclusive']);
    for (const r of WEB_RULES) expect(r.description.length).toBeGreaterThan(40);
  });

  it('the README states the same order', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme.replace(/\s+/g, ' ')).toContain(WEB_RULES.map((r) => r.id).join(' → '));
  });
});

describe('certFailureOf: the exact certificate failure class', () => {
  it('uses the measurement\'s certFailure first, else OpenSSL\'s code, else the name check', () => {
    expect(certFailureOf({ ...handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), certFailure: 'untrusted_root' })).toBe('untrusted_root');
    expect(certFailureOf(handshake('ssl_invalid_certificate', 'CERT_HAS_EXPIRED'))).toBe('expired');
    expect(certFailureOf(handshake('ssl_invalid_certificate', 'CERT_NOT_YET_VALID'))).toBe('not_yet_valid');
    expect(certFailureOf(handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN'))).toBe('untrusted_root');
    expect(certFailureOf(handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT'))).toBe('incomplete_chain');
    expect(certFailureOf(handshake('ssl_unknown_authority', 'DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('self_signed');
    expect(certFailureOf(handshake('ssl_invalid_hostname', null))).toBe('wrong_name');
    expect(certFailureOf(handshake('ssl_failed_handshake', 'ERR_SSL_UNSUPPORTED_PROTOCOL'))).toBe('weak_or_unsupported_protocol');
    expect(certFailureOf(handshake('connection_reset', null))).toBeNull();
  });
});

describe('rule 1 deadline', () => {
  it('a deadline-cut measurement is inconclusive before anything else', () => {
    expect(decidingRule(measurement(S, { deadlineExceeded: true, dns: both(['10.0.0.1']) }))).toBe('deadline');
  });
});

describe('rule 2 dns', () => {
  it('decides before any later failure (whatever happened next happened at the wrong address)', () => {
    const m = measurement(S, { dns: both(['10.10.34.35']), tcp: [tcp('10.10.34.35', 443, 'connection_refused')] });
    expect(decidingRule(m)).toBe('dns');
  });

  it('an answer the control does not give, at a server with an expired certificate, is not DNS tampering (#12); a wrong name is', () => {
    const other = '157.240.1.40'; // not a documentation range: those are bogons, which is DNS tampering by itself
    const expired = { ...handshake('ssl_invalid_certificate', 'CERT_HAS_EXPIRED'), ip: other };
    expect(analyzeWeb(measurement(S, { dns: both([other], [IP]), tcp: [tcp(other, 443)], tls: [expired] })).method).not.toBe('dns');
    const wrongName = { ...handshake('ssl_invalid_hostname', 'ERR_TLS_CERT_ALTNAME_INVALID'), ip: other };
    expect(analyzeWeb(measurement(S, { dns: both([other], [IP]), tcp: [tcp(other, 443)], tls: [wrongName] }))).toMatchObject({ status: 'blocked', method: 'dns' });
  });
});

describe('rule 3 page-loaded', () => {
  it('a page over HTTPS with a valid chain is accessible even when the control was intercepted', () => {
    const control = dns('doh', H, [], 'ssl_unknown_authority', { tls: handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN') });
    const v = analyzeWeb(measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [control] }, tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 200, { tls: tls(IP, H) })] }));
    expect(v.status).toBe('accessible');
  });
});

describe('rule 4 control-unavailable', () => {
  it('with a dead helper too, the reason says the helper failed, not "without a control helper"', () => {
    const v = analyzeWeb(measurement(S, { dns: { local: [dns('udp', H, [], 'generic_timeout_error')], control: [dns('doh', H, [], 'network_unreachable')] }, helper: deadHelper }));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/the control helper http:\/\/127\.0\.0\.1:1\/ failed too \(connection_refused\)/);
  });
});

describe('rule 5 name-resolution', () => {
  it('gone for the control too is down', () => {
    const v = analyzeWeb(measurement(S, { dns: { local: [dns('udp', H, [], 'dns_nxdomain_error')], control: [dns('doh', H, [], 'dns_nxdomain_error')] } }));
    expect(v.status).toBe('down');
  });
  it('a name both resolvers point at this machine is down (never dialled), but only the control agreeing makes it so', () => {
    const lo = { ip: '127.0.0.1', sources: ['local' as const, 'control' as const], skipped: 'loopback' as const };
    const v = analyzeWeb(measurement(S, { dns: both(['127.0.0.1'], ['127.0.0.1']), addresses: [lo] }));
    expect(v).toMatchObject({ status: 'down', method: null });
    expect(v.reason).toMatch(/this machine's own address \(127\.0\.0\.1\) for the control resolver too/);
    // Our resolver alone saying 127.0.0.1 is DNS tampering, not a dead site.
    const hijack = analyzeWeb(measurement(S, { dns: both(['127.0.0.1'], [IP]), addresses: [{ ...lo, sources: ['local'] }] }));
    expect(hijack.status).not.toBe('down');
  });
  it('a redirect to a name our resolver cannot resolve names that lookup', () => {
    const hop = { ...http(S, IP, 301), headers: { location: 'https://gone.example/' } };
    const v = analyzeWeb(measurement(S, { dns: both(), tcp: [tcp(IP, 443)], tls: [tls(IP, H, null, [cert(`CN=${H}`, 'CN=Some CA')])], http: [hop], redirectDns: [dns('udp', 'gone.example', [], 'dns_nxdomain_error')] }));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/redirects to gone\.example, which your resolver could not resolve \(dns_nxdomain_error\)/);
  });
});

describe('rule 6 down', () => {
  it('an untrusted certificate the control helper sees too is the site\'s fault (down), not interception', () => {
    const m = tlsFails(handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN'), { helper: helper(helperOk([`${IP}:443`], { failure: 'ssl_unknown_authority', status_code: -1 }, false)) });
    expect(analyzeWeb(m)).toMatchObject({ status: 'down', method: null });
    expect(analyzeWeb(m).reason).toMatch(/a chain to a root that no trusted store holds .*the site's own fault/);
  });

  it('a failed request that fails from the helper too is down', () => {
    const m = measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, null, { failure: 'eof_error', failedOperation: 'http_round_trip' })], helper: helper(helperOk([`${IP}:80`], { failure: 'eof_error', status_code: -1 })) });
    expect(analyzeWeb(m).status).toBe('down');
  });

  it('stands down for a known interception CA in our chain: the helper failing too does not hide a state CA', () => {
    const m = tlsFails(handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', [cert(`CN=${H}`, 'C=KZ, CN=Qaznet Trust Network')]), { helper: helper(helperOk([`${IP}:443`], {}, false)) });
    expect(analyzeWeb(m)).toMatchObject({ status: 'blocked', method: 'mitm', interceptionCa: { ca: 'Qaznet Trust Network' } });
  });
});

describe('rule 7 tcp-ip', () => {
  it('a dead helper: the reason says it failed and why, never "without a control helper (--control-helper)" (#11)', () => {
    const v = analyzeWeb(measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], helper: { ...deadHelper, attempts: [{ url: 'http://127.0.0.1:1/', failure: 'connection_refused', t0: 0, t: 0.01 }, { url: 'http://127.0.0.1:2/', failure: 'connection_refused', t0: 0, t: 0.02 }] } }));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).not.toMatch(/--control-helper/);
    expect(v.reason).toMatch(/the control helper http:\/\/127\.0\.0\.1:1\/ failed \(connection_refused \(2 helpers tried.*so nothing outside this network checked this target and tekser cannot tell IP blocking from a site that is down/);
  });
});

describe('rule 8 tls-interception (#12: a broken certificate is not interception)', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['expired leaf (root added with --ca-file)', 'ssl_invalid_certificate', 'CERT_HAS_EXPIRED', /an expired certificate \(CERT_HAS_EXPIRED, ssl_invalid_certificate\)/],
    ['not yet valid', 'ssl_invalid_certificate', 'CERT_NOT_YET_VALID', /not valid yet/],
    ['wrong name', 'ssl_invalid_hostname', 'ERR_TLS_CERT_ALTNAME_INVALID', /a certificate for another name/],
    ['200-deep chain missing an issuer', 'ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT', /an incomplete chain/],
    ['self-signed leaf', 'ssl_unknown_authority', 'DEPTH_ZERO_SELF_SIGNED_CERT', /a self-signed certificate/],
  ];
  for (const [name, failure, code, words] of cases) {
    it(`${name}: inconclusive, naming the class`, () => {
      const v = analyzeWeb(tlsFails(handshake(failure, code)));
      expect(v).toMatchObject({ status: 'inconclusive', method: null, interceptionCa: null });
      expect(v.reason).toMatch(words);
      expect(v.reason).not.toMatch(/no public root trusts/);
    });
  }

  it('a chain to an untrusted root is evidence on its own: blocked (mitm, suspected), issuer named', () => {
    const chain = [cert(`CN=${H}`, 'CN=Middlebox CA'), cert('CN=Middlebox CA', 'CN=Middlebox CA')];
    const v = analyzeWeb(tlsFails(handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN', chain)));
    expect(v).toMatchObject({ status: 'blocked', method: 'mitm', untrustedIssuer: 'CN=Middlebox CA' });
    expect(v.reason).toMatch(/^TLS interception suspected/);
  });

  it('an incomplete chain where the control helper completes a valid handshake: blocked (mitm)', () => {
    const v = analyzeWeb(tlsFails(handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), { helper: helper() }));
    expect(v).toMatchObject({ status: 'blocked', method: 'mitm' });
    expect(v.reason).toMatch(/while the control helper/);
  });

  it('the fetch\'s own handshake failing on an expired certificate is classified the same way', () => {
    const t = handshake('ssl_invalid_certificate', 'CERT_HAS_EXPIRED');
    const v = analyzeWeb(measurement(S, { dns: both(), tcp: [tcp(IP, 443)], http: [http(S, IP, null, { failure: 'ssl_invalid_certificate', failedOperation: 'tls_handshake', tls: t })] }));
    expect(v).toMatchObject({ status: 'inconclusive', method: null });
    expect(v.reason).toMatch(/expired/);
  });
});

describe('rule 9 tls-sni', () => {
  it('no SNI sent (an IP-literal URL): never "typical of SNI filtering"', () => {
    const url = `https://${IP}/`;
    const v = analyzeWeb(measurement(url, { tcp: [tcp(IP, 443)], tls: [{ ...tls(IP, null, 'ssl_failed_handshake'), certFailure: 'other' }] }));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/no SNI was sent/);
    expect(v.reason).not.toMatch(/typical of SNI/);
  });

  it('a TLS 1.0-only server: inconclusive, the protocol named, and a harmless SNI fails there too', () => {
    const failing = { ...tls(IP, H, 'ssl_failed_handshake'), chainError: null, certFailure: 'weak_or_unsupported_protocol' as const };
    const v = analyzeWeb(tlsFails(failing, { sniProbes: [{ kind: 'same-ip-harmless-sni', handshake: tls(IP, 'example.org', 'ssl_failed_handshake') }] }));
    expect(v).toMatchObject({ status: 'inconclusive', sniProof: 'not-proven' });
    expect(v.reason).toMatch(/no TLS protocol version or cipher this client accepts.*a harmless name fails on that address too/);
  });

  it('the control helper completes the handshake: blocked (tls) without the SNI proof', () => {
    const v = analyzeWeb(tlsFails(tls(IP, H, 'connection_reset'), { helper: helper() }));
    expect(v).toMatchObject({ status: 'blocked', method: 'tls' });
  });
});

describe('rule 10 http-failure (#12: trickled bodies, malformed status, bad chunks, silent servers)', () => {
  for (const failure of ['generic_timeout_error', 'unknown_failure: malformed status line', 'eof_error']) {
    it(`${failure} with no helper: inconclusive`, () => {
      const v = analyzeWeb(measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, null, { failure, failedOperation: 'http_round_trip' })] }));
      expect(v.status).toBe('inconclusive');
    });
  }
});

describe('rule 11 inconclusive', () => {
  it('a redirect chain without a page', () => {
    const v = analyzeWeb(measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 302)] }));
    expect(v.reason).toMatch(/did not end in a page/);
  });
});
