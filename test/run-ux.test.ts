import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { listRuns, readResults, startRun, storeFs } from '../src/store/runs.ts';
import { TestPki } from './helpers/pki.ts';
import { tempDir } from './helpers/tmp.ts';
// @ts-expect-error plain JavaScript shared with the network lab
import { startWebServer } from './servers/servers.mjs';

const LO = '127.0.0.1';
let caFile = '';
let okPort = 0;
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  const pki = new TestPki();
  const root = pki.root('root', '/CN=run-ux test root');
  const leaf = pki.issue('leaf', '/CN=leaf', root, { names: [LO] });
  caFile = join(pki.dir, 'root.pem');
  writeFileSync(caFile, root.cert);
  const ok = await startWebServer({ host: LO, tls: leaf, sites: { '*': { title: 'OK' } } });
  okPort = ok.port;
  closers.push(() => ok.close());
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
});

type Io = ReturnType<typeof memoryIO>;
const cli = async (args: string[], setup: (io: Io) => void = () => {}) => {
  const io = memoryIO({});
  setup(io);
  const code = await runCli(['node', 'tekser', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};
const urls = () => [1, 2, 3].map((i) => `https://${LO}:${okPort}/page${i}`);
// Loopback only: the control resolver is a closed port, the sites are IP literals (no DNS needed).
const base = (dataDir: string) => ['--data-dir', dataDir, '--ca-file', caFile, '--retries', '0', '--control-resolver', `https://${LO}:1/dns-query`];
const oneLine = (s: string) => expect(s.trimEnd().split('\n'), s).toHaveLength(1);

describe('usage errors found before a run is created', () => {
  it('-o into a missing directory: one line in words, exit 2, no run in history', async () => {
    const dataDir = tempDir('ux');
    const r = await cli(['run', ...urls(), ...base(dataDir), '-o', join(dataDir, 'no', 'such', 'dir', 'out.json')]);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/^tekser: -o .*out\.json: cannot write the report there: the directory .*dir does not exist\n$/);
    expect(r.err).not.toMatch(/ENOENT|\n\s+at /);
    expect(listRuns(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'run.lock'))).toBe(false);
  });

  it('-o onto something that cannot be written (a directory): exit 2, no run in history', async () => {
    const dataDir = tempDir('ux');
    const r = await cli(['run', ...urls(), ...base(dataDir), '-o', dataDir]);
    expect(r.code).toBe(2);
    oneLine(r.err);
    expect(r.err).toMatch(/cannot write the report there: this is a directory/);
    expect(listRuns(dataDir)).toEqual([]);
  });

  it('--data-dir pointing at a file: words, exit 2, for run and for history', async () => {
    const file = join(tempDir('ux'), 'not-a-dir');
    writeFileSync(file, 'x');
    for (const args of [['run', ...urls(), ...base(file)], ['history', '--data-dir', file], ['show', 'last', '--data-dir', file]]) {
      const r = await cli(args);
      expect(r.code, args[0]).toBe(2);
      oneLine(r.err);
      expect(r.err).toContain('is a file, not a directory');
      expect(r.err).not.toMatch(/EEXIST|ENOTDIR/);
    }
  });
});

describe('-o FILE', () => {
  it('writes the report to the file and still tells the terminal what happened (stderr)', async () => {
    const dataDir = tempDir('ux');
    const file = join(dataDir, 'report.json');
    const r = await cli(['run', ...urls(), ...base(dataDir), '--format', 'json', '-o', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).summary.total).toBe(3);
    expect(r.err).toMatch(/^tekser: report written to .*report\.json: 3 target\(s\): 3 accessible, 0 blocked, 0 down, 0 inconclusive$/m);
  });
});

describe('a closed pipe (`tekser run | head -1`)', () => {
  it('does not exit 0, and the run is finished properly in history (not "interrupted")', async () => {
    const dataDir = tempDir('ux');
    const r = await cli(['run', ...urls(), ...base(dataDir), '--format', 'jsonl', '--concurrency', '1'], (io) => io.closeStdoutAfter(1));
    expect(r.code).toBe(141);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('output closed');
    const [run] = listRuns(dataDir);
    expect(run?.record).toMatchObject({ status: 'complete', measured: 3 });
  });

  it('other commands too: history | head exits 141', async () => {
    const dataDir = tempDir('ux');
    await cli(['run', ...urls(), ...base(dataDir), '--format', 'json']);
    const r = await cli(['history', '--data-dir', dataDir], (io) => io.closeStdoutAfter(1));
    expect(r.code).toBe(141);
  });
});

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });

