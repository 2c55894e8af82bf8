import { describe, expect, it } from 'vitest';
import { analyzeWay, analyzeWays } from '../../src/analyze/ways/index.ts';
import { waysOutFinding } from '../../src/findings/ways-out.ts';
import { FAILURES } from '../../src/model/failure.ts';
import type { WayProbe } from '../../src/model/check.ts';
import { base, tcp, echo, ech, doh, tls, rendezvous, stun, way, port } from '../fixtures/ways.ts';

describe('way verdicts', () => {
  it('signature pair: only the WireGuard-shaped packet lost → blocked by signature, proven', () => {
    const v = analyzeWay(way('wg', 'signature', 'WireGuard on UDP 51820', [echo('wireguard', FAILURES.timeout), echo('random', null)]));
    expect(v.status).toBe('blocked');
    expect(v.how).toBe('by its packet signature');
    expect(v.rule).toBe('signature-pair');
    expect(v.evidence).toHaveLength(2);
  });

  it('signature pair: both lost is the port, not the protocol (unreachable, never blocked)', () => {
    const v = analyzeWay(way('wg', 'signature', 'WireGuard on UDP 51820', [echo('wireguard', FAILURES.timeout), echo('random', FAILURES.timeout)]));
    expect(v.status).toBe('unreachable');
    expect(v.reason).toMatch(/the port is closed to us, not the protocol/);
  });

  it('ECH pair: only the ECH ClientHello fails → blocked; the control failing says nothing of ECH', () => {
    expect(analyzeWay(way('ech', 'ech', 'TLS with ECH to cloudflare-ech.com', [ech('control', null), ech('grease_ech', FAILURES.reset)])).how).toBe('ClientHellos with ECH are dropped');
    expect(analyzeWay(way('ech', 'ech', 'ECH', [ech('control', null), ech('grease_ech', null)])).status).toBe('works');
    expect(analyzeWay(way('ech', 'ech', 'ECH', [ech('control', FAILURES.timeout), ech('grease_ech', FAILURES.timeout)])).status).toBe('unreachable');
  });

  it('SNI pair: the front fails, another name at the same address completes → blocked by SNI; the control alone never makes it "works"', () => {
    const blocked = analyzeWay(way('sf-front', 'snowflake', "Snowflake's CDN front", [rendezvous(FAILURES.reset, null), tls('harmless.example', null, 'control')]));
    expect(blocked.status).toBe('blocked');
    expect(blocked.how).toBe('by SNI');
    const notFront = analyzeWay(way('sf-front', 'snowflake', "Snowflake's CDN front", [rendezvous(FAILURES.unexpectedAnswer, 'TLSv1.3'), tls('harmless.example', null, 'control')]));
    expect(notFront.status).not.toBe('works');
  });

  it('one answer is enough for works; no answer is unreachable (never blocked without a pair)', () => {
    expect(analyzeWay(way('doh', 'dns', 'DNS over HTTPS to 1.1.1.1', [doh(null)])).reason).toBe('DNS over HTTPS to 1.1.1.1 works: use it to get around DNS blocking');
    const silent = analyzeWay(way('doh', 'dns', 'DNS over HTTPS to 1.1.1.1', [doh(FAILURES.timeout)]));
    expect(silent.status).toBe('unreachable');
    expect(silent.how).toBeNull();
  });

  it('a bridge with a pluggable transport: reachable, with "necessary, not sufficient"', () => {
    const v = analyzeWay(way('b', 'tor_bridge', 'Tor through the bridge on port 3785', [tcp(3785, null)], 'obfs4'));
    expect(v.reason).toBe("Tor through the bridge on port 3785: reachable; a reachable port is necessary, not sufficient: obfs4's own handshake was not tried");
    expect(v.portOnly).toBe(true);
  });

  it('not dialled (a private address in a list) is inconclusive; a wrong answer is inconclusive', () => {
    expect(analyzeWay(way('x', 'tor', 'Tor', [tcp(443, FAILURES.notDialled)])).status).toBe('inconclusive');
    expect(analyzeWay(way('x', 'dns', 'DNS over TLS', [doh(FAILURES.unexpectedAnswer)])).status).toBe('inconclusive');
  });
});

