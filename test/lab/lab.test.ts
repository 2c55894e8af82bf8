import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDocumentSchema, type RunDocument, type WebResultJson } from '../../src/model/run.ts';
import { runCli } from '../../src/cli/main.ts';
import { memoryIO } from '../../src/cli/io.ts';
import { checkOoniMeasurement } from '../ooni-schema.ts';
// @ts-expect-error plain JavaScript, also run by `npm run lab`
import { leftovers, startLab } from './lab.mjs';
import { skipLab, skipNote, unavailable } from './gate.ts';
import { WRITE_GOLDEN, writeGolden } from './golden.ts';
// The issue-11 scenarios run in this file's worker, one lab after another: two labs at once on a
// busy machine make transfer rates too noisy for the throttling findings.
import './issue11.lab.ts';
import './issue21.lab.ts';
// Issue 20: throttling and stalls proven by name, the site's own refusals, a control that answers HTML.
import './issue20.lab.ts';
// Issue 23: three probes on three networks, one fleet database.
import './fleet.lab.ts';
// @ts-expect-error plain JavaScript, shared with the lab processes
import { SITES } from './scenarios.mjs';

interface Lab {
  prefix: string;
  runArgs: string[];
  listFile: string;
  messengersFile: string;
  iptables(...args: string[]): string;
  setDnsOverrides(o: Record<string, unknown>): void;
  tekser(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  pids(): number[];
  stop(): Promise<void>;
}
interface Site {
  name: string;
  scheme: string;
  expect: [string, string | null];
  mirrors: string;
}


function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function runInLab(lab: Lab, expectedCode = 0, extra: string[] = []): Promise<RunDocument> {
  const r = await lab.tekser(['run', ...lab.runArgs, ...extra, '--format', 'json']);
  if (r.code !== expectedCode) throw new Error(`tekser exited ${r.code}, expected ${expectedCode}: ${r.stderr}`);
  return runDocumentSchema.parse(JSON.parse(r.stdout));
}

// The acceptance suite: the real CLI, built, inside a client namespace behind a censoring router.
describe.skipIf(skipLab)(`network lab: a censoring ISP between tekser and a small internet${skipNote}`, () => {
  let lab: Lab | null = null;
  let doc: RunDocument | null = null;
  let prefix = '';
  let pids: number[] = [];

  beforeAll(async () => {
    if (unavailable) return;
    lab = (await startLab()) as Lab;
    prefix = lab.prefix;
    pids = lab.pids();
    doc = await runInLab(lab);
  }, 120_000);

  afterAll(async () => {
    await lab?.stop();
  });

  it('can run here (root or a user namespace, iptables, tc); TEKSER_LAB=skip skips it knowingly', () => {
    expect(unavailable, `network lab unavailable: ${unavailable}`).toBeNull();
  });

  it.each((SITES as Site[]).map((s) => [`${s.scheme}://${s.name}/`, s.expect[0], s.expect[1], s.mirrors] as const))(
    '%s → %s %s (%s)',
    (url, status, method) => {
      const result = doc?.results.find((r) => r.target.url === url);
      expect(result, `no result for ${url}`).toBeDefined();
      expect([result?.verdict.status, result?.verdict.method], result?.verdict.reason).toEqual([status, method]);
    },
  );

  const web = (url: string): WebResultJson | undefined => doc?.results.find((r): r is WebResultJson => r.target.kind === 'web' && r.target.url === url);
  const finding = (kind: string) => doc?.findings.filter((f) => f.kind === kind) ?? [];

  it('names the lab "Qaznet Trust Network" root by its fingerprint, added through --interception-cas', () => {
    const mitm = web('https://mitm.lab/');
    expect(mitm?.verdict.interceptionCa).toMatchObject({ ca: 'Qaznet Trust Network', country: 'KZ', matchedBy: 'sha256' });
    expect(mitm?.measurement.tls[0]?.peerCertificates.map((c) => c.subject)).toEqual(['CN=tekser lab site', 'C=KZ, CN=Security Certificate', 'C=KZ, CN=Qaznet Trust Network']);
    expect(finding('state-mitm')[0]?.targets).toEqual(['https://mitm.lab/']);
  });

  it('proves SNI filtering by the harmless-SNI retry, and that the filter follows the name to a neutral server', () => {
    for (const url of ['https://sni-rst.lab/', 'https://sni-drop.lab/']) expect(web(url)?.verdict.sniProof, url).toBe('proven');
    const f = finding('sni-filtering')[0];
    expect(f?.targets.sort()).toEqual(['https://sni-drop.lab/', 'https://sni-rst.lab/']);
    expect(f?.details[0]).toMatch(/the filter follows the name/);
  });

  it('groups the shared host into one collateral finding naming all twelve sites', () => {
    const f = finding('collateral');
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toMatch(/^IP 203\.0\.113\.7 unreachable \(connection_refused\): 12 tested sites share it/);
    expect(f[0]?.targets).toHaveLength(12);
    expect(f[0]?.details[0]).toMatch(/the block is on this host/);
  });

  it('flags the throttled site as possibly throttled, with figures, and does not call it blocked', () => {
    const f = finding('throttling');
    expect(f).toHaveLength(1);
    expect(f[0]?.targets).toEqual(['https://slow.lab/']);
    expect(f[0]?.title).toMatch(/slow\.lab: [\d.]+ MiB\/s, \d+× below this run's median/);
    expect(web('https://slow.lab/')?.verdict.status).toBe('accessible');
  });

  it("exports the lab run in OONI's data format: every measurement follows the spec's keys and types", async () => {
    const l = lab as Lab & { dir: string };
    const io = memoryIO();
    expect(await runCli(['node', 'tekser', 'export', '--ooni', 'last', '--data-dir', `${l.dir}/data`], io)).toBe(0);
    const ms = io.out.join('').trim().split('\n').map((x) => JSON.parse(x) as { input: string; test_keys: { blocking: unknown } });
    expect(ms.length).toBe(doc?.results.length);
    for (const m of ms) expect(checkOoniMeasurement(m), m.input).toEqual([]);
    expect(ms.find((m) => m.input === 'https://ip-drop.lab/')?.test_keys.blocking).toBe('tcp_ip');
    expect(ms.find((m) => m.input === 'https://dns-nx.lab/')?.test_keys.blocking).toBe('dns');
  });

  it('reports no shutdown or allow-list in a run where most things work', () => {
    expect([...finding('no-connectivity'), ...finding('allow-list')]).toEqual([]);
  });

  describe('messengers, blocked the ways a censor does', () => {
    const messengers = async (): Promise<Record<string, [string, string | null]>> => {
      const l = lab as Lab;
      const r = await l.tekser(['run', ...l.runArgs.map((a) => (a === l.listFile ? l.messengersFile : a)), '--format', 'json']);
      const d = runDocumentSchema.parse(JSON.parse(r.stdout));
      return Object.fromEntries(d.results.map((x) => [x.target.url.replace('service:', ''), [x.verdict.status, x.verdict.method]]));
    };
    const withRule = async (rule: string[], fn: () => Promise<void>): Promise<void> => {
      lab?.iptables('-A', ...rule);
      try {
        await fn();
      } finally {
        lab?.iptables('-D', ...rule);
      }
    };

    it('nothing blocked: every messenger is accessible', async () => {
      expect(await messengers()).toEqual({ whatsapp: ['accessible', null], telegram: ['accessible', null], signal: ['accessible', null] });
    }, 60_000);

    it('Telegram by data-centre IP: the DCs are blocked (tcp_ip) while the web client works', async () => {
      await withRule(['FORWARD', '-d', '198.51.100.30', '-j', 'DROP'], () =>
        withRule(['FORWARD', '-d', '198.51.100.31', '-j', 'DROP'], async () => {
          expect((await messengers()).telegram).toEqual(['partially blocked', 'tcp_ip']);
        }),
      );
    }, 60_000);

    it('WhatsApp by SNI: registration and web fail in the handshake (tls), chat servers still connect', async () => {
      await withRule(['FORWARD', '-p', 'tcp', '--dport', '443', '-m', 'string', '--string', 'whatsapp.lab', '--algo', 'bm', '-j', 'REJECT', '--reject-with', 'tcp-reset'], async () => {
        expect((await messengers()).whatsapp).toEqual(['partially blocked', 'tls']);
      });
    }, 60_000);

    it('WhatsApp by port 5222 only: not blocked, every server still answers on 443 (OONI rule)', async () => {
      await withRule(['FORWARD', '-p', 'tcp', '--dport', '5222', '-j', 'DROP'], async () => {
        expect((await messengers()).whatsapp).toEqual(['accessible', null]);
      });
    }, 60_000);

    it('Signal by DNS: NXDOMAIN from the ISP resolver is blocked, method dns (its pinned lab root is trusted only via the YAML)', async () => {
      lab?.setDnsOverrides({ 'chat.signal.lab': 'NXDOMAIN', 'storage.signal.lab': 'NXDOMAIN' });
      try {
        expect((await messengers()).signal).toEqual(['blocked', 'dns']);
      } finally {
        lab?.setDnsOverrides({});
      }
    }, 60_000);

    it("exports messenger runs as OONI's whatsapp, telegram and signal measurements, following the spec", async () => {
      const io = memoryIO();
      expect(await runCli(['node', 'tekser', 'export', '--ooni', 'last', '--data-dir', `${(lab as Lab & { dir: string }).dir}/data`], io)).toBe(0);
      const ms = io.out.join('').trim().split('\n').map((x) => JSON.parse(x) as { test_name: string; test_keys: Record<string, unknown> });
      expect(ms.map((m) => m.test_name).sort()).toEqual(['signal', 'telegram', 'whatsapp']);
      for (const m of ms) expect(checkOoniMeasurement(m), m.test_name).toEqual([]);
      expect(ms.find((m) => m.test_name === 'signal')?.test_keys).toMatchObject({ signal_backend_status: 'blocked', signal_backend_failure: 'dns_nxdomain_error' });
    });
  });

  it.runIf(WRITE_GOLDEN)('keeps the censoring-ISP run as a golden replay (TEKSER_WRITE_GOLDEN=1)', () => {
    const l = lab as Lab & { dir: string };
    expect(doc).not.toBeNull();
    // Kept only when the run is what the tests above expect of it (they may have failed on their own).
    const wrong = (SITES as Site[]).filter((s) => {
      const v = doc?.results.find((r) => r.target.url === `${s.scheme}://${s.name}/`)?.verdict;
      return v?.status !== s.expect[0] || v?.method !== s.expect[1];
    });
    expect(wrong.map((s) => s.name)).toEqual([]);
    expect(doc?.findings.map((f) => f.kind).sort()).toEqual(['collateral', 'sni-filtering', 'state-mitm', 'throttling']);
    writeGolden('censoring-isp', { code: 0, dataDir: `${l.dir}/data`, doc: doc as RunDocument, description: 'the default lab list through a censoring ISP (DNS lies, IP drops and resets, SNI resets and stalls, Qaznet-style interception, block pages, throttling, a dead site), with the control helper' });
  });

  it('tears down: no namespaces, links or processes left behind', async () => {
    expect(lab).not.toBeNull();
    await lab?.stop();
    lab = null;
    expect(leftovers(prefix)).toEqual([]);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('a total shutdown, built again right after: "no connectivity" (exit 3), not a list of blocked sites', async () => {
    expect(unavailable).toBeNull();
    const down = (await startLab({ shutdown: true })) as Lab;
    try {
      const shut = await runInLab(down, 3);
      expect(shut.summary.blocked).toBe(0);
      expect(shut.summary.inconclusive).toBe(shut.summary.total);
      expect(shut.findings.map((f) => f.kind)).toEqual(['no-connectivity']);
      expect(shut.findings[0]?.title).toMatch(/^No connectivity: /);
      writeGolden('total-shutdown', { code: 3, dataDir: `${(down as Lab & { dir: string }).dir}/data`, doc: shut, description: 'a total shutdown: the censor drops everything, its resolver included' });
    } finally {
      await down.stop();
    }
    expect(leftovers(down.prefix)).toEqual([]);
  }, 120_000);
});
