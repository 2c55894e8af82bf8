// Issue 20 in the network lab (imported by lab.test.ts): throttling and stalls by name proven with
// the control helper's throughput reference, the site's own refusals, a DoH control that answers HTML.
// The censor shapes by SNI with iptables and tc (lab.mjs shapeTraffic); the sites refuse the probe's
// network (198.18.0.0/15) themselves and serve the helper. TEKSER_WRITE_GOLDEN=1 keeps each run as a
// golden (test/golden/lab-<scenario>/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, also run by `npm run lab`
import { startLab } from './lab.mjs';
import { skipLab, skipNote } from './gate.ts';
import { writeGolden } from './golden.ts';

interface Finding {
  kind: string;
  title: string;
  details: string[];
  targets: string[];
}
interface RunDoc {
  findings: Finding[];
  results: Array<{ target: { url: string }; verdict: { status: string; method: string | null; reason: string; evidence: string[] } }>;
}
interface LabRun {
  code: number;
  doc: RunDoc;
  stderr: string;
  stdout: string;
  dataDir: string;
}
interface Lab {
  dir: string;
  list(name: string, names: string[]): string;
  args(o?: { list?: string; helper?: boolean | string[]; control?: string[]; extra?: string[] }): string[];
  tekser(args: string[], o?: { timeoutMs?: number }): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

async function scenario(lab: Lab, name: string, sites: string[], o: { helper?: boolean; control?: string[] } = {}): Promise<LabRun> {
  const dataDir = `${lab.dir}/data-${name}`;
  const args = lab.args({ list: lab.list(name, sites), helper: o.helper ?? true, ...(o.control ? { control: o.control } : {}) }).map((a, i, all) => (all[i - 1] === '--data-dir' ? dataDir : a));
  const r = await lab.tekser(['run', ...args, '--format', 'json'], { timeoutMs: 150_000 });
  try {
    return { code: r.code, doc: JSON.parse(r.stdout) as RunDoc, stderr: r.stderr, stdout: r.stdout, dataDir };
  } catch {
    throw new Error(`scenario ${name}: tekser exited ${r.code} without a JSON document: ${r.stderr}`);
  }
}
const throttling = (r: LabRun): Finding[] => r.doc.findings.filter((f) => f.kind === 'throttling');
const statusOf = (r: LabRun, url: string): string | undefined => r.doc.results.find((x) => x.target.url === url)?.verdict.status;

describe.skipIf(skipLab)(`network lab, issue 20: throttling proven by name, the site's own refusals, a control that misbehaves${skipNote}`, () => {
  let lab: Lab | null = null;
  const L = (): Lab => lab as Lab;
  beforeAll(async () => {
    lab = (await startLab()) as Lab;
  }, 120_000);
  afterAll(async () => {
    await lab?.stop();
  });

  it('a site throttled by its name, alone in the run: proven with the helper, with the rates and the ratio', async () => {
    const r = await scenario(L(), 'throttle-by-name', ['sni-slow.lab']);
    expect(statusOf(r, 'https://sni-slow.lab/')).toBe('accessible');
    const f = throttling(r);
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toMatch(/^sni-slow\.lab is throttled by name: [\d.]+ KB\/s with its name, [\d.]+ [KM]B\/s with a harmless name from the same server \(×\d+\)$/);
    expect(f[0]?.details[0]).toMatch(/^Measured with the control helper's 256 KB reference: the same server and path over TLS, 2 times with each name/);
    expect(Number(/×(\d+)/.exec(f[0]?.title ?? '')?.[1])).toBeGreaterThanOrEqual(5);
    expect(r.code).toBe(0);
    writeGolden('throttle-by-name', { code: r.code, dataDir: r.dataDir, doc: r.doc, description: 'one site throttled by SNI (1 Mbit/s) and no fast peer in the run; the control helper\'s throughput reference, downloaded with its name and with a harmless one, proves it' });
  }, 180_000);

  it('the same site without a helper: no fast peer, no proof, no finding (the suspicion rule as it was)', async () => {
    const r = await scenario(L(), 'throttle-by-name-no-helper', ['sni-slow.lab'], { helper: false });
    expect(statusOf(r, 'https://sni-slow.lab/')).toBe('accessible');
    expect(throttling(r)).toEqual([]);
  }, 180_000);

  it('a connection that stops after the first 16 KB for one name: the stall proven, with the bytes', async () => {
    const r = await scenario(L(), 'stall-by-name', ['stall.lab']);
    const f = throttling(r);
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toMatch(/^stall\.lab stalls by name: with its name the connection stops after the first (1[5-9]|2\d)(\.\d)?(–\d+(\.\d)? )?\s?KB, with a harmless name the same server sends all 256 KB$/);
    expect(f[0]?.details[1]).toMatch(/^With the name stall\.lab: no byte for 3 s after /);
    writeGolden('stall-by-name', { code: r.code, dataDir: r.dataDir, doc: r.doc, description: 'every connection naming stall.lab stops after 16 KB (conntrack bytes); the helper\'s reference with a harmless name comes whole' });
  }, 180_000);

  it("a 451 and a bot challenge for this network only, over valid HTTPS: refused by site, with and without the helper", async () => {
    const sites = ['geo.lab', 'challenge.lab', 'ok.lab'];
    const withHelper = await scenario(L(), 'refused-by-site', sites);
    const without = await scenario(L(), 'refused-by-site-no-helper', sites, { helper: false });
    for (const r of [withHelper, without]) {
      expect(statusOf(r, 'https://geo.lab/')).toBe('refused by site');
      expect(statusOf(r, 'https://challenge.lab/')).toBe('refused by site');
      expect(statusOf(r, 'https://ok.lab/')).toBe('accessible');
      const f = r.doc.findings.find((x) => x.kind === 'site-refusal');
      expect(f?.title).toMatch(/^2 sites refuse visitors from this network themselves \(/);
      expect(f?.title).toContain('geo-blocking: geo.lab');
      expect(f?.title).toContain('bot challenges: challenge.lab');
      expect(r.doc.findings.map((x) => x.kind)).not.toContain('no-connectivity');
      expect(r.code).toBe(0);
    }
    writeGolden('refused-by-site', { code: withHelper.code, dataDir: withHelper.dataDir, doc: withHelper.doc, description: "geo.lab answers 451 and challenge.lab a Cloudflare-style challenge to the probe's network only, over HTTPS valid for them; the control helper gets the real pages" });
    writeGolden('refused-by-site-no-helper', { code: without.code, dataDir: without.dataDir, doc: without.doc, description: 'the same refusals without a control helper' });
  }, 240_000);

  it('a DoH control that answers HTML: the control misbehaves, no no-connectivity finding, no exit 3', async () => {
    // ok.lab's web server answers every path with its home page: HTML where DNS was asked for.
    const r = await scenario(L(), 'control-html', ['ok.lab', 'plain.lab'], { control: ['https://ok.lab/dns-query#203.0.113.10'] });
    expect(r.code).not.toBe(3);
    expect(r.doc.findings.map((x) => x.kind)).not.toContain('no-connectivity');
    expect(r.stdout + r.stderr).toMatch(/misbehav/i);
    writeGolden('control-html', { code: r.code, dataDir: r.dataDir, doc: r.doc, description: 'the DoH control answers HTML (a web server, not a resolver): the control misbehaves while its transport works' });
  }, 180_000);
});
