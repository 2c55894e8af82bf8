import { describe, expect, it } from 'vitest';
import { bridgeWay, bridgesFromText, endpointWay, parseBridgeLine } from '../../src/lists/bridges.ts';
import { expandProbe, parseEchoPorts, wayEntryProblems, waysFromEntries } from '../../src/lists/ways.ts';
import { wayEntrySchema } from '../../src/model/check.ts';

const FP = '0123456789ABCDEF0123456789ABCDEF01234567';

describe('bridge lines', () => {
  it('plain, obfs4, IPv6, with and without "Bridge"', () => {
    expect(parseBridgeLine(`192.0.2.5:443 ${FP}`)).toEqual({ transport: null, host: '192.0.2.5', port: 443, fingerprint: FP, params: {} });
    expect(parseBridgeLine(`Bridge obfs4 [2001:db8::5]:3785 ${FP} cert=xyz iat-mode=0`)).toMatchObject({ transport: 'obfs4', host: '2001:db8::5', port: 3785, params: { cert: 'xyz', 'iat-mode': '0' } });
    expect(parseBridgeLine('obfs4 nonsense')).toBeNull();
    expect(parseBridgeLine(`obfs4 192.0.2.5:70000 ${FP}`)).toBeNull();
  });

  it('a plain bridge is checked at its OR port; obfs4 at its port (port only); snowflake at its rendezvous and STUN', () => {
    expect(bridgeWay(`192.0.2.5:443 ${FP}`)?.probes[0]?.check).toBe('tor_or');
    const obfs4 = bridgeWay(`obfs4 192.0.2.5:3785 ${FP} cert=x iat-mode=0`);
    expect(obfs4?.probes[0]?.check).toBe('tcp');
    expect(obfs4?.pluggableTransport).toBe('obfs4');
    expect(obfs4?.title).toBe('Tor through the obfs4 bridge on port 3785');
    const sf = bridgeWay(`snowflake 192.0.2.3:80 ${FP} fingerprint=${FP} url=https://broker.example/ fronts=front1.example,front2.example ice=stun:stun.example:3478,stun:stun2.example:19302 utls-imitate=hellorandomizedalpn`);
    expect(sf?.kind).toBe('snowflake');
    expect(sf?.probes.map((p) => [p.check, p.host, p.port, p.hostHeader ?? null])).toEqual([
      ['rendezvous', 'front1.example', 443, 'broker.example'],
      ['rendezvous', 'front2.example', 443, 'broker.example'],
      ['stun', 'stun.example', 3478, null],
      ['stun', 'stun2.example', 19302, null],
    ]);
  });

  it('private by default: the id is a hash, the title has no address; reveal puts it back', () => {
    const w = bridgeWay(`obfs4 192.0.2.5:3785 ${FP} cert=x`);
    expect(w?.private).toBe(true);
    expect(w?.id).toMatch(/^bridge-[0-9a-f]{8}$/);
    expect(JSON.stringify({ id: w?.id, title: w?.title })).not.toContain('192.0.2.5');
    expect(bridgeWay(`obfs4 192.0.2.5:3785 ${FP} cert=x`, { reveal: true })?.title).toContain('192.0.2.5');
  });

  it('a bridges file: comments and blanks skipped, bad lines numbered', () => {
    const r = bridgesFromText(`# mine\n\nobfs4 192.0.2.5:3785 ${FP} cert=x\nnot a bridge\n192.0.2.6:443 ${FP}\n`);
    expect(r.ways).toHaveLength(2);
    expect(r.bad).toEqual([4]);
  });
});

describe('--endpoint', () => {
  it('schemes map to checks; the title names the port only', () => {
    expect(endpointWay('openvpn://192.0.2.9:1194')?.probes[0]).toMatchObject({ check: 'openvpn', transport: 'udp', port: 1194 });
    expect(endpointWay('openvpn+tcp://192.0.2.9:443')?.probes[0]).toMatchObject({ check: 'openvpn', transport: 'tcp' });
    expect(endpointWay('https://proxy.example/health')?.probes[0]).toMatchObject({ check: 'rendezvous', port: 443, path: '/health', serverName: 'proxy.example' });
    expect(endpointWay('tls://192.0.2.9:8443')?.title).toBe('your TLS endpoint on port 8443');
    expect(endpointWay('gopher://192.0.2.9:70')).toBeNull();
    expect(endpointWay('tcp://192.0.2.9')).toBeNull();
  });
});

