import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDocumentSchema, type RunDocument, type WebResultJson } from '../../src/report/schema.ts';
// @ts-expect-error plain JavaScript, also run by `npm run lab`
import { labUnavailableReason, leftovers, startLab } from './lab.mjs';
// @ts-expect-error plain JavaScript, shared with the lab processes
import { SITES } from './scenarios.mjs';

interface Lab {
  prefix: string;
  runArgs: string[];
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

const SKIP = process.env.TEKSER_LAB === 'skip';
const unavailable: string | null = SKIP ? null : labUnavailableReason();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function runInLab(lab: Lab): Promise<RunDocument> {
  const r = await lab.tekser(['run', ...lab.runArgs, '--format', 'json']);
  if (r.code !== 0) throw new Error(`tekser exited ${r.code}: ${r.stderr}`);
  return runDocumentSchema.parse(JSON.parse(r.stdout));
}

// The acceptance suite: the real CLI, built, inside a client namespace behind a censoring router.
describe.skipIf(SKIP)('network lab: a censoring ISP between tekser and a small internet', () => {
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

  it('can run here (root, namespaces, iptables); set TEKSER_LAB=skip to skip it knowingly', () => {
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

  it('names the interception CA from the chain it presents', () => {
    const mitm = doc?.results.find((r): r is WebResultJson => r.target.url === 'https://mitm.lab/' && r.target.kind === 'web');
    expect(mitm?.verdict.untrustedIssuer).toBe('C=KZ, CN=Qaznet Trust Network');
    expect(mitm?.measurement.tls[0]?.peerCertificates.map((c) => c.subject)).toEqual(['CN=tekser lab site', 'C=KZ, CN=Security Certificate']);
  });

  it('tears down: no namespaces, links or processes left behind', async () => {
    expect(lab).not.toBeNull();
    await lab?.stop();
    lab = null;
    expect(leftovers(prefix)).toEqual([]);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('a total shutdown, built again right after: nothing is called blocked, every target is inconclusive', async () => {
    expect(unavailable).toBeNull();
    const down = (await startLab({ shutdown: true })) as Lab;
    try {
      const shut = await runInLab(down);
      expect(shut.summary.blocked).toBe(0);
      expect(shut.summary.inconclusive).toBe(shut.summary.total);
      expect(shut.results[0]?.verdict.reason).toMatch(/Control unreachable/);
    } finally {
      await down.stop();
    }
    expect(leftovers(down.prefix)).toEqual([]);
  }, 120_000);
});
