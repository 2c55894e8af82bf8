// Hostile inputs to the built CLI: credentials in URLs, bad flags, a YAML alias bomb, a huge list.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';
import { tempDir } from '../helpers/tmp.ts';
import { expectOneLineUsageError, runBuilt, type CliRun } from './cli.ts';
import { HostilePki, httpServer, LO, tlsServer, type Running } from './servers.ts';

const running: Running[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

/** Every file under `dir`, read as text. */
function allText(dir: string): string {
  let out = '';
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    out += statSync(p).isDirectory() ? allText(p) : readFileSync(p, 'utf8');
  }
  return out;
}

describe('URL credentials never reach a report, the data directory or an export', () => {
  const SECRETS = ['s3cr3t-list', 'alice', 'hunter2-cli', 'bob'];
  let dataDir = '';
  let run: CliRun;
  let outFile = '';
  let httpPort = 0;
  let tlsPort = 0;

  beforeAll(async () => {
    const pki = new HostilePki();
    const root = await pki.root('cred-root');
    const leaf = await pki.leaf('cred-leaf', root, [LO]);
    const http = await httpServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<title>T</title>${req.headers.authorization ? 'GOT-AUTH' : ''}`));
    const tls = await tlsServer({ cert: leaf.cert, key: leaf.key });
    running.push(http, tls);
    httpPort = http.port;
    tlsPort = tls.port;
    dataDir = tempDir('cred-data');
    const list = join(dataDir, '..', `cred-list-${process.pid}.csv`);
    writeFileSync(list, `url,category_code,category_description,date_added,source,notes\nhttp://alice:s3cr3t-list@${LO}:${httpPort}/path,NEWS,News,2024-01-01,test,\n`);
    outFile = join(tempDir('cred-out'), 'report.json');
    run = await runBuilt(['run', `https://bob:hunter2-cli@${LO}:${tlsPort}/x`, '--list', list, '--ca-file', root.certFile, '--control-resolver', `https://${LO}:1/dns-query`, '--retries', '0', '--format', 'json', '-o', outFile, '--data-dir', dataDir]);
  }, 60_000);

  it('the run measures the URLs without their credentials', () => {
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(outFile, 'utf8')) as { results: Array<{ target: { url: string } }> };
    expect(doc.results.map((r) => r.target.url).sort()).toEqual([`http://${LO}:${httpPort}/path`, `https://${LO}:${tlsPort}/x`]);
  });

  it('none in the -o report, stdout, stderr, or any file of the data directory', () => {
    const everything = [readFileSync(outFile, 'utf8'), run.stdout, run.stderr, allText(dataDir)].join('\n');
    for (const s of SECRETS) expect(everything.includes(s), s).toBe(false);
    expect(everything).not.toMatch(/\/\/[^/\s"]*@/);
  });

  it('none in the stored run shown again, nor in the OONI export', async () => {
    const [show, ooni] = await Promise.all([runBuilt(['show', 'last', '--format', 'json', '--data-dir', dataDir]), runBuilt(['export', '--ooni', 'last', '--data-dir', dataDir])]);
    expect(show.code, show.stderr).toBe(0);
    expect(ooni.code, ooni.stderr).toBe(0);
    expect(ooni.stdout).toContain(`${LO}:${httpPort}/path`);
    for (const s of SECRETS) expect(show.stdout.includes(s) || ooni.stdout.includes(s), s).toBe(false);
  });

  it('a helper URL with credentials is refused (it is written into every report): one line, exit 2', async () => {
    const r = await runBuilt(['run', '--no-save', `http://${LO}:${httpPort}/`, '--control-helper', `http://u:p@${LO}:1/`]);
    expect(expectOneLineUsageError(r)).toBeNull();
    expect(r.stderr).toMatch(/TEKSER_HELPER_TOKEN/);
    expect(r.stderr).not.toContain('u:p@');
  });
});

describe('bad input: one line, exit 2, never a stack trace', () => {
  const cases: string[][] = [
    ['run', 'ftp://example.test/'],
    ['run', 'not a url'],
    ['run', '--concurrency', '0', 'https://a.test/'],
    ['run', '--target-timeout', '-1', 'https://a.test/'],
    ['run', '--format', 'xml', 'https://a.test/'],
    ['run', '--control-resolver', 'udp://192.0.2.1', 'https://a.test/'],
    ['run', '--resolver', 'carrier-pigeon', 'https://a.test/'],
    ['run', '--list', '/nonexistent/list.csv'],
    ['run', '--ca-file', '/nonexistent.pem', 'https://a.test/'],
    ['lint', '/nonexistent/dir'],
    ['helper', '--listen', '127.0.0.1:99999'],
    ['helper', '--resolver', 'udp://not-an-ip', '--listen', '127.0.0.1:0'],
  ];
  it.concurrent.each(cases.map((c) => [c.join(' '), c] as const))('%s', async (_name, args) => {
    const r = await runBuilt([...args, ...(args[0] === 'run' ? ['--no-save'] : [])], { killAfterMs: 15_000 });
    expect(expectOneLineUsageError(r)).toBeNull();
  });

  it('a YAML alias bomb: file:line, exit 2, at once (run and lint)', async () => {
    const dir = tempDir('alias-bomb');
    const file = join(dir, 'bomb.yaml');
    const lines = ['version: 1', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
    lines.push('services: *a9');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const [run, lint] = await Promise.all([runBuilt(['run', '--no-save', '--list', file], { killAfterMs: 20_000 }), runBuilt(['lint', file], { killAfterMs: 20_000 })]);
    expect(expectOneLineUsageError(run)).toBeNull();
    expect(run.stderr).toMatch(/bomb\.yaml:\d+/);
    // lint reports the refused file as a lint error at file:line beside the others: exit 1 (its documented code)
    expect(lint.code).toBe(1);
    expect(lint.stdout + lint.stderr).toMatch(/bomb\.yaml:\d+/);
    expect(lint.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a 200,000-row list in bounded memory', () => {
  let big = '';
  beforeAll(() => {
    big = join(tempDir('big-list'), 'zz.csv');
    const rows = ['url,category_code,category_description,date_added,source,notes'];
    for (let i = 0; i < 200_000; i++) rows.push(`https://site${i}.example.com/,NEWS,News Media,2024-01-01,test,`);
    writeFileSync(big, `${rows.join('\n')}\n`);
  });

  it('loading it as run targets: peak RSS under 200 MB', async () => {
    const script = join(tempDir('load'), 'load.mjs');
    writeFileSync(script, `const m = await import(${JSON.stringify(join(REPO_ROOT, 'dist/cli/commands/run.js'))});\nconst r = await m.loadTargets([], [process.argv[2]]);\nconsole.log(r.targets.length, process.resourceUsage().maxRSS);\n`);
    const { spawnSync } = await import('node:child_process');
    const out = spawnSync(process.execPath, [script, big], { encoding: 'utf8', timeout: 120_000 });
    expect(out.status, out.stderr).toBe(0);
    const [count, rssKb] = out.stdout.trim().split(' ').map(Number);
    expect(count).toBe(200_000);
    expect(rssKb).toBeLessThan(200 * 1024);
  }, 150_000);

  it('`tekser lint` on it: peak RSS under 200 MB', async () => {
    const r = await runBuilt(['lint', big], { killAfterMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.maxRssKb ?? Infinity).toBeLessThan(200 * 1024);
  }, 150_000);
});
