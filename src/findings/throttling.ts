import type { Finding, FindingRecord } from '../model/finding.ts';
import { hostOf, mibps, type FindingRule } from './context.ts';
import { msg } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';
import { notByName, proofFindings, provenHosts, THROTTLING_PROOF_EVIDENCE } from './throttling-proof.ts';
import { joined, said } from './words.ts';

export const THROTTLING = {
  /** A transfer at least this many times slower than the median of the run's other transfers. */
  factor: 8,
  /** Noise guard: only bodies of at least this size are compared (a small body ends before a throttle or TCP's ramp-up shows). */
  minBytes: 100 * 1024,
  /** Noise guard: a slow transfer must have lasted at least this long (one ~250 ms sample): a busy machine makes fast transfers uneven, never long. */
  minSeconds: 0.25,
  /** Noise guard: at least this many other comparable transfers in the run. */
  minPeers: 3,
} as const;

/** Evidence required: figures only — a transfer far slower than the run's other comparable transfers. Never a block. */
export const THROTTLING_EVIDENCE =
  `${THROTTLING_PROOF_EVIDENCE} Without that proof: ` +
  "A page that loaded (accessible) whose body of at least 100 KiB took at least 0.25 s at a rate 8× or more below the median of this run's other transfers of at least 100 KiB (at least 3 of them), and fewer than half the transfers that slow. The rate comes from the ~250 ms throughput samples when there are 3 or more (steady state), else bytes over time from the response headers. Reported as \"possibly throttled\" with the figures, never as blocked.";

interface Rate {
  r: FindingRecord;
  rate: number;
  bytes: number;
  seconds: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** 7. Throttling: figures, never a block. */
export const throttlingFinding: FindingRule = {
  kind: 'throttling',
  evidence: THROTTLING_EVIDENCE,
  blindSpots:
    "Without a control helper that serves a throughput reference, a run whose every site is throttled has no fast peer to compare with and SNI-based throttling is only suspected; a slow origin server looks the same as a throttle. With one, only throttling by name is proven: a throttle by the site's address does not touch the helper's address, and a throttle of the whole helper (by its address) slows both names alike.",
  find: (ctx) => {
    const proven = proofFindings(ctx.records);
    return [...proven, ...suspicion(ctx.records, provenHosts(ctx.records))];
  },
};

/** The transfers of at least minBytes, with their rates. */
const ratesOf = (records: readonly FindingRecord[]): Rate[] =>
  records
    .filter((r) => r.transfer && r.transfer.bytes >= THROTTLING.minBytes)
    .map((r) => ({ r, rate: r.transfer?.rate ?? 0, bytes: r.transfer?.bytes ?? 0, seconds: r.transfer?.seconds ?? 0 }));

/** The transfers far slower than the median of the others (noise guards applied). */
function slowOnes(rates: readonly Rate[]): Array<Rate & { median: number }> {
  const slow: Array<Rate & { median: number }> = [];
  for (const x of rates) {
    const others = rates.filter((y) => y !== x).map((y) => y.rate);
    const m = median(others);
    if (others.length >= THROTTLING.minPeers && x.seconds >= THROTTLING.minSeconds && x.rate * THROTTLING.factor < m) slow.push({ ...x, median: m });
  }
  return slow;
}

/** One slow transfer's figures, as a detail line. */
const transferLine = (x: Rate): Message =>
  msg(x.r.transfer?.sampled ? 'throttle.suspected.detailSampled' : 'throttle.suspected.detail', { url: x.r.url, bytes: x.bytes, seconds: x.seconds.toFixed(2) });

/** The old rule: a transfer far slower than the run's others (hosts already proven throttled by name left out). */
function suspicion(records: readonly FindingRecord[], proven: ReadonlySet<string>): Finding[] {
  const rates = ratesOf(records);
  if (rates.length < THROTTLING.minPeers + 1) return [];
  const slow = slowOnes(rates);
  if (!slow.length || slow.length >= rates.length / 2) return [];
  // A host proven throttled by name has its own finding; the others stay suspected.
  const suspected = slow.filter((x) => !proven.has(hostOf(x.r)));
  if (!suspected.length) return [];
  const all = median(rates.map((x) => x.rate));
  // A proof that found both names alike says so (the throttle is not by name).
  const alike = suspected.map((x) => notByName(x.r)).filter((x) => x !== null);
  const items = suspected.map((x) => msg('throttle.suspected.item', { host: hostOf(x.r), rate: mibps(x.rate), factor: Math.round(x.median / x.rate) }));
  const title = msg('throttle.suspected.title', { items: joined('semicolon', items), median: mibps(all), count: rates.length });
  return [said('throttling', title, [...suspected.map(transferLine), ...alike], suspected.map((x) => x.r.url))];
}
