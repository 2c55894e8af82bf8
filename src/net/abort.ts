/**
 * Waiting on an abort signal, with one event listener per signal however many operations wait.
 *
 * A target's work runs in parallel (a service target dials all its endpoints at once), and every
 * primitive that waits on the target's signal (TCP connect, TLS handshake, DNS query, a semaphore
 * slot, a deadline) used to add its own `abort` listener to it: eleven at once made Node print
 * `MaxListenersExceededWarning`. Here the signal carries one listener while anyone waits, and the
 * function `whenAborted` returns drops the operation's callback (and the listener, with the last one).
 */
interface Waiters {
  callbacks: Set<() => void>;
  listener: () => void;
}

const waiting = new WeakMap<AbortSignal, Waiters>();

/** Calls `fn` once when `signal` aborts (not if it already has: check `aborted` first). Returns the function that stops waiting. */
export function whenAborted(signal: AbortSignal | undefined, fn: () => void): () => void {
  if (!signal || signal.aborted) return () => {};
  const waiters = waiting.get(signal) ?? listen(signal);
  // A wrapper per call: the same function may wait twice and must then be called twice.
  const entry = (): void => fn();
  waiters.callbacks.add(entry);
  return () => {
    if (!waiters.callbacks.delete(entry) || waiters.callbacks.size > 0) return;
    signal.removeEventListener('abort', waiters.listener);
    waiting.delete(signal);
  };
}

function listen(signal: AbortSignal): Waiters {
  const waiters: Waiters = {
    callbacks: new Set(),
    listener: () => {
      waiting.delete(signal);
      const all = [...waiters.callbacks];
      waiters.callbacks.clear();
      let thrown: { error: unknown } | null = null;
      for (const fn of all) {
        try {
          fn();
        } catch (error) {
          thrown ??= { error };
        }
      }
      if (thrown) throw thrown.error;
    },
  };
  signal.addEventListener('abort', waiters.listener, { once: true });
  waiting.set(signal, waiters);
  return waiters;
}
