import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { createProgress } from '../src/report/progress.ts';
import { listRuns, repairInterrupted, startRun } from '../src/store/runs.ts';
import { diffRuns } from '../src/store/diff.ts';
import type { FindingJson } from '../src/model/finding.ts';
import type { TargetResultJson } from '../src/model/run.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { checkOoniMeasurement } from './ooni-schema.ts';
import { measurement } from './fixtures/observations.ts';
import { analyzeWeb } from '../src/analyze/web.ts';
import { serializeResult } from '../src/report/json.ts';
import { TestPki, type KeyPair } from './helpers/pki.ts';
import { tempDir } from './helpers/tmp.ts';
// @ts-expect-error plain JavaScript shared with the network lab
import { startWebServer } from './servers/servers.mjs';

const LO = '127.0.0.1';
let root: KeyPair;
let caFile = '';
let okPort = 0;
let silentPort = 0;
let blockPort = 0;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  const pki = new TestPki();
  root = pki.root('root', '/CN=store test root');
  const leaf = pki.issue('leaf', '/CN=leaf', root, { names: [LO] });
  caFile = join(pki.dir, 'root.pem');
  writeFileSync(caFile, root.cert);
  const ok = await startWebServer({ host: LO, tls: leaf, sites: { '*': { title: 'OK' } } });
  const silent = await startWebServer({ host: LO, mode: 'silent' });
  // A block page (d_corp_kz_ps): the one local server that is evidence of blocking without a helper.
  const blockpage = await startWebServer({ host: LO, mode: 'blockpage', blockpage: '<html><head><title>Доступ ограничен</title></head><body><h1>Страница заблокирована</h1></body></html>' });
  okPort = ok.port;
  silentPort = silent.port;
  blockPort = blockpage.port;
  closers.push(() => ok.close(), () => silent.close(), () => blockpage.close());
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
});

