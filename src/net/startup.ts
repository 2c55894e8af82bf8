/**
 * Start-up (issue #13): a run sends its first queries before its heavy modules (undici, the
 * analysis with the block-page signature tables) are loaded. Loading them blocks the event loop for a
 * few hundred milliseconds, and an answer that arrives meanwhile is timestamped only when the loop
 * is free again, so loading while a query is in flight would inflate the round-trip times the
 * measurement records. Hence:
 *
 * - queries to the resolver under test are counted while in flight (`whileDnsInFlight`, from
 *   net/dns.ts; DoH is not counted: it needs undici);
 * - heavy modules load through `loadAfterFirstQueries`, which waits until the queries started with
 *   the first targets have been answered (or `MAX_WAIT_MS`), then loads everything asked for so
 *   far, and resolves each caller only when all of it is loaded. Whatever is timed next (the DoH
 *   control, TCP and TLS) starts on a free event loop.
 *
 * Once loaded, later calls cost nothing: there is one batch, at start-up.
 */

/** A resolver that has not answered in this long is slow anyway: the modules load regardless. */
export const MAX_WAIT_MS = 1000;

let inFlight = 0;
let onQuiet: Array<() => void> = [];

/** Counts a query to the resolver under test while it is in flight. */
export function whileDnsInFlight<T>(query: Promise<T>): Promise<T> {
  inFlight++;
  const done = (): void => {
    if (--inFlight > 0) return;
    const waiting = onQuiet;
    onQuiet = [];
    for (const f of waiting) f();
  };
  query.then(done, done);
  return query;
}

/** After the current turn (every target started in it has sent its queries), once none is in flight. */
function firstQueriesAnswered(): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      if (inFlight === 0) return resolve();
      const timer = setTimeout(resolve, MAX_WAIT_MS);
      timer.unref();
      onQuiet.push(() => {
        clearTimeout(timer);
        resolve();
      });
    }),
  );
}

let gate: Promise<void> | undefined;
const batch: Promise<unknown>[] = [];

/** Loads a heavy module once the first queries are answered; resolves when everything asked for so far has loaded. */
export function loadAfterFirstQueries<T>(load: () => Promise<T>): Promise<T> {
  gate ??= firstQueriesAnswered();
  const loading = gate.then(load);
  batch.push(loading);
  return Promise.allSettled(batch).then(() => loading);
}
