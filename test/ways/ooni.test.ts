import { describe, expect, it } from 'vitest';
import { waysToOoni } from '../../src/report/ooni-ways.ts';
import { ooniWays } from '../../src/ingest/ooni-ways.ts';
import { analyzeWays } from '../../src/analyze/ways/index.ts';
import { waysOutFinding } from '../../src/findings/ways-out.ts';
import { FAILURES } from '../../src/model/failure.ts';
import type { WayMeasurement } from '../../src/model/check.ts';

const t = { t0: 0, t: 0.2, detail: null };
const ways: WayMeasurement[] = [
  {
    id: 'tor-dirauths', kind: 'tor', title: 'Tor (its directory authorities)', private: false, pluggableTransport: null,
    probes: [
      { check: 'tor_or', endpoint: '192.0.2.1:443', ip: '192.0.2.1', port: 443, transport: 'tcp', failure: FAILURES.timeout, serverName: null, tlsVersion: null, certificate: null, chainTrusted: null, ...t },
      { check: 'tor_dir', endpoint: '192.0.2.1:80', ip: '192.0.2.1', port: 80, transport: 'tcp', failure: FAILURES.timeout, status: null, bytes: 0, ...t },
    ],
  },
  { id: 'bridge-1a2b3c4d', kind: 'tor_bridge', title: 'Tor through the obfs4 bridge on port 3785', private: true, pluggableTransport: 'obfs4', probes: [{ check: 'tcp', endpoint: 'bridge-1a2b3c4d:3785', ip: '[scrubbed]', port: 3785, transport: 'tcp', failure: null, ...t }] },
  { id: 'sf-stun', kind: 'snowflake', title: 'Snowflake: its STUN servers', private: false, pluggableTransport: null, probes: [{ check: 'stun', endpoint: '192.0.2.3:3478', ip: '192.0.2.3', port: 3478, transport: 'udp', failure: null, mappedFamily: 'ipv4', ...t }] },
  { id: 'doh', kind: 'dns', title: 'DNS over HTTPS to 1.1.1.1', private: false, pluggableTransport: null, probes: [{ check: 'resolver', endpoint: '192.0.2.53:443', ip: '192.0.2.53', port: 443, transport: 'tcp', failure: null, resolver: 'doh', query: 'example.org', rcode: 'NOERROR', answers: ['192.0.2.80'], chainTrusted: true, ...t }] },
  {
    id: 'ech', kind: 'ech', title: 'TLS with ECH', private: false, pluggableTransport: null,
    probes: [
      { check: 'ech', endpoint: '192.0.2.9:443', ip: '192.0.2.9', port: 443, transport: 'tcp', failure: null, variant: 'control', serverName: 'cloudflare-ech.com', reply: 'server_hello', ...t },
      { check: 'ech', endpoint: '192.0.2.9:443', ip: '192.0.2.9', port: 443, transport: 'tcp', failure: FAILURES.reset, variant: 'grease_ech', serverName: 'cloudflare-ech.com', reply: 'none', ...t },
    ],
  },
];

describe('ways in OONI format', () => {
  const out = waysToOoni(ways, analyzeWays(ways));

  it('one tor measurement with the counts Explorer shows; stunreachability, dnscheck and echcheck beside it', () => {
    expect(out.map((m) => m.testName)).toEqual(['tor', 'stunreachability', 'dnscheck', 'echcheck']);
    expect(out[0]?.testKeys).toMatchObject({ or_port_dirauth_total: 1, or_port_dirauth_accessible: 0, dir_port_total: 1, dir_port_accessible: 0 });
    expect(out[1]).toMatchObject({ input: 'stun://192.0.2.3:3478', testKeys: { failure: null } });
    expect(out[3]?.testKeys).toMatchObject({ control: { failure: null }, target: { failure: FAILURES.reset, echconfig: 'GREASE' } });
  });

  it('a private bridge is scrubbed in the export, as ts-023 does', () => {
    expect(JSON.stringify(out)).not.toContain('3785 ');
    const targets = out[0]?.testKeys.targets as Record<string, { target_address: string }>;
    expect(targets['bridge-1a2b3c4d-0']?.target_address).toBe('[scrubbed]');
  });

  it('read back: tor, stunreachability and dnscheck give the same answer', () => {
    const envelope = (m: (typeof out)[number]) => ({ test_name: m.testName, input: m.input, test_keys: m.testKeys });
    const back = out.flatMap((m) => ooniWays(envelope(m)) ?? []);
    const f = waysOutFinding(analyzeWays(back));
    expect(f?.details).toContain('DNS over HTTPS to https://192.0.2.53:443 works: use it to get around DNS blocking');
    expect(analyzeWays(back).find((v) => v.id === 'ooni-tor-dir_port')?.status).toBe('unreachable');
    expect(ooniWays({ test_name: 'web_connectivity', test_keys: {} })).toBeNull();
  });

  it("an OONI tor measurement's obfs4 target that worked is a working bridge (OONI spoke obfs4)", () => {
    const ways = ooniWays({ test_name: 'tor', test_keys: { targets: { abc: { failure: null, target_address: '[scrubbed]', target_protocol: 'obfs4' }, def: { failure: 'generic_timeout_error', target_address: '192.0.2.7:443', target_protocol: 'or_port_dirauth' } } } });
    const v = analyzeWays(ways ?? []);
    expect(v.map((x) => [x.kind, x.status, x.portOnly])).toEqual([['tor_bridge', 'works', false], ['tor', 'unreachable', false]]);
  });
});
