/**
 * The connect timeout this run needs, from the connect times it has observed. A SYN that is lost
 * is retransmitted after 1 s and again 2 s later, so a healthy but lossy path can take ~3 s plus a
 * round trip: never go below FLOOR_MS, never above what the user configured, and stay at the
 * configured value until enough connections have been seen to say anything.
 */
export const ADAPTIVE_FLOOR_MS = 4000;
const MIN_SAMPLES = 8;
const WINDOW = 256;
/** A connect slower than this many times the run's 95th percentile is unusual. */
const FACTOR = 4;

export class RttTracker {
  private readonly samples: number[] = [];
  private next = 0;
  private cached: number | null = null;

  /** A successful connect took `ms`. */
  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    if (this.samples.length < WINDOW) this.samples.push(ms);
    else {
      this.samples[this.next] = ms;
      this.next = (this.next + 1) % WINDOW;
    }
    this.cached = null;
  }

  get count(): number {
    return this.samples.length;
  }

  /** The 95th percentile of the observed connect times, or null before enough were seen. */
  p95(): number | null {
    if (this.samples.length < MIN_SAMPLES) return null;
    if (this.cached === null) {
      const sorted = [...this.samples].sort((a, b) => a - b);
      this.cached = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? null;
    }
    return this.cached;
  }

  /** The connect timeout to use now, given the configured one. */
  connectTimeoutMs(configuredMs: number): number {
    const p = this.p95();
    if (p === null) return configuredMs;
    return Math.min(configuredMs, Math.max(ADAPTIVE_FLOOR_MS, Math.ceil(p * FACTOR)));
  }
}
