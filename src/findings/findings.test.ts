import { describe, expect, it } from 'vitest';
import { cert, dns, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import type { WebResult } from '../model/run.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import { findFindings } from './index.ts';
import { analyzeWeb } from '../analyze/web.ts';

const result = (m: WebMeasurement): WebResult => ({ target: m.target, verdict: analyzeWeb(m), measurement: m });
const helperSees = (ip: string, port = 443) => ({ url: 'h', failure: null, response: { tcp_connect: { [`${ip}:${port}`]: { status: true, failure: null } }, tls_handshake: {}, http_request: { body_length: 1, failure: null, title: '', headers: {}, status_code: 200 }, dns: { failure: null, addrs: [] } } });

function ipBlocked(host: string, ip: string): WebResult {
  const url = `https://${host}/`;
  return result(measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443, 'connection_refused')], helper: helperSees(ip) }));
}
function works(host: string, ip: string, body = 1000, seconds = 0.05): WebResult {
  const url = `https://${host}/`;
  const page = http(url, ip, 200, { tls: tls(ip, host), bodyLength: body, t0: 0.1, t: 0.1 + seconds });
  return result(measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, host)], http: [page] }));
}
function offline(host: string): WebResult {
  const url = `https://${host}/`;
  return result(measurement(url, { dns: { local: [dns('getaddrinfo', host, [], 'dns_temporary_failure')], control: [dns('doh', host, [], 'network_unreachable')] } }));
}
const kinds = (rs: WebResult[]) => findFindings(rs).map((f) => f.kind);
/** Connections time out and there is no helper: un-targeted failure, inconclusive. */
function unreachable(host: string, ip: string, role?: 'canary'): WebResult {
  const url = `https://${host}/`;
  const m = measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443, 'generic_timeout_error')] });
  return result(role ? { ...m, target: { ...m.target, role } } : m);
}
const canary = (host: string, ip: string): WebResult => unreachable(host, ip, 'canary');
function canaryWorks(host: string, ip: string): WebResult {
  const r = works(host, ip);
  return { ...r, target: { ...r.target, role: 'canary' }, measurement: { ...r.measurement, target: { ...r.target, role: 'canary' } } };
}
function dnsTampered(host: string): WebResult {
  const url = `https://${host}/`;
  return result(measurement(url, { dns: { local: [dns('udp', host, ['10.10.34.35'])], control: [dns('doh', host, ['203.0.113.99'])] }, tcp: [tcp('10.10.34.35', 443, 'connection_refused')] }));
}

