import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hedgedAttempts, type AttemptControl } from './hedge.ts';
import { ADAPTIVE_FLOOR_MS, RttTracker } from './rtt.ts';

/** A scripted attempt: answers (connects) after `answerMs` or never, then ends after `endMs` with `result`. */
interface Script {
  answerMs?: number;
  endMs: number;
  result: string;
}

function scripted(scripts: Script[], log: string[]) {
  return (i: number, c: AttemptControl): Promise<string> =>
    new Promise((resolve) => {
      const s = scripts[i] as Script;
      log.push(`start ${i} @${Date.now()}`);
      const timers: NodeJS.Timeout[] = [];
      if (s.answerMs !== undefined) timers.push(setTimeout(() => c.answered(), s.answerMs));
      timers.push(setTimeout(() => resolve(s.result), s.endMs));
      c.signal.addEventListener('abort', () => {
        timers.forEach(clearTimeout);
        log.push(`abort ${i} @${Date.now()}`);
        resolve('interrupted');
      });
    });
}

const outcome = (r: string) => (r === 'ok' ? ('ok' as const) : r === 'cert' ? ('final' as const) : ('retry' as const));

describe('hedged connect attempts (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a blackholed address: three attempts overlap, one second apart, and all three timeouts are kept', async () => {
    const log: string[] = [];
    const p = hedgedAttempts({ attempts: 3, hedgeDelayMs: 1000, outcome, run: scripted([{ endMs: 4000, result: 'timeout' }, { endMs: 4000, result: 'timeout' }, { endMs: 4000, result: 'timeout' }], log) });
    await vi.advanceTimersByTimeAsync(10_000);
    const r = await p;
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start 0 @0', 'start 1 @1000', 'start 2 @2000']);
    expect(r.completed).toEqual(['timeout', 'timeout', 'timeout']);
    expect(r.winner).toBeNull();
    // Sequentially this took 12 s; hedged it ends when the last attempt times out.
    expect(Date.now()).toBeGreaterThanOrEqual(6000);
  });

  it('ends at 6 s, not 12 s, for three 4 s timeouts', async () => {
    let end = -1;
    const p = hedgedAttempts({ attempts: 3, hedgeDelayMs: 1000, outcome, run: scripted([{ endMs: 4000, result: 't' }, { endMs: 4000, result: 't' }, { endMs: 4000, result: 't' }], []) }).then(() => (end = Date.now()));
    await vi.advanceTimersByTimeAsync(20_000);
    await p;
    expect(end).toBe(6000);
  });

  it('an attempt that answered (connected) is not hedged: the next waits for it to fail', async () => {
    const log: string[] = [];
    const p = hedgedAttempts({ attempts: 2, hedgeDelayMs: 1000, outcome, run: scripted([{ answerMs: 50, endMs: 3000, result: 'reset' }, { answerMs: 50, endMs: 100, result: 'ok' }], log) });
    await vi.advanceTimersByTimeAsync(10_000);
    const r = await p;
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start 0 @0', 'start 1 @3000']);
    expect(r.completed).toEqual(['reset', 'ok']);
    expect(r.winner).toBe('ok');
  });

  it('a failure starts the next attempt at once, without waiting for the hedge delay', async () => {
    const log: string[] = [];
    const p = hedgedAttempts({ attempts: 3, hedgeDelayMs: 1000, outcome, run: scripted([{ endMs: 10, result: 'refused' }, { endMs: 10, result: 'refused' }, { endMs: 10, result: 'refused' }], log) });
    await vi.advanceTimersByTimeAsync(1000);
    const r = await p;
    expect(log).toEqual(['start 0 @0', 'start 1 @10', 'start 2 @20']);
    expect(r.completed).toEqual(['refused', 'refused', 'refused']);
  });

  it('the first success wins; attempts still running are cancelled and not kept as evidence', async () => {
    const log: string[] = [];
    const p = hedgedAttempts({ attempts: 3, hedgeDelayMs: 1000, outcome, run: scripted([{ endMs: 4000, result: 'timeout' }, { answerMs: 100, endMs: 200, result: 'ok' }, { endMs: 1, result: 'x' }], log) });
    await vi.advanceTimersByTimeAsync(10_000);
    const r = await p;
    expect(r.winner).toBe('ok');
    expect(r.completed).toEqual(['ok']);
    expect(log).toContain('abort 0 @1200');
    expect(log.some((l) => l.startsWith('start 2'))).toBe(false);
  });

  it('an attempt that completes after another won is handed to discard (to close its socket), not kept', async () => {
    const discarded: string[] = [];
    const run = (i: number, c: AttemptControl): Promise<string> =>
      new Promise((resolve) => {
        // Attempt 0 ignores the abort and connects late; attempt 1 wins first.
        void c;
        setTimeout(() => resolve(i === 0 ? 'late-ok' : 'ok'), i === 0 ? 1500 : 100);
      });
    const p = hedgedAttempts({ attempts: 2, hedgeDelayMs: 1000, outcome: (r) => (r.endsWith('ok') ? 'ok' : 'retry'), run, discard: (r) => discarded.push(r) });
    await vi.advanceTimersByTimeAsync(3000);
    const r = await p;
    expect(r).toEqual({ completed: ['ok'], winner: 'ok' });
    expect(discarded).toEqual(['late-ok']);
  });

  it('a certificate answer is final: no further attempt starts', async () => {
    const log: string[] = [];
    const p = hedgedAttempts({ attempts: 3, hedgeDelayMs: 1000, outcome, run: scripted([{ answerMs: 10, endMs: 30, result: 'cert' }, { endMs: 1, result: 'ok' }, { endMs: 1, result: 'ok' }], log) });
    await vi.advanceTimersByTimeAsync(5000);
    const r = await p;
    expect(r).toEqual({ completed: ['cert'], winner: 'cert' });
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start 0 @0']);
  });

  it('the caller aborting stops every attempt at once', async () => {
    const ac = new AbortController();
    const log: string[] = [];
    const p = hedgedAttempts({ attempts: 3, hedgeDelayMs: 1000, outcome, signal: ac.signal, run: scripted([{ endMs: 9000, result: 't' }, { endMs: 9000, result: 't' }, { endMs: 9000, result: 't' }], log) });
    await vi.advanceTimersByTimeAsync(1500);
    ac.abort();
    await vi.advanceTimersByTimeAsync(0);
    await p;
    expect(log.filter((l) => l.startsWith('abort'))).toEqual(['abort 0 @1500', 'abort 1 @1500']);
    expect(log.some((l) => l.startsWith('start 2'))).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('adaptive connect timeout', () => {
  it('stays at the configured timeout until enough connects were seen', () => {
    const r = new RttTracker();
    for (let i = 0; i < 7; i++) r.record(20);
    expect(r.connectTimeoutMs(10_000)).toBe(10_000);
    r.record(20);
    expect(r.connectTimeoutMs(10_000)).toBe(ADAPTIVE_FLOOR_MS);
  });
  it('never goes below the floor SYN retransmission needs, nor above the configured timeout', () => {
    const fast = new RttTracker();
    for (let i = 0; i < 50; i++) fast.record(1);
    expect(fast.connectTimeoutMs(10_000)).toBe(4000);
    expect(fast.connectTimeoutMs(2000)).toBe(2000);
    const slow = new RttTracker();
    for (let i = 0; i < 50; i++) slow.record(1500);
    expect(slow.connectTimeoutMs(10_000)).toBe(6000);
    expect(slow.connectTimeoutMs(5000)).toBe(5000);
  });
  it('follows the 95th percentile, so a few slow connects do not stretch it', () => {
    const r = new RttTracker();
    for (let i = 0; i < 99; i++) r.record(100 + i);
    r.record(9000);
    expect(r.p95()).toBe(194);
    expect(r.connectTimeoutMs(10_000)).toBe(4000);
  });
});
