import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadlineSignal } from './clock.ts';
import { classifyError } from './failure.ts';

describe('deadlineSignal (AbortSignal.any of a parent and a timeout, released when done)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('aborts after the time with a TimeoutError, which classifies as generic_timeout_error', () => {
    const d = deadlineSignal(1000);
    vi.advanceTimersByTime(999);
    expect(d.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(d.signal.aborted).toBe(true);
    expect((d.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(classifyError(d.signal.reason)).toBe(classifyError(Object.assign(new Error('x'), { name: 'TimeoutError' })));
    expect(classifyError(d.signal.reason)).toBe('generic_timeout_error');
  });
  it('follows the parent, with its reason, and its timer is gone', () => {
    const parent = new AbortController();
    const d = deadlineSignal(1000, parent.signal);
    const reason = new Error('stop');
    parent.abort(reason);
    expect(d.signal.reason).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });
  it('an already aborted parent gives an aborted signal', () => {
    const parent = new AbortController();
    parent.abort('done');
    expect(deadlineSignal(1000, parent.signal).signal.reason).toBe('done');
  });
  it('release: neither the timer nor the parent aborts it afterwards', () => {
    const parent = new AbortController();
    const d = deadlineSignal(1000, parent.signal);
    d.release();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    parent.abort();
    expect(d.signal.aborted).toBe(false);
  });
});
