import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAILURES } from '../model/failure.ts';
import type { Clock } from '../net/clock.ts';
import { HELPER_FAILOVER_MS, queryHelpers, type queryHelper } from './client.ts';

const clock: Clock = { now: () => Date.now() / 1000, startedAt: '' };
const response = { tcp_connect: {}, tls_handshake: {}, http_request: { body_length: 1, failure: null, title: '', headers: {}, status_code: 200 }, dns: { failure: null, addrs: [] } };

/** A fake helper call: each URL answers after `ms` with `failure` (null: a good answer), or never. */
function fakeCall(plan: Record<string, { ms: number; failure: string | null } | 'never'>, calls: string[]): typeof queryHelper {
  return (url, _t, _e, opts) =>
    new Promise((resolve) => {
      calls.push(`${url}@${Date.now()}`);
      const p = plan[url];
      const onAbort = () => resolve({ url, response: null, failure: FAILURES.interrupted });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (p === 'never' || !p) return;
      setTimeout(() => resolve({ url, response: p.failure ? null : response, failure: p.failure }), p.ms);
    });
}

describe('control helper failover (fake clock)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('a dead first helper: the next one starts at once, and both attempts are recorded with their failures', async () => {
    const calls: string[] = [];
    const p = queryHelpers(['http://a/', 'http://b/'], 'https://x.test/', [], { timeoutMs: 30_000, clock, call: fakeCall({ 'http://a/': { ms: 5, failure: 'connection_refused' }, 'http://b/': { ms: 100, failure: null } }, calls) });
    await vi.advanceTimersByTimeAsync(1000);
    const r = await p;
    expect(calls).toEqual(['http://a/@0', 'http://b/@5']);
    expect(r).toMatchObject({ url: 'http://b/', failure: null });
    expect(r?.attempts).toEqual([
      { url: 'http://a/', failure: 'connection_refused', t0: 0, t: 0.005 },
      { url: 'http://b/', failure: null, t0: 0.005, t: 0.105 },
    ]);
  });

  it('a first helper that has not answered in 15 s: the next starts beside it; the first good answer wins and the slow one is cancelled', async () => {
    const calls: string[] = [];
    const p = queryHelpers(['http://slow/', 'http://b/'], 'https://x.test/', [], { timeoutMs: 60_000, clock, call: fakeCall({ 'http://slow/': 'never', 'http://b/': { ms: 200, failure: null } }, calls) });
    await vi.advanceTimersByTimeAsync(HELPER_FAILOVER_MS + 1000);
    const r = await p;
    expect(calls).toEqual(['http://slow/@0', `http://b/@${HELPER_FAILOVER_MS}`]);
    expect(r?.url).toBe('http://b/');
    expect(r?.attempts?.map((a) => [a.url, a.failure])).toEqual([
      ['http://slow/', FAILURES.interrupted],
      ['http://b/', null],
    ]);
  });

  it('every helper failing: the last failure is the result, with every attempt', async () => {
    const p = queryHelpers(['http://a/', 'http://b/'], 'https://x.test/', [], { timeoutMs: 30_000, clock, call: fakeCall({ 'http://a/': { ms: 1, failure: 'connection_refused' }, 'http://b/': { ms: 1, failure: 'generic_timeout_error' } }, []) });
    await vi.advanceTimersByTimeAsync(100);
    const r = await p;
    expect(r).toMatchObject({ response: null, failure: 'generic_timeout_error' });
    expect(r?.attempts?.map((a) => a.failure)).toEqual(['connection_refused', 'generic_timeout_error']);
  });

  it('no helper: null', async () => {
    expect(await queryHelpers([], 'https://x.test/', [], { timeoutMs: 1, clock })).toBeNull();
  });
});
