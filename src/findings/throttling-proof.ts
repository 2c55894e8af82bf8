import { msg } from '../i18n/index.ts';
import type { Finding, FindingRecord } from '../model/finding.ts';
import type { Message } from '../model/message.ts';
import type { VerdictFacts } from '../model/verdict.ts';
import { hostOf } from './context.ts';
import { said } from './words.ts';

/**
 * Throttling proven by name: the control helper's throughput reference, downloaded from the same
 * address and path over TLS with the target's name as SNI and with a harmless one (the probe:
 * src/measure/throughput.ts). Two forms are proven:
 *  - a rate: every transfer with the harmless name is `ratio` times faster than every transfer with
 *    the target's name (the 2021 throttling of Twitter in Russia: ~130 kbit/s against megabits);
 *  - a stall: every transfer with the target's name stops (no byte for the probe's stall time) while
 *    every one with the harmless name comes whole (Russia since 2022: connections that stop after the
 *    first 16–20 KB).
 */
export const THROTTLING_PROOF = {
  /**
   * The slowest transfer with the harmless name over the fastest with the target's name. Throttles
   * seen in the field are 10–100× slower; a busy link or server varies by 2–3× between two transfers
   * a second apart, so 5× in every pair is not noise.
   */
  ratio: 5,
  /** Transfers with each name, and every one must agree: one transfer is an anecdote, two that agree are a pattern. */
  repeats: 2,
  /** A transfer with the target's name shows a rate only after this long (one ~250 ms sample). */
  minSeconds: 0.25,
} as const;

export const THROTTLING_PROOF_EVIDENCE =
  "Proven by name (with a control helper that serves a throughput reference): the reference downloaded from the helper's address at least 2 times with the target's name as SNI and 2 times with a harmless name, alternately; the slowest harmless transfer is at least 5× faster than the fastest with the target's name (each of those lasting at least 0.25 s), or every transfer with the target's name stalls (no byte for the probe's stall time) while every harmless one comes whole. Said with the rates and the ratio, or the bytes received before the stall.";

type Proof = NonNullable<VerdictFacts['throughput']>;
type Transfer = Proof['transfers'][number];

/** "38 KB/s", "4.1 MB/s" (1 KB = 1024 bytes). */
export function rateWords(bytesPerSecond: number): string {
  const kb = bytesPerSecond / 1024;
  const v = kb >= 1024 ? kb / 1024 : kb;
  return `${v >= 10 ? v.toFixed(0) : v.toFixed(1)} ${kb >= 1024 ? 'MB/s' : 'KB/s'}`;
}

/** "256 KB", "13.9 KB". */
export const sizeWords = (bytes: number): string => {
  const kb = bytes / 1024;
  return `${kb >= 10 ? kb.toFixed(0) : kb.toFixed(1)} KB`;
};

const rateOf = (x: Transfer): number => (x.seconds > 0 ? x.bytes / x.seconds : 0);
/** The rate over all transfers of one name: their bytes over their time. */
const pooled = (xs: readonly Transfer[]): number => xs.reduce((s, x) => s + x.bytes, 0) / Math.max(1e-9, xs.reduce((s, x) => s + x.seconds, 0));

/** What one target's proof showed. */
export type ProofOutcome =
  | { kind: 'throttled'; named: number; harmless: number; ratio: number }
  | { kind: 'stalled'; at: number[] }
  | { kind: 'not-by-name'; named: number; harmless: number }
  | { kind: 'undecided' };

/** Decides one target's proof from its transfers (the thresholds above). */
export function proofOutcome(p: Pick<Proof, 'expected' | 'transfers'>): ProofOutcome {
  const named = p.transfers.filter((x) => x.kind === 'target-sni');
  const harmless = p.transfers.filter((x) => x.kind === 'harmless-sni');
  const whole = harmless.length >= THROTTLING_PROOF.repeats && harmless.every((x) => x.failure === null && x.stalledAt === null && x.bytes >= p.expected);
  if (!whole || named.length < THROTTLING_PROOF.repeats) return { kind: 'undecided' };
  if (named.every((x) => x.stalledAt !== null && x.stalledAt < p.expected)) return { kind: 'stalled', at: named.map((x) => x.stalledAt ?? 0) };
  if (!named.every((x) => x.stalledAt === null && x.bytes > 0 && x.seconds > 0)) return { kind: 'undecided' };
  const fastestNamed = Math.max(...named.map(rateOf));
  const slowestHarmless = Math.min(...harmless.map(rateOf));
  const rates = { named: pooled(named), harmless: pooled(harmless) };
  // A slow transfer must have lasted long enough to show a rate; a short one came fast: not throttled.
  const longEnough = named.every((x) => x.seconds >= THROTTLING_PROOF.minSeconds);
  if (longEnough && slowestHarmless >= THROTTLING_PROOF.ratio * fastestNamed) return { kind: 'throttled', ...rates, ratio: Math.round(rates.harmless / rates.named) };
  return { kind: 'not-by-name', ...rates };
}

/** A finding made of a title and detail lines (their English rendered from the messages). */
const finding = (r: FindingRecord, title: Message, details: Message[]): Finding => said('throttling', title, details, [r.url]);

/** One finding per target whose proof shows throttling or a stall by name. */
export function proofFindings(records: readonly FindingRecord[]): Finding[] {
  const out: Finding[] = [];
  for (const r of records) {
    const p = r.throughput;
    if (!p) continue;
    const o = proofOutcome(p);
    const host = hostOf(r);
    const named = p.transfers.filter((x) => x.kind === 'target-sni');
    const harmless = p.transfers.filter((x) => x.kind === 'harmless-sni');
    const method = msg('throttle.detail.method', { size: sizeWords(p.expected), count: Math.min(named.length, harmless.length) });
    const harmlessRates = msg('throttle.detail.harmless', { rates: harmless.map((x) => rateWords(rateOf(x))).join(', ') });
    if (o.kind === 'throttled') {
      const title = msg('throttle.proven.title', { host, named: rateWords(o.named), harmless: rateWords(o.harmless), ratio: o.ratio });
      out.push(finding(r, title, [method, msg('throttle.detail.named', { sni: p.sni, rates: named.map((x) => rateWords(rateOf(x))).join(', ') }), harmlessRates]));
    } else if (o.kind === 'stalled') {
      const sizes = [...new Set(o.at.map(sizeWords))];
      const stalled = sizes.length === 1 ? (sizes[0] as string) : `${sizeWords(Math.min(...o.at))}–${sizeWords(Math.max(...o.at))}`;
      const title = msg('throttle.stall.title', { host, stalled, size: sizeWords(p.expected) });
      out.push(finding(r, title, [method, msg('throttle.detail.stalled', { sni: p.sni, seconds: p.stallSeconds, sizes: o.at.map(sizeWords).join(', ') }), harmlessRates]));
    }
  }
  return out;
}

/** Hosts whose proof showed throttling or a stall by name (the suspicion rule leaves them to their own finding). */
export function provenHosts(records: readonly FindingRecord[]): Set<string> {
  return new Set(records.filter((r) => r.throughput && ['throttled', 'stalled'].includes(proofOutcome(r.throughput).kind)).map(hostOf));
}

/** For a suspected host whose proof found both names alike: the sentence that says so. */
export function notByName(r: FindingRecord): Message | null {
  const o = r.throughput ? proofOutcome(r.throughput) : null;
  return o?.kind === 'not-by-name' ? msg('throttle.detail.notByName', { host: hostOf(r), named: rateWords(o.named), harmless: rateWords(o.harmless) }) : null;
}
