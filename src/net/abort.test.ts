import { describe, expect, it } from 'vitest';
import { getEventListeners } from 'node:events';
import { whenAborted } from './abort.ts';

describe('whenAborted', () => {
  it('puts one listener on the signal however many wait, and drops it with the last', () => {
    const ac = new AbortController();
    const stops = Array.from({ length: 30 }, () => whenAborted(ac.signal, () => {}));
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
    for (const stop of stops) stop();
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  it('calls each waiter once, in order, and not those that stopped waiting', () => {
    const ac = new AbortController();
    const calls: number[] = [];
    const fn = (i: number) => () => calls.push(i);
    whenAborted(ac.signal, fn(1));
    const stop = whenAborted(ac.signal, fn(2));
    whenAborted(ac.signal, fn(3));
    stop();
    stop();
    ac.abort();
    ac.abort();
    expect(calls).toEqual([1, 3]);
    expect(whenAborted(ac.signal, fn(4))).toBeTypeOf('function');
    expect(calls).toEqual([1, 3]);
  });
});