describe('disk full in the data directory (#12.4)', () => {
  it('midway: one line, the report still complete on stdout, what was kept said, exit 5', async () => {
    const dataDir = tempDir('ux');
    const real = storeFs.writeSync;
    let calls = 0;
    vi.spyOn(storeFs, 'writeSync').mockImplementation(((...args: Parameters<typeof real>) => {
      if (++calls > 1) throw enospc();
      return real(...args);
    }) as typeof real);
    const r = await cli(['run', ...urls(), ...base(dataDir), '--format', 'json', '--concurrency', '1']);
    expect(r.code).toBe(5);
    expect(JSON.parse(r.out).results).toHaveLength(3);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err).toMatch(/^tekser: cannot save to .* \(the disk is full \(ENOSPC\)\): targets finished from now on are not kept; the report still has them all$/m);
    expect(r.err).toMatch(/^tekser: 1 of 3 finished target\(s\) were kept in .*; the report has them all$/m);
    const [run] = listRuns(dataDir);
    expect(run?.record.measured).toBe(1);
    expect(readResults(run?.dir ?? '')).toHaveLength(1);
  });

  it('from the start: the run goes on unsaved, the report goes to -o, exit 5', async () => {
    const dataDir = tempDir('ux');
    vi.spyOn(storeFs, 'mkdirSync').mockImplementation(() => {
      throw enospc();
    });
    const file = join(dataDir, 'out.jsonl');
    const r = await cli(['run', ...urls(), ...base(dataDir), '--format', 'jsonl', '-o', file]);
    expect(r.code).toBe(5);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4); // 3 targets + the summary line
    expect(r.err).toMatch(/cannot save to .*the disk is full.*this run is not kept/);
    expect(r.err).toMatch(/this run was not kept in the data directory; the report has all 3 finished target\(s\)/);
    expect(existsSync(join(dataDir, 'run.lock'))).toBe(false);
  });
});

describe('the run record on a full disk', () => {
  it('no room for the temporary copy of run.json: written in place, the run stays "complete" (not "interrupted")', () => {
    const dataDir = tempDir('ux');
    const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 0 });
    vi.spyOn(storeFs, 'writeFileAtomic').mockImplementation(() => {
      throw enospc();
    });
    w.finish('complete', { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    expect(w.problem).toBeNull();
    expect(listRuns(dataDir)[0]?.record.status).toBe('complete');
  });

  it('no room at all: the problem is reported (stage "finish"), never thrown', () => {
    const dataDir = tempDir('ux');
    const stages: string[] = [];
    const w = startRun(dataDir, { tekserVersion: 't', lists: [], settings: {}, targets: 0 }, (_e, stage) => stages.push(stage));
    vi.spyOn(storeFs, 'writeFileAtomic').mockImplementation(() => {
      throw enospc();
    });
    vi.spyOn(storeFs, 'writeFileSync').mockImplementation(() => {
      throw enospc();
    });
    expect(() => w.finish('complete', { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, [])).not.toThrow();
    expect(stages).toEqual(['finish']);
    expect(w.problem?.code).toBe('ENOSPC');
  });
});

describe('warn early when the control fails', () => {
  it('says so on stderr as soon as the first targets could not reach the control, and ends with a next step', async () => {
    const dataDir = tempDir('ux');
    mkdirSync(dataDir, { recursive: true });
    const names = ['a', 'b', 'c', 'd'].map((n) => `https://${n}.example.test/`);
    const r = await cli(['run', ...names, ...base(dataDir), '--resolver', `udp://${LO}:1`, '--dns-timeout', '0.5', '--concurrency', '1', '--no-save']);
    expect(r.err).toMatch(/^tekser: warning: the control failed for the first 3 targets/m);
    expect(r.out).toMatch(/^inconclusive\s+4 targets\s+Control unreachable/m);
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(/check your connection and run again/);
    expect(r.code).toBe(3);
  });
});
