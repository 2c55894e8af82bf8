import { whenAborted } from '../net/abort.ts';

/**
 * After the deadline aborts a target's work, how long to wait for it to wind down. The primitives
 * close their sockets on abort, so this is only reached by work that ignores the signal.
 */
export const WIND_DOWN_MS = 1000;

/**
 * Runs `work` with a signal that aborts at `ms` (or when `outer` aborts). Returns its value, or null
 * when the deadline came first; either way it returns only once the work has stopped (or
 * WIND_DOWN_MS after the abort, for work that ignores the signal), so a timed-out target frees its
 * concurrency slot when its sockets are closed, not while they are still open.
 */
export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T | null> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), ms);
  const stopWaiting = whenAborted(outer, () => ac.abort());
  if (outer?.aborted) ac.abort();
  const p = work(ac.signal).catch((err: unknown) => {
    if (ac.signal.aborted) return null;
    throw err;
  });
  let windDown: NodeJS.Timeout | undefined;
  let stopWaitingForAbort = (): void => {};
  try {
    const aborted = new Promise<'aborted'>((resolve) => {
      if (ac.signal.aborted) resolve('aborted');
      stopWaitingForAbort = whenAborted(ac.signal, () => resolve('aborted'));
    });
    const first = await Promise.race([p, aborted]);
    if (first !== 'aborted' && !ac.signal.aborted) return first;
    // Aborted: wait for the work to stop, but not forever.
    await Promise.race([p, new Promise<void>((resolve) => (windDown = setTimeout(resolve, WIND_DOWN_MS)))]);
    return null;
  } finally {
    clearTimeout(timer);
    clearTimeout(windDown);
    stopWaiting();
    stopWaitingForAbort();
  }
}
