import { whenAborted } from './abort.ts';

/**
 * Hedged retries: the attempts at one endpoint are the same as when they ran one after another
 * (same count, same per-attempt timeout, the same observations kept), but the next attempt starts
 * when the previous one has not answered within `hedgeDelayMs` instead of waiting out its timeout.
 * A blackholed address then costs about one timeout instead of one per attempt.
 */

export type AttemptOutcome = 'ok' | 'final' | 'retry';

export interface AttemptControl {
  /** Aborted when another attempt has settled the question (or the caller's signal aborts). */
  signal: AbortSignal;
  /** Call when the attempt got an answer (e.g. TCP connected): the next attempt then waits for it to fail. */
  answered(): void;
}

export interface HedgeOptions<T> {
  attempts: number;
  hedgeDelayMs: number;
  run: (index: number, control: AttemptControl) => Promise<T>;
  /** ok: done, stop the others; final: an answer that retrying cannot change; retry: try again. */
  outcome: (result: T) => AttemptOutcome;
  /** Called with each attempt cut short by a winner (to close what it opened). */
  discard?: (result: T) => void;
  signal?: AbortSignal;
}

export interface HedgeResult<T> {
  /** Attempts that ran to their end, in the order they were started; attempts cut short by a winner are dropped. */
  completed: T[];
  /** The attempt that settled it: the first ok or final one, else null. */
  winner: T | null;
}

export function hedgedAttempts<T>(opts: HedgeOptions<T>): Promise<HedgeResult<T>> {
  const stop = new AbortController();
  const stopWaiting = whenAborted(opts.signal, () => stop.abort());
  if (opts.signal?.aborted) stop.abort();

  return new Promise((resolve) => {
    const results: Array<{ index: number; value: T }> = [];
    let started = 0;
    let running = 0;
    let winner: T | null = null;
    let finished = false;
    let hedgeTimer: NodeJS.Timeout | undefined;

    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(hedgeTimer);
      stopWaiting();
      results.sort((a, b) => a.index - b.index);
      resolve({ completed: results.map((r) => r.value), winner });
    };
    const maybeDone = (): void => {
      if (running === 0 && (winner !== null || started >= opts.attempts || stop.signal.aborted)) finish();
    };

    const start = (): void => {
      clearTimeout(hedgeTimer);
      if (winner !== null || started >= opts.attempts || stop.signal.aborted) return;
      const index = started++;
      running++;
      // The attempt's signal follows `stop` (a listener removed when the attempt ends: cheaper than
      // AbortSignal.any in Node 20, which leaves weak references for the GC on every attempt).
      const own = new AbortController();
      if (stop.signal.aborted) own.abort(stop.signal.reason);
      const stopFollowing = whenAborted(stop.signal, () => own.abort(stop.signal.reason));
      const signal = own.signal;
      let answered = false;
      // Hedge: if this attempt has not answered within the delay, start the next one beside it.
      if (started < opts.attempts) {
        hedgeTimer = setTimeout(() => {
          if (!answered) start();
        }, opts.hedgeDelayMs);
      }
      opts
        .run(index, {
          signal,
          answered: () => {
            answered = true;
            if (index === started - 1) clearTimeout(hedgeTimer);
          },
        })
        .finally(stopFollowing)
        .then(
          (value) => {
            running--;
            // An attempt cut short because another won is not evidence: drop it.
            const cutShort = stop.signal.aborted && winner !== null;
            if (cutShort) opts.discard?.(value);
            else {
              const o = opts.outcome(value);
              results.push({ index, value });
              if (o !== 'retry' && winner === null) {
                winner = value;
                stop.abort();
              } else if (o === 'retry' && index === started - 1) {
                // The newest attempt failed: the next one starts now rather than at the hedge delay.
                start();
              }
            }
            maybeDone();
          },
          () => {
            running--;
            if (index === started - 1) start();
            maybeDone();
          },
        );
    };
    start();
    maybeDone();
  });
}