describe('list entries', () => {
  it('resolver URLs, ECH pairs per outer name, UDP by default for STUN', () => {
    const doh = expandProbe({ check: 'resolver', endpoints: ['https://cloudflare-dns.com/dns-query#1.1.1.1', 'dot://dns.google#8.8.8.8', 'udp://9.9.9.9'] });
    expect(doh.plans.map((p) => [p.resolver, p.host, p.port, p.serverName ?? null, p.path ?? null])).toEqual([
      ['doh', '1.1.1.1', 443, 'cloudflare-dns.com', '/dns-query'],
      ['dot', '8.8.8.8', 853, 'dns.google', null],
      ['udp', '9.9.9.9', 53, null, null],
    ]);
    const ech = expandProbe({ check: 'ech', endpoints: ['cloudflare-ech.com:443'], outer_names: ['cloudflare-ech.com', 'cloudflare.com'] });
    expect(ech.plans.map((p) => [p.serverName, p.variant])).toEqual([
      ['cloudflare-ech.com', 'control'],
      ['cloudflare-ech.com', 'grease_ech'],
      ['cloudflare.com', 'control'],
      ['cloudflare.com', 'grease_ech'],
    ]);
    expect(expandProbe({ check: 'stun', endpoints: ['stun.example:3478'] }).plans[0]?.transport).toBe('udp');
  });

  it('lint: bad endpoints, ECH without a name, fronting without the broker, echo in a list', () => {
    const entry = wayEntrySchema.parse({
      id: 'x',
      kind: 'snowflake',
      title: 'x',
      probes: [
        { check: 'tor_or', endpoints: ['no-port'] },
        { check: 'ech', endpoints: ['a.example:443'] },
        { check: 'rendezvous', endpoints: ['https://front.example/'], method: 'domain_fronting' },
        { check: 'echo', endpoints: ['192.0.2.1:7'] },
        { check: 'stun', endpoints: ['s.example:3478'], transport: 'tcp' },
      ],
    });
    expect(wayEntryProblems([entry, entry]).map((p) => p.message)).toEqual([
      'tor_or: "no-port" is not host:port',
      'ech: give the outer name(s) (server_name or outer_names)',
      'rendezvous: domain fronting needs host_header (the broker behind the front)',
      "echo: the helper's echo ports come from --echo-ports, not from a list",
      'stun runs over UDP only',
      'duplicate way id "x"',
      'tor_or: "no-port" is not host:port',
      'ech: give the outer name(s) (server_name or outer_names)',
      'rendezvous: domain fronting needs host_header (the broker behind the front)',
      "echo: the helper's echo ports come from --echo-ports, not from a list",
      'stun runs over UDP only',
    ]);
    expect(waysFromEntries([entry]).map((w) => w.probes.length)).toEqual([5]);
  });

  it('--echo-ports', () => {
    expect(parseEchoPorts('tcp:179,3785 udp:3478')).toEqual([
      { transport: 'tcp', port: 179 },
      { transport: 'tcp', port: 3785 },
      { transport: 'udp', port: 3478 },
    ]);
    expect(parseEchoPorts('179')).toBeNull();
    expect(parseEchoPorts('tcp:99999')).toBeNull();
  });
});

describe('tekser lint on a ways section', () => {
  it('a bad way probe is a yaml-schema error at its own line; the shipped list has none', async () => {
    const { parseServices } = await import('../../src/lists/services.ts');
    const { readFileSync } = await import('node:fs');
    const yaml = ['version: 1', 'services:', '  - {id: s, name: S, kind: other, category_code: X, checks: [{id: c, title: c, protocol: tcp, endpoints: ["192.0.2.1:443"]}]}', 'ways:', '  - id: w', '    kind: ech', '    title: ECH', '    probes:', '      - check: ech', '        endpoints: [192.0.2.9:443]'].join('\n');
    const r = parseServices(yaml, 'ways.yaml');
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[9, 'ways.0.probes.0: ech: give the outer name(s) (server_name or outer_names)']]);
    expect(parseServices(readFileSync('test-lists/circumvention.yaml', 'utf8'), 'circumvention.yaml').problems).toEqual([]);
  });
});

describe('planWays', () => {
  it("the user's ways first, bad input named without its address", async () => {
    const { planWays } = await import('../../src/lists/bridges.ts');
    const r = planWays({ listWays: [], bridges: [`obfs4 192.0.2.5:3785 ${FP} cert=x`, 'garbage 192.0.2.77'], bridgeFiles: [{ file: 'b.txt', text: 'also garbage\n' }], endpoints: ['openvpn://192.0.2.9:1194', 'ftp://192.0.2.78:21'], echoWays: [], reveal: false });
    expect(r.plans.map((p) => p.title)).toEqual(['Tor through the obfs4 bridge on port 3785', 'your OpenVPN server (UDP) on port 1194']);
    expect(r.problems).toHaveLength(3);
    expect(r.problems.join(' ')).not.toMatch(/192\.0\.2\.7[78]/);
  });
});
