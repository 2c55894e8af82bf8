// Issue 11 in the network lab (imported by lab.test.ts, so it runs in that file's worker): the run-level findings people quote, each in the situation that used
// to mislead. Every scenario runs the built CLI in the client namespace and asserts its findings and
// exit code. TEKSER_WRITE_GOLDEN=1 also stores each scenario's measurements and expected verdicts in
// test/golden/<scenario>/ (see writeGolden) for replays without namespaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, also run by `npm run lab`
import { startLab } from './lab.mjs';
import { skipLab, skipNote } from './gate.ts';
import { writeGolden } from './golden.ts';

interface LabRun {
  name: string;
  code: number;
  doc: RunDoc;
  stderr: string;
  dataDir: string;
}
interface Finding {
  kind: string;
  title: string;
  details: string[];
  targets: string[];
}
interface Result {
  target: { kind: string; url: string };
  verdict: { status: string; method: string | null; reason: string };
}
interface RunDoc {
  summary: Record<string, number>;
  findings: Finding[];
  results: Result[];
}
interface Lab {
  dir: string;
  canaryList: string;
  list(name: string, names: string[]): string;
  args(o?: { list?: string; helper?: boolean | string[]; control?: string[]; extra?: string[] }): string[];
  tekser(args: string[], o?: { timeoutMs?: number }): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

const HELPER = 'http://198.51.100.80:8080/';
const DEAD_HELPER = 'http://127.0.0.1:1/';

/** One scenario's run: its own data directory (so the golden holds only its measurements), JSON out. */
async function scenario(lab: Lab, name: string, args: string[], urls: string[] = []): Promise<LabRun> {
  const dataDir = `${lab.dir}/data-${name}`;
  const at = args.indexOf('--data-dir');
  const a = [...args];
  if (at >= 0) a[at + 1] = dataDir;
  else a.push('--data-dir', dataDir);
  const r = await lab.tekser(['run', ...urls, ...a, '--format', 'json']);
  let doc: RunDoc;
  try {
    doc = JSON.parse(r.stdout) as RunDoc;
  } catch {
    throw new Error(`scenario ${name}: tekser exited ${r.code} without a JSON document: ${r.stderr}`);
  }
  return { name, code: r.code, doc, stderr: r.stderr, dataDir };
}

/** After a scenario's assertions passed: keep it as a golden (TEKSER_WRITE_GOLDEN=1). */
const keep = (r: LabRun): void => writeGolden(r.name, { ...r, description: expect.getState().currentTestName?.split(' > ').pop() ?? r.name });
const kinds = (r: LabRun): string[] => r.doc.findings.map((f) => f.kind);
const verdictOf = (r: LabRun, url: string): [string, string | null] | undefined => {
  const v = r.doc.results.find((x) => x.target.url === url)?.verdict;
  return v ? [v.status, v.method] : undefined;
};

const BIG = ['big.lab', 'big1.lab', 'big2.lab', 'big3.lab', 'big4.lab'];
/** Many sites, each blocked by a targeted method, and two that load: censorship, not default deny. */
const HEAVILY_CENSORED = [
  'ok.lab', 'plain.lab',
  'dns-bogon.lab', 'dns-nx.lab', 'dns-redirect.lab', 'ip-drop.lab', 'sni-rst.lab', 'sni-drop.lab', 'mitm.lab', 'blockpage.lab',
  'shared1.lab', 'shared2.lab', 'shared3.lab',
];
const SHARED = Array.from({ length: 12 }, (_, i) => `shared${i + 1}.lab`);

describe.skipIf(skipLab)(`network lab, issue 11: findings an activist can trust${skipNote}`, () => {
  describe('a censoring ISP (the usual lab)', () => {
    let lab: Lab | null = null;
    beforeAll(async () => {
      lab = (await startLab()) as Lab;
    }, 120_000);
    afterAll(async () => {
      await lab?.stop();
    });
    const L = (): Lab => lab as Lab;

    it('shared-IP block without a helper: one unconfirmed collateral finding naming the address and all twelve sites', async () => {
      const r = await scenario(L(), 'shared-ip-no-helper', L().args({ list: L().list('shared', [...SHARED, 'ok.lab', 'sni-neighbour.lab', 'mitm-pass.lab']), helper: false }));
      expect(r.code).toBe(0);
      const f = r.doc.findings.filter((x) => x.kind === 'collateral');
      expect(f).toHaveLength(1);
      expect(f[0]?.title).toMatch(/^203\.0\.113\.7 unreachable from here\b.*: 12 tested sites share it/);
      expect(f[0]?.title).toMatch(/unconfirmed.*control helper/);
      expect(f[0]?.targets).toHaveLength(12);
      // the pattern one vantage point can see: other addresses of the same /24 work
      expect([f[0]?.title, ...(f[0]?.details ?? [])].join(' ')).toMatch(/203\.0\.113\.(?!7\b)\d+/);
      for (const s of SHARED) expect(verdictOf(r, `https://${s}/`)?.[0], s).not.toBe('blocked'); // one vantage point proves no block
      keep(r);
    }, 90_000);

    it('shared-IP block with a helper: the collateral finding is confirmed (control for the case above)', async () => {
      const r = await scenario(L(), 'shared-ip-helper', L().args({ list: L().list('shared-h', [...SHARED, 'ok.lab', 'sni-neighbour.lab']) }));
      expect(r.code).toBe(0);
      const f = r.doc.findings.filter((x) => x.kind === 'collateral');
      expect(f).toHaveLength(1);
      expect(f[0]?.targets).toHaveLength(12);
      expect(f[0]?.title).not.toMatch(/unconfirmed/);
      keep(r);
    }, 90_000);

        it('a heavily censored list in normal mode is censorship, not an allow-list regime', async () => {
      const r = await scenario(L(), 'heavily-censored', L().args({ list: L().list('censored', HEAVILY_CENSORED), extra: ['--canaries', L().canaryList] }));
      expect(r.code).toBe(0);
      expect(kinds(r)).not.toContain('allow-list');
      expect(kinds(r)).not.toContain('no-connectivity');
      expect(verdictOf(r, 'https://dns-nx.lab/')).toEqual(['blocked', 'dns']);
      expect(verdictOf(r, 'https://sni-rst.lab/')).toEqual(['blocked', 'tls']);
      expect(verdictOf(r, 'https://mitm.lab/')).toEqual(['blocked', 'mitm']);
      expect(verdictOf(r, 'http://blockpage.lab/')).toEqual(['blocked', 'http-diff']);
      keep(r);
    }, 90_000);

        it('a 2 Mbit/s throttle on one big site while the others load at LAN speed: "possibly throttled", with figures, never blocked', async () => {
      const r = await scenario(L(), 'throttle-2mbit', L().args({ list: L().list('big', [...BIG, 'ok.lab']) }));
      expect(r.code).toBe(0);
      const f = r.doc.findings.filter((x) => x.kind === 'throttling');
      expect(f).toHaveLength(1);
      expect(f[0]?.targets).toEqual(['https://big.lab/']);
      expect(f[0]?.title).toMatch(/big\.lab: 0\.\d+ MiB\/s, \d+× below this run's median/);
      expect(verdictOf(r, 'https://big.lab/')).toEqual(['accessible', null]);
      keep(r);
    }, 90_000);

        it('a dead helper: the reasons say the helper failed and why, not that none was given', async () => {
      const r = await scenario(L(), 'dead-helper', L().args({ list: L().list('dead-helper', ['ok.lab', 'dead.lab', 'ip-drop.lab', 'shared1.lab', 'shared2.lab']), helper: [DEAD_HELPER] }));
      expect(r.code).toBe(0);
      const text = [...r.doc.results.map((x) => x.verdict.reason), ...r.doc.findings.map((f) => [f.title, ...f.details].join(' '))].join('\n');
      expect(text).not.toMatch(/without a control helper \(--control-helper\)/);
      expect(text).toMatch(/control helper http:\/\/127\.0\.0\.1:1\/ (failed|did not answer|unreachable)/i);
      expect(verdictOf(r, 'https://dead.lab/')?.[0]).toBe('inconclusive');
      // ...and the run says it once, as a finding, with what to check.
      expect(r.doc.findings.find((f) => f.kind === 'helper-unavailable')?.details).toContain('helper: http://127.0.0.1:1/');
      keep(r);
    }, 90_000);

    it('a failover helper: the first is dead, the second answers, and the verdicts are those of a working helper', async () => {
      const r = await scenario(L(), 'failover-helper', L().args({ list: L().list('failover', ['ok.lab', 'dead.lab', 'ip-drop.lab', 'shared1.lab', 'shared2.lab']), helper: [DEAD_HELPER, HELPER] }));
      expect(r.code).toBe(0);
      expect(verdictOf(r, 'https://ok.lab/')).toEqual(['accessible', null]);
      expect(verdictOf(r, 'https://dead.lab/')).toEqual(['down', null]);
      expect(verdictOf(r, 'https://ip-drop.lab/')).toEqual(['blocked', 'tcp_ip']);
      expect(verdictOf(r, 'https://shared2.lab/')).toEqual(['blocked', 'tcp_ip']);
      expect(kinds(r)).not.toContain('helper-unavailable');
      keep(r);
    }, 90_000);

    it('control resolver given by name, resolvable: the same verdicts as by address', async () => {
      const r = await scenario(L(), 'control-by-name', L().args({ list: L().list('by-name', ['ok.lab', 'dns-nx.lab', 'dead.lab']), control: ['https://doh.lab/dns-query'] }));
      // Without a bootstrap of the control's name this is today's false "down"; see the next test.
      expect(r.code).toBe(0);
      expect(verdictOf(r, 'https://dns-nx.lab/')).toEqual(['blocked', 'dns']);
      keep(r);
    }, 90_000);

    it('control resolver given by a name that cannot be resolved: no false "down", and the reason names the control', async () => {
      // No helper: with one, a site that is really down (dead.lab) is rightly "down"; here nothing may be.
      const r = await scenario(L(), 'control-name-unresolvable', L().args({ list: L().list('by-bad-name', ['ok.lab', 'dns-nx.lab', 'ip-drop.lab', 'sni-rst.lab']), helper: false, control: ['https://doh.unresolvable.lab/dns-query'] }));
      expect(r.code).toBe(0);
      for (const x of r.doc.results) expect(x.verdict.status, x.target.url).not.toBe('down');
      const text = [...r.doc.results.map((x) => x.verdict.reason), ...r.doc.findings.map((f) => f.title)].join('\n');
      expect(text).toMatch(/doh\.unresolvable\.lab|bootstrap/); // says the control's own name failed
      keep(r);
    }, 90_000);
  });

  describe('every TLS connection intercepted, the DoH control included', () => {
    let lab: Lab | null = null;
    beforeAll(async () => {
      lab = (await startLab({ interceptAll: true })) as Lab;
    }, 120_000);
    afterAll(async () => {
      await lab?.stop();
    });

    it('is reported as interception by the named CA, even of the control; not a shutdown, not an allow-list', async () => {
      const L = lab as Lab;
      const names = ['ok.lab', 'sni-neighbour.lab', 'mitm-pass.lab', 'canary1.lab', 'canary2.lab', 'canary3.lab', 'big1.lab', 'big2.lab', 'plain.lab'];
      const r = await scenario(L, 'intercept-all', L.args({ list: L.list('intercept-all', names) }));
      expect(r.code).toBe(0);
      expect(kinds(r)).not.toContain('no-connectivity');
      expect(kinds(r)).not.toContain('allow-list');
      const headline = r.doc.findings.find((f) => /Qaznet Trust Network/.test(f.title) && /control/i.test(f.title));
      expect(headline, JSON.stringify(r.doc.findings.map((f) => f.title))).toBeDefined();
      for (const x of r.doc.results.filter((y) => y.target.url.startsWith('https:'))) {
        expect(x.verdict.reason, x.target.url).not.toMatch(/Control unreachable/i);
        expect(x.verdict.reason, x.target.url).toMatch(/intercept/i);
      }
      keep(r);
    }, 90_000);
  });

  describe('an allow-list regime: default deny, a few domestic sites reachable', () => {
    let lab: Lab | null = null;
    beforeAll(async () => {
      // @ts-expect-error plain JavaScript
      const { ALLOWED_IN_REGIME } = await import('./scenarios.mjs');
      lab = (await startLab({ allowOnly: ALLOWED_IN_REGIME })) as Lab;
    }, 120_000);
    afterAll(async () => {
      await lab?.stop();
    });

        it('names the regime on the canaries\' evidence: neutral sites fail by timeouts, only the allowed ones load', async () => {
      const L = lab as Lab;
      const names = ['ok.lab', 'plain.lab', 'sni-neighbour.lab', 'mitm-pass.lab', 'big1.lab', 'big2.lab', 'big3.lab', 'http-pass.lab', 'cdn.lab', 'dns-nx.lab', 'ip-drop.lab'];
      const r = await scenario(L, 'allow-list-regime', L.args({ list: L.list('regime', names), extra: ['--canaries', L.canaryList] }));
      expect(kinds(r)).toContain('allow-list');
      expect(kinds(r)).not.toContain('no-connectivity');
      const f = r.doc.findings.find((x) => x.kind === 'allow-list');
      expect(f?.targets.sort()).toEqual(['http://plain.lab/', 'https://ok.lab/']);
      expect([f?.title, ...(f?.details ?? [])].join(' ')).toMatch(/canar/i);
      expect(r.code).toBe(0);
      keep(r);
    }, 120_000);
  });

  describe('one URL, no network at all', () => {
    let lab: Lab | null = null;
    beforeAll(async () => {
      lab = (await startLab({ shutdown: true })) as Lab;
    }, 120_000);
    afterAll(async () => {
      await lab?.stop();
    });

        it('a single URL offline: a no-connectivity finding and exit 3', async () => {
      const L = lab as Lab;
      const args = L.args().filter((_, i, a) => a[i] !== '--list' && a[i - 1] !== '--list');
      const r = await scenario(L, 'single-url-offline', args, ['https://ok.lab/']);
      expect(r.code).toBe(3);
      expect(kinds(r)).toEqual(['no-connectivity']);
      expect(r.doc.results).toHaveLength(1);
      expect(r.doc.results[0]?.verdict.status).toBe('inconclusive');
      keep(r);
    }, 120_000);
  });
});
