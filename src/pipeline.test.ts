import { describe, expect, it } from 'vitest';
import { measurement } from '../test/fixtures/observations.ts';
import { type MeasureContext, DEFAULT_TIMEOUTS } from './measure/context.ts';
import { runTargets } from './pipeline.ts';
import type { WebTarget } from './model/target.ts';

const ctx = { timeouts: { ...DEFAULT_TIMEOUTS, targetMs: 200 }, localResolver: { kind: 'system' }, interceptionCas: [] } as unknown as MeasureContext;
const targets: WebTarget[] = Array.from({ length: 20 }, (_, i) => ({ kind: 'web', url: `https://t${i}.example/`, category: null, source: 'test' }));

describe('runTargets', () => {
  it('never measures more than --concurrency targets at once, and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const finished: string[] = [];
    const results = await runTargets(targets, ctx, {
      concurrency: 4,
      onResult: (r) => finished.push(r.target.url),
      measurers: {
        web: async (t) => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 5 + (t.url.length % 3) * 5));
          inFlight--;
          return measurement(t.url);
        },
        service: async () => {
          throw new Error('no services here');
        },
      },
    });
    expect(peak).toBe(4);
    expect(results.map((r) => r.target.url)).toEqual(targets.map((t) => t.url));
    expect(finished).toHaveLength(20);
  });

  it('a target that outlives the whole-target deadline comes back inconclusive, and the run goes on', async () => {
    const results = await runTargets(targets.slice(0, 2), ctx, {
      concurrency: 2,
      measurers: {
        web: (t) => (t.url.includes('t0') ? new Promise(() => {}) : Promise.resolve(measurement(t.url))),
        service: async () => {
          throw new Error('unused');
        },
      },
    });
    expect(results[0]?.measurement.deadlineExceeded).toBe(true);
    expect(results[0]?.verdict).toMatchObject({ status: 'inconclusive', reason: 'The measurement ran out of time before it could conclude' });
  });

  it('stops scheduling when the signal aborts', async () => {
    const stop = new AbortController();
    let started = 0;
    const results = await runTargets(targets, ctx, {
      concurrency: 1,
      signal: stop.signal,
      measurers: {
        web: async (t) => {
          if (++started === 3) stop.abort();
          return measurement(t.url);
        },
        service: async () => {
          throw new Error('unused');
        },
      },
    });
    expect(results).toHaveLength(3);
  });
});