describe('the "what still works" finding', () => {
  it('a shutdown with holes: the open ports in one sentence, and what does not', () => {
    const f = waysOutFinding(analyzeWays([port(179, null), port(3785, null), port(5060, null), port(3478, null, 'udp'), port(443, FAILURES.timeout)]));
    expect(f?.kind).toBe('ways-out');
    expect(f?.title).toBe('What still works: TCP 179, 3785 and 5060 and UDP 3478 reach outside; TCP 443 does not.');
  });

  it('everything dropped: "nothing tried reaches outside" in one line, and where to get bridges', () => {
    const f = waysOutFinding(analyzeWays([port(443, FAILURES.timeout), way('tor', 'tor', 'Tor directory authorities', [tcp(9201, FAILURES.timeout)]), way('doh', 'dns', 'DNS over HTTPS to 1.1.1.1', [doh(FAILURES.timeout)])]));
    expect(f?.title).toBe('Nothing tried reaches outside: none of 3 way(s) out answered.');
    expect(f?.details.join('\n')).toMatch(/bridges\.torproject\.org/);
  });

  it('Snowflake: the AMP cache and STUN answer, the CDN front blocked by SNI; DoH works; WireGuard blocked by signature', () => {
    const f = waysOutFinding(
      analyzeWays([
        way('sf-front', 'snowflake', "Snowflake's CDN front", [rendezvous(FAILURES.reset, null), tls('harmless.example', null, 'control')]),
        way('sf-amp', 'snowflake', "Snowflake's AMP-cache rendezvous", [{ ...(rendezvous(null, 'TLSv1.3') as object), method: 'amp_cache' } as WayProbe]),
        way('sf-stun', 'snowflake', "Snowflake's STUN servers", [stun(null)]),
        way('doh', 'dns', 'DNS over HTTPS to 1.1.1.1', [doh(null)]),
        way('wg', 'signature', 'WireGuard on UDP 51820', [echo('wireguard', FAILURES.timeout), echo('random', null)]),
      ]),
    );
    expect(f?.details).toContain("Snowflake: AMP-cache rendezvous and STUN servers answer; CDN front is blocked by SNI (the WebRTC path to the proxies themselves was not tried)");
    expect(f?.details).toContain('DNS over HTTPS to 1.1.1.1 works: use it to get around DNS blocking');
    expect(f?.details.some((d) => d.startsWith('Blocked: WireGuard on UDP 51820: blocked by its packet signature'))).toBe(true);
  });

  it('no way tried: no finding', () => {
    expect(waysOutFinding([])).toBeNull();
  });
});

describe('a network that answers connections itself', () => {
  it('a relay address that completes TLS without a relay certificate makes port-only answers inconclusive', () => {
    const notRelay: WayProbe = { check: 'tor_or', ...base, endpoint: '192.0.2.1:443', port: 443, failure: FAILURES.unexpectedAnswer, detail: "TLS completed, but with a certificate that is not a Tor relay's (CN=tproxy): something else answered", serverName: null, tlsVersion: 'TLSv1.3', certificate: { sha256: 'ab', subject: 'CN=tproxy', issuer: 'CN=tproxy-ca' }, chainTrusted: null };
    const vs = analyzeWays([way('tor', 'tor', 'Tor', [notRelay]), way('b', 'tor_bridge', 'Tor through the obfs4 bridge on port 3785', [tcp(3785, null)], 'obfs4'), way('doh', 'dns', 'DNS over HTTPS to 1.1.1.1', [doh(null)])]);
    expect(vs.map((v) => [v.rule, v.status])).toEqual([['no-answer', 'inconclusive'], ['transparent-proxy', 'inconclusive'], ['answered', 'works']]);
    expect(vs[1]?.reason).toMatch(/this network answers connections itself \(192\.0\.2\.1:443: TLS completed/);
  });
});

describe('the finding when nothing could be tried', () => {
  it('says so, never "nothing tried works"', () => {
    const f = waysOutFinding(analyzeWays([way('x', 'proxy', 'your TCP endpoint on port 9', [tcp(9, FAILURES.notDialled)])]));
    expect(f?.title).toBe('No way out could be tried (1 named): nothing to say about what works here.');
  });
});
