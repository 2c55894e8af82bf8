import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const FP = '0123456789ABCDEF0123456789ABCDEF01234567';
/** A run that reaches nothing (loopback control, a closed port), so it ends fast and offline. */
const OFFLINE = ['--no-save', '--control-resolver', 'https://127.0.0.1:1/dns-query', '--way-timeout', '1', '--target-timeout', '2', '--retries', '0', 'http://127.0.0.1:1/'];

describe('tekser run: what still works', () => {
  it('the ways-out finding comes first, the ways are in the document, private addresses nowhere', async () => {
    const dir = tempDir('ways-cli');
    const bridges = join(dir, 'bridges.txt');
    writeFileSync(bridges, `# mine\nobfs4 10.9.8.7:3785 ${FP} cert=abc iat-mode=0\n`);
    const r = await runInMemory(['run', '--format', 'json', '--endpoint', 'openvpn://10.1.2.3:1194', '--bridge', `192.168.77.5:443 ${FP}`, '--bridges', bridges, ...OFFLINE]);
    const doc = JSON.parse(r.out) as { findings: Array<{ kind: string; title: string }>; ways: { ways: Array<{ private: boolean; title: string }>; verdicts: unknown[] } };
    expect(doc.findings[0]?.kind).toBe('ways-out');
    expect(doc.ways.ways.map((w) => [w.title, w.private])).toEqual([
      ['Tor through the bridge on port 443', true],
      ['Tor through the obfs4 bridge on port 3785', true],
      ['your OpenVPN server (UDP) on port 1194', true],
    ]);
    expect(doc.ways.verdicts).toHaveLength(3);
    for (const secret of ['10.9.8.7', '10.1.2.3', '192.168.77.5']) expect(r.out + r.err).not.toContain(secret);
  }, 30_000);

  it('--reveal-private keeps them in clear (the user asked)', async () => {
    const r = await runInMemory(['run', '--format', 'json', '--reveal-private', '--endpoint', 'tcp://10.1.2.3:9', ...OFFLINE]);
    expect(r.out).toContain('10.1.2.3');
  }, 30_000);

  it('bad input: one line each, without the address; --echo-ports needs a helper', async () => {
    const bad = await runInMemory(['run', '--bridge', 'obfs4 10.4.4.4', ...OFFLINE]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--bridge #1 is not a bridge line/);
    expect(bad.err).not.toContain('10.4.4.4');
    const echo = await runInMemory(['run', '--echo-ports', 'tcp:179', ...OFFLINE]);
    expect(echo.code).toBe(2);
    expect(echo.err).toMatch(/--echo-ports needs --control-helper/);
  }, 30_000);

  it('a table run shows the answer at the top', async () => {
    const r = await runInMemory(['run', '--endpoint', 'tcp://10.1.2.3:9', ...OFFLINE]);
    const findings = r.out.split('Findings\n')[1] ?? '';
    expect(findings.split('\n')[0]).toMatch(/^> No way out could be tried \(1 named\)/);
  }, 30_000);
});

describe('tekser helper --echo-ports', () => {
  it('a bad port list is a usage error', async () => {
    const r = await runInMemory(['helper', '--listen', '127.0.0.1:0', '--echo-ports', 'tcp:99999']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--echo-ports tcp:99999: expected ports like tcp:179,3785 udp:3478/);
  });
});

describe('tekser export --ooni: the ways as OONI nettests', () => {
  it("a stored run's bridge comes out as OONI's tor measurement, scrubbed", async () => {
    const dataDir = tempDir('ways-export');
    const offline = OFFLINE.filter((a) => a !== '--no-save');
    const run = await runInMemory(['run', '--data-dir', dataDir, '--format', 'json', '--bridge', `obfs4 10.9.8.7:3785 ${FP} cert=abc`, '--endpoint', 'stun://10.1.2.3:3478', ...offline]);
    expect([0, 3]).toContain(run.code);
    const out = await runInMemory(['export', '--ooni', 'last', '--data-dir', dataDir]);
    const lines = out.out.trim().split('\n').map((l) => JSON.parse(l) as { test_name: string; input: string | null; test_keys: Record<string, unknown> });
    expect(lines.map((l) => l.test_name)).toEqual(['tor', 'stunreachability', 'web_connectivity']);
    const targets = Object.values(lines[0]?.test_keys.targets as Record<string, { target_address: string; target_protocol: string }>);
    expect(targets.map((t) => [t.target_address, t.target_protocol])).toEqual([['[scrubbed]', 'tcp']]);
    expect(out.out).not.toContain('10.9.8.7');
    expect(out.out).not.toContain('10.1.2.3');
  }, 30_000);
});

describe('tekser analyze: OONI circumvention nettests say what worked', () => {
  it("OONI's tor, stunreachability and dnscheck become the ways-out finding", async () => {
    const dir = tempDir('ways-analyze');
    const file = join(dir, 'ooni.jsonl');
    const m = (test_name: string, input: string | null, test_keys: object) => JSON.stringify({ test_name, input, probe_cc: 'KZ', probe_asn: 'AS9198', test_keys });
    writeFileSync(
      file,
      [
        m('tor', null, { targets: { a: { failure: 'generic_timeout_error', target_address: '192.0.2.1:443', target_protocol: 'or_port_dirauth' }, b: { failure: null, target_address: '[scrubbed]', target_protocol: 'obfs4' } } }),
        m('stunreachability', 'stun://192.0.2.3:3478', { endpoint: '192.0.2.3:3478', failure: null }),
        m('dnscheck', 'https://192.0.2.53/dns-query', { domain: 'example.org', lookups: { '192.0.2.53': { failure: null, answers: [{ answer_type: 'A', ipv4: '192.0.2.80' }] } } }),
      ].join('\n') + '\n',
    );
    const r = await runInMemory(['analyze', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { findings: Array<{ kind: string; title: string; details: string[] }> };
    const f = doc.findings.find((x) => x.kind === 'ways-out');
    expect(f?.details).toContain('Tor through obfs4 bridges: reachable');
    expect(f?.details).toContain('DNS over HTTPS to https://192.0.2.53/dns-query works: use it to get around DNS blocking');
    expect(f?.details.join('\n')).toMatch(/No answer from here .*Tor \(its directory authorities' OR ports\)/);
    expect(r.err).not.toMatch(/Skipped/);
  }, 30_000);
});
