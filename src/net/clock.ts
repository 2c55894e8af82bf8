import { performance } from 'node:perf_hooks';

/** Measurement-relative time in seconds, as OONI's t0/t fields: unaffected by wall-clock jumps. */
export interface Clock {
  /** Seconds since the measurement started. */
  now(): number;
  /** Wall-clock start, ISO 8601. */
  readonly startedAt: string;
}

export function startClock(): Clock {
  const origin = performance.now();
  const startedAt = new Date().toISOString();
  return { now: () => Math.round((performance.now() - origin) * 1000) / 1e6, startedAt };
}

/** Rejects after `ms` unless the promise settles first; the timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(Object.assign(new Error(`timed out after ${ms} ms`), { code: 'ETIMEDOUT' }));
    }, ms);
    timer.unref?.();
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
