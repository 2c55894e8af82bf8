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
  return new Promise((resolve) => new HedgedRun(opts, resolve).begin());
}

/** One hedged run: attempts started one after another (or beside each other after the hedge delay), settled by the first ok or final one. */
class HedgedRun<T> {
  private readonly stop = new AbortController();
  private readonly stopWaiting: () => void;
  private readonly results: Array<{ index: number; value: T }> = [];
  private started = 0;
  private running = 0;
  private winner: T | null = null;
  private finished = false;
  private hedgeTimer: NodeJS.Timeout | undefined;

  private readonly opts: HedgeOptions<T>;
  private readonly resolve: (r: HedgeResult<T>) => void;

  constructor(opts: HedgeOptions<T>, resolve: (r: HedgeResult<T>) => void) {
    this.opts = opts;
    this.resolve = resolve;
    this.stopWaiting = whenAborted(opts.signal, () => this.stop.abort());
    if (opts.signal?.aborted) this.stop.abort();
  }

  begin(): void {
    this.start();
    this.maybeDone();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.hedgeTimer);
    this.stopWaiting();
    this.results.sort((a, b) => a.index - b.index);
    this.resolve({ completed: this.results.map((r) => r.value), winner: this.winner });
  }

  private maybeDone(): void {
    if (this.running === 0 && (this.winner !== null || this.started >= this.opts.attempts || this.stop.signal.aborted)) this.finish();
  }

  /** Starts the next attempt, unless the run is settled, stopped or out of attempts. */
  private start(): void {
    clearTimeout(this.hedgeTimer);
    if (this.winner !== null || this.started >= this.opts.attempts || this.stop.signal.aborted) return;
    const index = this.started++;
    this.running++;
    // The attempt's signal follows `stop` (a listener removed when the attempt ends: cheaper than
    // AbortSignal.any in Node 20, which leaves weak references for the GC on every attempt).
    const own = new AbortController();
    if (this.stop.signal.aborted) own.abort(this.stop.signal.reason);
    const stopFollowing = whenAborted(this.stop.signal, () => own.abort(this.stop.signal.reason));
    let answered = false;
    // Hedge: if this attempt has not answered within the delay, start the next one beside it.
    if (this.started < this.opts.attempts) {
      this.hedgeTimer = setTimeout(() => {
        if (!answered) this.start();
      }, this.opts.hedgeDelayMs);
    }
    const markAnswered = (): void => {
      answered = true;
      if (index === this.started - 1) clearTimeout(this.hedgeTimer);
    };
    this.opts
      .run(index, { signal: own.signal, answered: markAnswered })
      .finally(stopFollowing)
      .then(
        (value) => this.settled(index, value),
        () => this.failed(index),
      );
  }

  /** An attempt ran to its end with a value. */
  private settled(index: number, value: T): void {
    this.running--;
    // An attempt cut short because another won is not evidence: drop it.
    const cutShort = this.stop.signal.aborted && this.winner !== null;
    if (cutShort) this.opts.discard?.(value);
    else {
      const o = this.opts.outcome(value);
      this.results.push({ index, value });
      if (o !== 'retry' && this.winner === null) {
        this.winner = value;
        this.stop.abort();
      } else if (o === 'retry' && index === this.started - 1) {
        // The newest attempt failed: the next one starts now rather than at the hedge delay.
        this.start();
      }
    }
    this.maybeDone();
  }

  /** An attempt threw: the newest one's failure starts the next at once. */
  private failed(index: number): void {
    this.running--;
    if (index === this.started - 1) this.start();
    this.maybeDone();
  }
}