describe('findFindings: statements about a whole run', () => {
  it('collateral: sites that fail on the address they share are grouped under that address', () => {
    const shared = '203.0.113.7';
    const rs = [ipBlocked('a.example', shared), ipBlocked('b.example', shared), ipBlocked('c.example', shared), works('d.example', '203.0.113.10'), ipBlocked('e.example', '198.51.100.9')];
    const f = findFindings(rs).filter((x) => x.kind === 'collateral');
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toBe('IP 203.0.113.7 unreachable (connection_refused): 3 tested sites share it: a.example, b.example, c.example');
    expect(f[0]?.details[0]).toMatch(/other addresses in 203\.0\.113\.0\/24 work \(203\.0\.113\.10\): the block is on this host/);
  });

  it('not a finding: two sites that share a CDN address and both work', () => {
    expect(kinds([works('a.example', '198.51.100.5'), works('b.example', '198.51.100.5'), works('c.example', '198.51.100.6')])).toEqual([]);
  });

  it('no connectivity: every target fails and even the control cannot be reached', () => {
    const f = findFindings([offline('a.example'), offline('b.example'), offline('c.example')]);
    expect(f.map((x) => x.kind)).toEqual(['no-connectivity']);
    expect(f[0]?.title).toMatch(/^No connectivity: 3 of 3 targets/);
  });

  it('not a shutdown: one unrelated site down among working ones', () => {
    const down = result(measurement('https://gone.example/', { dns: { local: [dns('udp', 'gone.example', [], 'dns_nxdomain_error')], control: [dns('doh', 'gone.example', [], 'dns_nxdomain_error')] } }));
    expect(kinds([works('a.example', '198.51.100.1'), works('b.example', '198.51.100.2'), down as WebResult])).toEqual([]);
  });

  it('allow-list regime (8 January 2022): the neutral canaries fail un-targeted too, while a few domestic sites work', () => {
    const rs = [works('tengrinews.kz', '198.51.100.1'), works('kaspi.kz', '198.51.100.2'), ...Array.from({ length: 10 }, (_, i) => unreachable(`site${i}.example`, `203.0.113.${40 + i}`))];
    const f = findFindings([...rs, canary('canary-a.example', '192.0.2.70'), canary('canary-b.example', '192.0.2.71')]);
    expect(f.map((x) => x.kind)).toEqual(['allow-list']);
    expect(f[0]?.title).toBe('Allow-list regime: all 2 neutral canary sites fail (generic_timeout_error), the way 10 of 12 targets do, while only 2 work: https://tengrinews.kz/, https://kaspi.kz/');
  });

  it('not an allow-list without canary evidence: the same failures with no canaries in the run', () => {
    const rs = [works('tengrinews.kz', '198.51.100.1'), works('kaspi.kz', '198.51.100.2'), ...Array.from({ length: 10 }, (_, i) => unreachable(`site${i}.example`, `203.0.113.${40 + i}`))];
    expect(kinds(rs)).not.toContain('allow-list');
  });

  it('not an allow-list: a heavily censored list blocked by targeted methods, the canaries loading (#11)', () => {
    const censored = Array.from({ length: 10 }, (_, i) => dnsTampered(`site${i}.example`));
    const rs = [works('tengrinews.kz', '198.51.100.1'), ...censored, canaryWorks('canary-a.example', '192.0.2.70'), canaryWorks('canary-b.example', '192.0.2.71')];
    expect(kinds(rs)).not.toContain('allow-list');
  });

  it('not an allow-list: canaries fail, but the targets fail by targeted methods (DNS injection)', () => {
    const rs = [works('tengrinews.kz', '198.51.100.1'), ...Array.from({ length: 10 }, (_, i) => dnsTampered(`site${i}.example`)), canary('canary-a.example', '192.0.2.70'), canary('canary-b.example', '192.0.2.71')];
    expect(kinds(rs)).not.toContain('allow-list');
  });

  it('SNI filtering proven by the harmless-SNI retry on the same address', () => {
    const ip = '203.0.113.22';
    const m = measurement('https://rfe.example/', {
      dns: { local: [dns('udp', 'rfe.example', [ip])], control: [dns('doh', 'rfe.example', [ip])] },
      tcp: [tcp(ip, 443)],
      tls: [tls(ip, 'rfe.example', 'generic_timeout_error')],
      sniProbes: [
        { kind: 'same-ip-harmless-sni', handshake: tls(ip, 'example.org', 'ssl_invalid_hostname', [cert('CN=rfe.example', 'CN=CA')]) },
        { kind: 'same-ip-no-sni', handshake: tls(ip, null, null) },
      ],
    });
    const r = result(m);
    expect(r.verdict).toMatchObject({ status: 'blocked', method: 'tls', sniProof: 'proven' });
    expect(r.verdict.reason).toMatch(/same address completes one for example\.org/);
    expect(findFindings([r]).map((f) => f.kind)).toEqual(['sni-filtering']);
  });

  it('not proven: the harmless SNI fails on that address too', () => {
    const ip = '203.0.113.22';
    const r = result(
      measurement('https://rfe.example/', {
        dns: { local: [dns('udp', 'rfe.example', [ip])], control: [dns('doh', 'rfe.example', [ip])] },
        tcp: [tcp(ip, 443)],
        tls: [tls(ip, 'rfe.example', 'connection_reset')],
        sniProbes: [{ kind: 'same-ip-harmless-sni', handshake: tls(ip, 'example.org', 'connection_reset') }],
      }),
    );
    expect(r.verdict.sniProof).toBe('not-proven');
    expect(findFindings([r]).some((f) => f.kind === 'sni-filtering')).toBe(false);
  });

  it('state interception: a chain holding the Qaznet root is named by its fingerprint', () => {
    const ip = '203.0.113.30';
    const qaznet = { ...cert('C=KZ, CN=Qaznet Trust Network', 'C=KZ, CN=Qaznet Trust Network'), sha256: '00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2' };
    const chain = [cert('CN=www.facebook.com', 'C=KZ, CN=Security Certificate'), cert('C=KZ, CN=Security Certificate', 'C=KZ, CN=Qaznet Trust Network'), qaznet];
    const r = result(measurement('https://www.facebook.com/', { dns: { local: [dns('udp', 'www.facebook.com', [ip])], control: [dns('doh', 'www.facebook.com', [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, 'www.facebook.com', 'ssl_unknown_authority', chain)] }));
    expect(r.verdict.interceptionCa).toMatchObject({ ca: 'Qaznet Trust Network', country: 'KZ', matchedBy: 'sha256' });
    const f = findFindings([r]);
    expect(f.map((x) => x.kind)).toEqual(['state-mitm']);
    expect(f[0]?.title).toMatch(/known state certificate: "Qaznet Trust Network" \(KZ\)/);
  });

  it('an unknown untrusted issuer is suspected interception, with the issuer shown', () => {
    const ip = '203.0.113.31';
    const r = result(measurement('https://x.example/', { dns: { local: [dns('udp', 'x.example', [ip])], control: [dns('doh', 'x.example', [ip])] }, tcp: [tcp(ip, 443)], tls: [{ ...tls(ip, 'x.example', 'ssl_unknown_authority', [cert('CN=x.example', 'CN=Corporate Proxy CA'), cert('CN=Corporate Proxy CA', 'CN=Corporate Proxy CA')]), chainError: 'SELF_SIGNED_CERT_IN_CHAIN' }] }));
    const f = findFindings([r]);
    expect(f.map((x) => x.kind)).toEqual(['suspected-mitm']);
    expect(f[0]?.title).toContain('issuer: CN=Corporate Proxy CA');
  });

  it('throttling: one transfer far slower than the rest is flagged with figures, and stays accessible', () => {
    const fast = Array.from({ length: 4 }, (_, i) => works(`fast${i}.example`, `198.51.100.${i + 1}`, 300_000, 0.01));
    const slow = works('azattyq.example', '198.51.100.9', 300_000, 3);
    const f = findFindings([...fast, slow]);
    expect(f.map((x) => x.kind)).toEqual(['throttling']);
    expect(f[0]?.title).toBe("Possibly throttled: azattyq.example: 0.10 MiB/s, 300× below this run's median (median 29 MiB/s over 5 transfers)");
    expect(slow.verdict.status).toBe('accessible');
  });

  it('no throttling finding without enough comparable transfers', () => {
    expect(kinds([works('a.example', '198.51.100.1', 300_000, 0.01), works('b.example', '198.51.100.2', 300_000, 3)])).toEqual([]);
  });
});
