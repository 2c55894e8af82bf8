import { whenAborted } from './abort.ts';

/** A counting semaphore whose waiters can give up (abort or timeout) without ever holding a slot. */
export class Semaphore {
  private inUse = 0;
  private readonly waiters: Array<(release: () => void) => void> = [];
  readonly size: number;
  constructor(size: number) {
    this.size = size;
  }

  get active(): number {
    return this.inUse;
  }
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function (call it exactly once), or null when aborted or timed out first. */
  acquire(signal?: AbortSignal, timeoutMs?: number): Promise<(() => void) | null> {
    if (signal?.aborted) return Promise.resolve(null);
    if (this.inUse < this.size) {
      this.inUse++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let stopWaiting = (): void => {};
      const grant = (release: () => void): void => {
        clearTimeout(timer);
        stopWaiting();
        resolve(release);
      };
      const giveUp = (): void => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        clearTimeout(timer);
        stopWaiting();
        resolve(null);
      };
      this.waiters.push(grant);
      stopWaiting = whenAborted(signal, giveUp);
      if (timeoutMs !== undefined) timer = setTimeout(giveUp, timeoutMs);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next(this.releaser());
      else this.inUse--;
    };
  }
}
