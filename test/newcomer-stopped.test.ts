import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stoppedLine } from '../src/cli/commands/run.ts';
import { runDocumentSchema, runSummaryLineSchema } from '../src/model/run.ts';
import { runInMemory } from './helpers/cli.ts';

// Issue #25 item 5: a run that stopped early says so in the table, the JSON and the JSONL, with
// finished and planned counts.

let silent: Server;
let port = 0;
const sockets: Socket[] = [];
beforeAll(async () => {
  // Accepts and never answers: each target waits until the deadline stops the run.
  silent = createServer((s) => void sockets.push(s));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});
afterAll(() => {
  for (const s of sockets) s.destroy();
  silent.close();
});

const args = (format: string) => ['run', '--no-save', '--format', format, '--concurrency', '1', '--retries', '0', '--max-runtime', '1', '--http-timeout', '1.5', '--control-resolver', 'https://127.0.0.1:1/dns-query', ...[1, 2, 3, 4, 5].map((i) => `http://127.0.0.1:${port}/t${i}`)];

describe('a run stopped by --max-runtime says it stopped', () => {
  it('JSON: stopped with reason, finished and planned', async () => {
    const r = await runInMemory(args('json'));
    const doc = runDocumentSchema.parse(JSON.parse(r.out));
    expect(doc.stopped).toEqual({ reason: 'deadline', finished: doc.summary.total, planned: 5 });
    expect(doc.summary.total).toBeLessThan(5);
  }, 20_000);

  it('JSONL: the run-summary line carries it', async () => {
    const r = await runInMemory(args('jsonl'));
    const last = runSummaryLineSchema.parse(JSON.parse(r.out.trim().split('\n').pop() as string));
    expect(last.stopped).toMatchObject({ reason: 'deadline', planned: 5 });
  }, 20_000);

  it('table: the last line says it stopped and how far it got', async () => {
    const r = await runInMemory(args('table'));
    expect(r.out).toMatch(/Run stopped at --max-runtime: \d of 5 targets finished; the counts above cover only those\.\n$/);
  }, 20_000);

  it('an interrupted run reads as interrupted, one target counted as one', () => {
    expect(stoppedLine({ reason: 'interrupted', finished: 2, planned: 5 })).toBe('Run interrupted: 2 of 5 targets finished; the counts above cover only those.');
    expect(stoppedLine({ reason: 'interrupted', finished: 0, planned: 1 })).toBe('Run interrupted: 0 of 1 target finished; the counts above cover only those.');
  });
});
