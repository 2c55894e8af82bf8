import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../src/cli/commands/analyze.ts';
import { memoryIO } from '../src/cli/io.ts';
import { readJsonValues } from '../src/ingest/read.ts';
import { runDocumentSchema, runSummaryLineSchema } from '../src/model/run.ts';
import { startRun } from '../src/store/runs.ts';
import { analyzeWeb } from '../src/analyze/web.ts';
import { serializeResult } from '../src/report/json.ts';
import { dns, measurement, tcp } from './fixtures/observations.ts';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

const fx = (name: string): string => new URL(`./fixtures/ooni/${name}`, import.meta.url).pathname;
const cli = (args: string[]) => runInMemory(['analyze', ...args]);

describe('tekser analyze (OONI measurements)', () => {
  it('--format json of one OONI file: a run document whose results carry verdict.status and verdict.method, and OONI beside', async () => {
    const r = await cli([fx('wc-lte-dns-injection.json'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(runDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0].verdict).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(doc.results[0].ooni).toMatchObject({ blocking: 'dns', accessible: false, label: 'dns' });
    expect(doc.results[0].agreement).toMatchObject({ agree: 'same', line: 'OONI: dns, tekser: dns' });
    expect(doc.results[0].source).toMatchObject({ format: 'ooni', testName: 'web_connectivity', testVersion: '0.5.28' });
    expect(doc.agreement).toMatchObject({ total: 1, same: 1, differs: 0 });
    // Page bodies stay out unless asked for, as in `tekser run`.
    expect(JSON.stringify(doc)).not.toContain('This domain is for use in examples');
  });

  it('JSONL in, JSONL out: one line per measurement, skipped nettests listed with a reason, a summary line', async () => {
    const r = await cli([fx('two-and-dash.jsonl'), '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.verdict?.status ?? l.type)).toEqual(['accessible', 'blocked', 'run-summary']);
    const summary = lines[2];
    expect(runSummaryLineSchema.safeParse(summary).success).toBe(true);
    expect(summary.skipped).toEqual([expect.objectContaining({ count: 1, what: expect.stringMatching(/^dash: tekser does not analyse/) })]);
    expect(r.err).toContain('Skipped 1 measurement(s)');
  });

  it('the table shows OONI beside tekser, and the agreement summary', async () => {
    const r = await cli([fx('wc-04-http-diff.json'), fx('wc-null-requests.json'), '--no-color']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/blocked\s+http-diff\s+http:\/\/example\.org\/\s+\[OONI: http-diff\] Page differs/);
    expect(r.out).toContain('[OONI: unknown] The measurement lacks requests');
    expect(r.out).toContain('Agreement with OONI: 2 of 2 (2 same, 0 finer, 0 differ)');
  });

  it('reads an OONI API measurement_meta answer, and messenger tests against the shipped service list', async () => {
    const r = await cli([fx('measurement-meta.json'), fx('whatsapp.json'), fx('telegram.json'), fx('signal.json'), fx('facebook_messenger.json'), '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type !== 'run-summary');
    expect(lines.map((l) => [l.target.url, l.agreement.agree])).toEqual([
      ['https://www.example.org/', 'same'],
      ['service:whatsapp', 'same'],
      ['service:telegram', 'same'],
      ['service:signal', 'same'],
      ['service:facebook-messenger', 'same'],
    ]);
    expect(lines[0].source.measurementUid).toBe('20240301100000.000000_ZZ_webconnectivity_0123456789abcdef');
  });

  it('reads stdin ("-"), streaming: the first measurement is analysed before the input ends', async () => {
    const io = memoryIO({});
    const stdin = new PassThrough();
    const measurement = readFileSync(fx('two-and-dash.jsonl'), 'utf8').split('\n')[0] as string;
    const done = analyzeCommand(['-'], { format: 'jsonl' }, io, stdin);
    stdin.write(`${measurement}\n`);
    await new Promise((r) => setTimeout(r, 100));
    expect(io.out.join('')).toContain('"status":"accessible"');
    stdin.end(`${measurement}\n`);
    expect(await done).toBe(0);
    expect(io.out.join('').trim().split('\n')).toHaveLength(3);
  });

  it('bad input is one line with file:line, exit 2, no stack', async () => {
    const bad = await cli([fx('bad.jsonl')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^tekser: \S+bad\.jsonl:2: not JSON \([^\n]*\)\n$/);
    const dir = tempDir('analyze');
    const notOoni = join(dir, 'x.json');
    writeFileSync(notOoni, '{\n  "hello": 1\n}\n');
    expect(await cli([notOoni])).toMatchObject({ code: 2, err: `tekser: ${notOoni}:1: not an OONI measurement (no test_name)\n` });
    const broken = join(dir, 'y.json');
    writeFileSync(broken, '{\n  "test_name": "web_connectivity",\n  "input": \n}\n');
    expect((await cli([broken])).err).toMatch(/^tekser: \S+y\.json:4: not JSON/);
    expect(await cli(['/nonexistent/m.json', '--data-dir', dir])).toMatchObject({ code: 2, err: `tekser: /nonexistent/m.json: no such file, and no run "/nonexistent/m.json" in ${dir}\n` });
    expect((await cli([])).code).toBe(2);
  });
});

describe('tekser analyze (stored runs)', () => {
  it('re-analyses a stored run by id, by directory and as a file, with the previous verdict beside the new one', async () => {
    const dataDir = tempDir('analyze-store');
    const first = await cli([fx('wc-lte-dns-injection.json'), fx('wc-lte-redirect-reset.json'), fx('whatsapp.json'), '--format', 'jsonl']);
    const results = first.out.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type !== 'run-summary');
    const writer = startRun(dataDir, { tekserVersion: 'test', lists: [], settings: {}, targets: results.length });
    for (const line of results) writer.append(line);
    writer.finish('complete', { total: 3, accessible: 0, blocked: 3, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);

    for (const ref of ['last', writer.dir, join(writer.dir, 'measurements.jsonl')]) {
      const r = await cli([ref, '--data-dir', dataDir, '--format', 'jsonl']);
      expect(r.code).toBe(0);
      const again = r.out.trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type !== 'run-summary');
      expect(again.map((l) => [l.verdict.status, l.verdict.method])).toEqual(results.map((l) => [l.verdict.status, l.verdict.method]));
      expect(again.every((l) => l.source.format === 'tekser' && l.previousVerdict.changed === false)).toBe(true);
      expect(again[0].measurement.dns.local[1].lateAnswers).toEqual(results[0].measurement.dns.local[1].lateAnswers);
    }
  });
});

describe('readJsonValues', () => {
  it('yields a JSONL line before the rest arrives; a pretty document whole; arrays element by element', async () => {
    const stream = new PassThrough();
    const it = readJsonValues('-', stream)[Symbol.asyncIterator]();
    stream.write('{"a":1}\n');
    expect((await it.next()).value).toEqual({ file: '<stdin>', line: 1, value: { a: 1 } });
    stream.end('\n{"a":2}\n');
    expect((await it.next()).value).toEqual({ file: '<stdin>', line: 3, value: { a: 2 } });
    expect((await it.next()).done).toBe(true);

    const values = [];
    for await (const v of readJsonValues('-', Readable.from(['[\n  {"b": 1},\n', '  {"b": 2}\n]\n']))) values.push(v.value);
    expect(values).toEqual([{ b: 1 }, { b: 2 }]);
  });

  it('reads gzipped JSONL (OONI S3 archives) a line at a time', async () => {
    const dir = tempDir('gz');
    const file = join(dir, 'x.jsonl.gz');
    writeFileSync(file, gzipSync('{"a":1}\n{"a":2}\n'));
    const values = [];
    for await (const v of readJsonValues(file)) values.push(v);
    expect(values).toEqual([
      { file, line: 1, value: { a: 1 } },
      { file, line: 2, value: { a: 2 } },
    ]);
  });

  it('an empty input is an error, not silence', async () => {
    await expect(async () => {
      for await (const _ of readJsonValues('-', Readable.from(['\n\n']))) void _;
    }).rejects.toThrow('<stdin>:2: empty: no measurement in it');
  });
});

describe('tekser analyze (a stored run\'s run-level evidence)', () => {
  // One target that timed out, and the run's own control check that got no answer: in the run, that
  // is "no connectivity" (the control check decides it, #11). Re-analysed, it must stay so.
  const host = 'orda.kz';
  const m = measurement(`https://${host}/`, { dns: { local: [dns('udp', host, ['203.0.113.5'])], control: [dns('doh', host, ['203.0.113.5'])] }, tcp: [tcp('203.0.113.5', 443, 'generic_timeout_error')] });
  const line = serializeResult({ target: m.target, verdict: analyzeWeb(m), measurement: m }, { includeBodies: false });
  const deadControl = [dns('doh', 'example.org', [], 'network_unreachable')];
  const kinds = (out: string): string[] => out.trim().split('\n').map((l) => JSON.parse(l)).find((l) => l.type === 'run-summary').findings.map((f: { kind: string }) => f.kind);

  it('run.json\'s control check still decides no connectivity; without it, one timed-out site is no finding', async () => {
    const dataDir = tempDir('analyze-control');
    const writer = startRun(dataDir, { tekserVersion: 'test', lists: [], settings: {}, targets: 1 });
    writer.append(line);
    writer.finish('complete', { total: 1, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 1 }, [], deadControl);
    const withRun = await cli(['last', '--data-dir', dataDir, '--format', 'jsonl']);
    expect(withRun.code).toBe(0);
    expect(kinds(withRun.out)).toEqual(['no-connectivity']);

    const bare = join(tempDir('analyze-bare'), 'results.jsonl');
    writeFileSync(bare, `${JSON.stringify(line)}\n`);
    expect(kinds((await cli([bare, '--format', 'jsonl'])).out)).toEqual([]);
  });

  it('--format jsonl output: the control check of the summary line counts; a --format json document\'s too', async () => {
    const dir = tempDir('analyze-summary');
    const jsonl = join(dir, 'run.jsonl');
    writeFileSync(jsonl, `${JSON.stringify(line)}\n${JSON.stringify({ schema: line.schema, type: 'run-summary', startedAt: '', finishedAt: '', summary: {}, findings: [], controlCheck: deadControl })}\n`);
    expect(kinds((await cli([jsonl, '--format', 'jsonl'])).out)).toEqual(['no-connectivity']);
    const doc = join(dir, 'run.json.out');
    writeFileSync(doc, JSON.stringify({ schema: line.schema, controlCheck: deadControl, results: [line] }, null, 2));
    expect(kinds((await cli([doc, '--format', 'jsonl'])).out)).toEqual(['no-connectivity']);
  });
});
