import { describe, expect, it } from 'vitest';
import { cert, dns, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import type { WebResult } from '../model/run.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import { findFindings } from './findings.ts';
import { analyzeWeb } from './web.ts';

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

  it('allow-list regime (8 January 2022): a few domestic sites work, nearly everything else fails', () => {
    const rs = [works('tengrinews.kz', '198.51.100.1'), works('kaspi.kz', '198.51.100.2'), ...Array.from({ length: 10 }, (_, i) => offline(`site${i}.example`))];
    const f = findFindings(rs);
    expect(f.map((x) => x.kind)).toEqual(['allow-list']);
    expect(f[0]?.title).toBe('Allow-list regime: only 2 of 12 targets are reachable; everything else fails. Reachable: https://tengrinews.kz/, https://kaspi.kz/');
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
    const r = result(measurement('https://x.example/', { dns: { local: [dns('udp', 'x.example', [ip])], control: [dns('doh', 'x.example', [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, 'x.example', 'ssl_unknown_authority', [cert('CN=x.example', 'CN=Corporate Proxy CA')])] }));
    const f = findFindings([r]);
    expect(f.map((x) => x.kind)).toEqual(['suspected-mitm']);
    expect(f[0]?.title).toContain('issuer: CN=Corporate Proxy CA');
  });

  it('throttling: one transfer far slower than the rest is flagged with figures, and stays accessible', () => {
    const fast = Array.from({ length: 4 }, (_, i) => works(`fast${i}.example`, `198.51.100.${i + 1}`, 300_000, 0.01));
    const slow = works('azattyq.example', '198.51.100.9', 300_000, 3);
    const f = findFindings([...fast, slow]);
    expect(f.map((x) => x.kind)).toEqual(['throttling']);
    expect(f[0]?.title).toMatch(/^Possibly throttled: azattyq\.example \(98 KiB\/s\), against a median of 28\.6 MiB\/s for 5 sites/);
    expect(slow.verdict.status).toBe('accessible');
  });

  it('no throttling finding without enough comparable transfers', () => {
    expect(kinds([works('a.example', '198.51.100.1', 300_000, 0.01), works('b.example', '198.51.100.2', 300_000, 3)])).toEqual([]);
  });
});