const cli = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const io = memoryIO(env);
  const code = await runCli(['node', 'tekser', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};
const quickUrls = () => [1, 2, 3].map((i) => `https://${LO}:${okPort}/page${i}`);
const slowUrls = () => [1, 2].map((i) => `https://${LO}:${silentPort}/slow${i}`);
const runArgs = (dataDir: string) => ['--data-dir', dataDir, '--ca-file', caFile, '--retries', '0', '--control-resolver', `https://${LO}:1/dns-query`];

/** Starts the built CLI in a child process (so it can be killed for real). */
function spawnRun(dataDir: string, extra: string[]) {
  return spawn(process.execPath, [join(REPO_ROOT, 'bin/tekser'), 'run', ...quickUrls(), ...slowUrls(), ...runArgs(dataDir), '--tls-timeout', '30', '--target-timeout', '60', '--format', 'jsonl', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
}
async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
const lines = (file: string): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

describe('runs that last', () => {
  it('SIGKILL midway leaves every finished target readable, and history shows the run as interrupted', async () => {
    const dataDir = tempDir('store');
    const child = spawnRun(dataDir, []);
    const jsonl = () => {
      const runs = listRuns(dataDir);
      return runs[0] ? join(runs[0].dir, 'measurements.jsonl') : '';
    };
    await waitFor(() => lines(jsonl()).length >= 3);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const kept = lines(jsonl());
    expect(kept.length).toBe(3);
    for (const l of kept) expect(JSON.parse(l).verdict.status).toBe('accessible');

    const history = await cli(['history', '--data-dir', dataDir, '--format', 'json']);
    const [run] = JSON.parse(history.out);
    expect(run).toMatchObject({ status: 'interrupted', measured: 3, targets: 5 });
    const table = await cli(['history', '--data-dir', dataDir]);
    expect(table.out).toMatch(/interrupted\s+3\/5/);
    const shown = await cli(['show', 'last', '--data-dir', dataDir]);
    expect(shown.out).toMatch(/interrupted \(3 of 5 targets finished\)/);
  }, 40_000);

  it('a run start repairs the newest killed run on disk, without reading the whole history', () => {
    const dataDir = tempDir('store-repair');
    const summary = { total: 1, accessible: 1, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 };
    const init = { tekserVersion: 'test', lists: [], settings: {}, targets: 2 };
    const deadPid = 2 ** 22 + 7; // above pid_max's default: no such process
    const kill = (w: ReturnType<typeof startRun>, measured: string[]): void => {
      for (const line of measured) w.append(JSON.parse(line));
      const file = join(w.dir, 'run.json');
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), pid: deadPid }));
    };
    const result = serializeResult({ target: measurement('https://a.example/').target, verdict: analyzeWeb(measurement('https://a.example/')), measurement: measurement('https://a.example/') }, { includeBodies: false });
    // An old killed run whose repair never happened, then a finished run, then a killed one (newest).
    const old = startRun(dataDir, init);
    kill(old, [JSON.stringify(result)]);
    const done = startRun(dataDir, init);
    done.finish('complete', summary, []);
    const newest = startRun(dataDir, init);
    kill(newest, [JSON.stringify(result), JSON.stringify(result)]);
    writeFileSync(join(newest.dir, 'measurements.jsonl'), `${readFileSync(join(newest.dir, 'measurements.jsonl'), 'utf8')}{"cut short`);
    // Run ids sort by the second they started: give the three distinct seconds, oldest first.
    const dirs = [old, done, newest].map((w, i) => {
      const dir = join(dataDir, 'runs', `20260101T00000${i}Z-000${i}`);
      renameSync(w.dir, dir);
      return dir;
    });
    const [oldDir, , newestDir] = dirs as [string, string, string];

    repairInterrupted(dataDir);
    const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(onDisk(newestDir)).toMatchObject({ status: 'interrupted', measured: 2 });
    // The scan stopped at the finished run: the old one is untouched on disk...
    expect(onDisk(oldDir).status).toBe('running');
    // ...and every reader still sees it as interrupted, with what it had finished.
    expect(listRuns(dataDir).find((r) => r.dir === oldDir)?.record).toMatchObject({ status: 'interrupted', measured: 1 });
  });

  it('two runs at once: the second exits at once with the lock code (4) and says why', async () => {
    const dataDir = tempDir('store');
    const child = spawnRun(dataDir, []);
    try {
      await waitFor(() => existsSync(join(dataDir, 'run.lock')));
      const second = await cli(['run', `https://${LO}:${okPort}/`, ...runArgs(dataDir)]);
      expect(second.code).toBe(4);
      expect(second.err).toMatch(/another tekser run \(pid \d+ on .+\) holds .*run\.lock; not starting a second one/);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    // The killed run's lock is stale now: the next run takes it over.
    const third = await cli(['run', `https://${LO}:${okPort}/`, ...runArgs(dataDir), '--format', 'json']);
    expect(third.code).toBe(0);
    expect(existsSync(join(dataDir, 'run.lock'))).toBe(false);
  }, 40_000);

  it('SIGTERM: targets in flight finish, the run is kept as interrupted and the lock released', async () => {
    const dataDir = tempDir('store');
    const child = spawnRun(dataDir, ['--tls-timeout', '2']);
    await waitFor(() => existsSync(join(dataDir, 'run.lock')) && listRuns(dataDir).length > 0);
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(143);
    expect(existsSync(join(dataDir, 'run.lock'))).toBe(false);
    expect(listRuns(dataDir)[0]?.record.status).toBe('interrupted');
  }, 40_000);

  it('--quiet prints nothing on a clean run, and the run is still kept', async () => {
    const dataDir = tempDir('store');
    const r = await cli(['run', ...quickUrls(), ...runArgs(dataDir), '--quiet']);
    expect(r).toMatchObject({ code: 0, out: '', err: '' });
    expect(listRuns(dataDir)[0]?.record).toMatchObject({ status: 'complete', measured: 3 });
    // A handshake that never completes is a broken server as much as a censor (#12): inconclusive, so still quiet...
    const broken = await cli(['run', slowUrls()[0] as string, ...runArgs(dataDir), '--tls-timeout', '1', '--quiet']);
    expect(broken.out).toBe('');
    // ...and the report is printed when something is blocked (a known block page).
    const found = await cli(['run', `http://${LO}:${blockPort}/`, ...runArgs(dataDir), '--quiet']);
    expect(found.out).toMatch(/blocked\s+http-diff\s+http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('--max-runtime stops scheduling new targets and marks the run', async () => {
    const dataDir = tempDir('store');
    const r = await cli(['run', ...slowUrls(), ...quickUrls(), ...runArgs(dataDir), '--tls-timeout', '1.5', '--concurrency', '1', '--max-runtime', '1', '--format', 'json']);
    expect(r.code).toBe(0);
    const run = listRuns(dataDir)[0]?.record;
    expect(run?.status).toBe('deadline');
    expect(run?.measured).toBeLessThan(5);
    expect(r.err).toContain('--max-runtime 1s reached');
  }, 20_000);

  it('config file sets defaults, flags override, tekser config says where each value came from', async () => {
    const dataDir = tempDir('store');
    writeFileSync(join(dataDir, 'config.yaml'), 'concurrency: 3\ntimeouts:\n  tls: 7\nresolver: udp://192.0.2.53\n');
    const r = await cli(['config', '--data-dir', dataDir, '--resolver', 'system']);
    expect(r.out).toMatch(/^concurrency\s+3\s+.*config\.yaml:1$/m);
    expect(r.out).toMatch(/^timeouts\.tls\s+7\s+.*config\.yaml:3$/m);
    expect(r.out).toMatch(/^resolver\s+system\s+--resolver$/m);
    expect(r.out).toMatch(/^retries\s+2\s+default$/m);
    writeFileSync(join(dataDir, 'config.yaml'), 'concurrency: zero\n');
    const bad = await cli(['config', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/config\.yaml:1: concurrency: /);
  });
});

const res = (url: string, status: string, method: string | null): TargetResultJson =>
  ({ schema: 'tekser/run/v1', target: { kind: 'web', url, category: null, source: 't' }, verdict: { status, method, reason: '', evidence: [] } }) as unknown as TargetResultJson;
const finding = (kind: FindingJson['kind'], targets: string[]): FindingJson => ({ kind, title: kind, details: [], targets });

describe('diff', () => {
  it('lists exactly what changed: newly blocked, unblocked, method, added, removed, findings', () => {
    const older = {
      results: [res('a', 'accessible', null), res('b', 'blocked', 'dns'), res('c', 'blocked', 'tls'), res('d', 'accessible', null), res('gone', 'accessible', null)],
      findings: [finding('sni-filtering', ['c'])],
    };
    const newer = {
      results: [res('a', 'blocked', 'tcp_ip'), res('b', 'accessible', null), res('c', 'blocked', 'mitm'), res('d', 'accessible', null), res('new', 'down', null)],
      findings: [finding('collateral', ['a', 'x'])],
    };
    const d = diffRuns(older, newer);
    expect(d.changes.map((c) => [c.kind, c.target])).toEqual([
      ['became-blocked', 'a'],
      ['method-changed', 'c'],
      ['unblocked', 'b'],
      ['added', 'new'],
      ['removed', 'gone'],
    ]);
    expect(d.findingsAppeared.map((f) => f.kind)).toEqual(['collateral']);
    expect(d.findingsVanished.map((f) => f.kind)).toEqual(['sni-filtering']);
  });

  it('tekser diff on two stored runs, and --fail-on-change exits 1 only when something changed', async () => {
    const dataDir = tempDir('store');
    const real = (url: string, status: string, method: string | null): TargetResultJson => {
      const m = measurement(url);
      const v = analyzeWeb(m);
      return serializeResult({ target: m.target, verdict: { ...v, status: status as never, method: method as never }, measurement: m }, { includeBodies: false });
    };
    const store = (rs: TargetResultJson[]) => {
      const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: rs.length });
      for (const r of rs) w.append(r);
      w.finish('complete', { total: rs.length, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    };
    store([real('https://a.example/', 'accessible', null)]);
    expect(await cli(['diff', '--data-dir', dataDir, '--quiet'])).toMatchObject({ code: 0, out: '', err: '' }); // first cron run: silent
    expect((await cli(['diff', '--data-dir', dataDir])).code).toBe(2);
    await new Promise((r) => setTimeout(r, 1100)); // run ids sort by second
    store([real('https://a.example/', 'blocked', 'tls')]);
    const changed = await cli(['diff', '--data-dir', dataDir, '--fail-on-change']);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/now blocked\s+https:\/\/a\.example\/: accessible → blocked \(tls\)/);
    const same = await cli(['diff', 'last', 'last', '--data-dir', dataDir, '--fail-on-change']);
    expect(same).toMatchObject({ code: 0 });
    expect(same.out).toContain('no changes');
    expect(await cli(['diff', 'last', 'last', '--data-dir', dataDir, '--quiet'])).toMatchObject({ code: 0, out: '' });
  });
});

describe('OONI export', () => {
  it("a stored run exports as OONI measurements whose keys and types follow the spec; probe_ip scrubbed", async () => {
    const dataDir = tempDir('store');
    await cli(['run', ...quickUrls(), slowUrls()[0] as string, ...runArgs(dataDir), '--tls-timeout', '1', '--format', 'json']);
    const out = await cli(['export', '--ooni', 'last', '--data-dir', dataDir]);
    expect(out.code).toBe(0);
    const ms = out.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(ms).toHaveLength(4);
    for (const m of ms) expect(checkOoniMeasurement(m), m.input).toEqual([]);
    // A server that never completes the handshake is inconclusive without a helper (#12): OONI's null/null.
    const broken = ms.find((m) => m.input.includes('/slow1'));
    expect(broken.test_keys).toMatchObject({ blocking: null, accessible: null });
    expect(ms.every((m) => m.probe_ip === '127.0.0.1')).toBe(true);
  });
});

describe('progress line', () => {
  it('draws done/total, blocked, rate and ETA on a terminal, and nothing when disabled', () => {
    let t = 0;
    const out: string[] = [];
    const p = createProgress(4, (s) => out.push(s), true, () => t);
    t = 1000;
    p.tick(true);
    t = 2000;
    p.tick(false);
    p.done();
    expect(out[0]).toBe('\r\x1b[Ktekser: 1/4 done, 1 blocked, 1.0/s, ETA 3s');
    expect(out[1]).toBe('\r\x1b[Ktekser: 2/4 done, 1 blocked, 1.0/s, ETA 2s');
    expect(out.at(-1)).toBe('\r\x1b[K');
    const none: string[] = [];
    const off = createProgress(4, (s) => none.push(s), false);
    off.tick(true);
    off.done();
    expect(none).toEqual([]);
  });
});
