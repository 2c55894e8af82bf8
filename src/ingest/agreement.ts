import type { Verdict } from '../model/verdict.ts';
import type { OoniVerdict } from './ooni.ts';

/**
 * OONI's verdict beside tekser's. "finer" is tekser naming a cause inside OONI's broader class
 * (tls or mitm where OONI says http-failure): an agreement, not a disagreement.
 */
export interface Agreement {
  ooni: string;
  tekser: string;
  agree: 'same' | 'finer' | 'differs';
  /** "OONI: dns, tekser: dns"; "OONI: http-failure, tekser: inconclusive — why". */
  line: string;
}

export function tekserLabel(v: Pick<Verdict, 'status' | 'method'>): string {
  if (v.status === 'blocked' || v.status === 'partially blocked') return v.method ?? v.status;
  return v.status;
}

const FINER: Record<string, readonly string[]> = { 'http-failure': ['tls', 'mitm'] };

export function compareVerdicts(ooni: OoniVerdict, v: Pick<Verdict, 'status' | 'method' | 'reason'>): Agreement {
  const tekser = tekserLabel(v);
  const blocked = v.status === 'blocked' || v.status === 'partially blocked';
  let agree: Agreement['agree'] = 'differs';
  if (ooni.keys) {
    // Messenger tests: OONI says blocked or ok for the service as a whole.
    if ((ooni.label === 'blocked' && blocked) || (ooni.label === 'ok' && v.status === 'accessible')) agree = 'same';
  } else if (ooni.label === 'accessible' || ooni.label === 'down') {
    if (v.status === ooni.label) agree = 'same';
    // OONI counts a site's own refusal as accessible (the network carried it); tekser names it.
    else if (ooni.label === 'accessible' && v.status === 'refused by site') agree = 'finer';
  } else if (ooni.label === 'unknown') {
    if (v.status === 'inconclusive') agree = 'same';
  } else if (blocked) {
    if (v.method === ooni.label) agree = 'same';
    else if (v.method && FINER[ooni.label]?.includes(v.method)) agree = 'finer';
  }
  const shown = v.status === 'partially blocked' ? `partially blocked (${v.method ?? 'mixed'})` : tekser;
  const line = `OONI: ${ooni.label}, tekser: ${shown}${agree === 'differs' ? ` — ${v.reason}` : agree === 'finer' ? ' (a finer cause)' : ''}`;
  return { ooni: ooni.label, tekser, agree, line };
}

/** Counts over many comparisons, kept as they come (no result array). */
export class AgreementCounter {
  total = 0;
  same = 0;
  finer = 0;
  differs = 0;
  readonly pairs = new Map<string, number>();
  add(a: Agreement): void {
    this.total++;
    this[a.agree]++;
    const key = `OONI: ${a.ooni}, tekser: ${a.tekser}`;
    this.pairs.set(key, (this.pairs.get(key) ?? 0) + 1);
  }
  toJSON(): { total: number; same: number; finer: number; differs: number; pairs: Record<string, number> } {
    return { total: this.total, same: this.same, finer: this.finer, differs: this.differs, pairs: Object.fromEntries([...this.pairs].sort((a, b) => b[1] - a[1])) };
  }
  describe(): string[] {
    if (!this.total) return [];
    const lines = [`Agreement with OONI: ${this.same + this.finer} of ${this.total} (${this.same} same, ${this.finer} finer, ${this.differs} differ)`];
    for (const [pair, n] of [...this.pairs].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(5)}  ${pair}`);
    return lines;
  }
}

/**
 * The agreement step, after the analysis: what a result line carries beside tekser's verdict — OONI's
 * verdict and the agreement, or the stored run's verdict and whether it changed — counted in `counter`.
 */
export function compareWithSource(
  item: { ooni?: OoniVerdict; previous?: Pick<Verdict, 'status' | 'method' | 'reason'> },
  verdict: Pick<Verdict, 'status' | 'method' | 'reason'>,
  counter: AgreementCounter,
): Record<string, unknown> {
  const { ooni, previous } = item;
  if (previous) {
    return { previousVerdict: { status: previous.status, method: previous.method, reason: previous.reason, changed: previous.status !== verdict.status || previous.method !== verdict.method } };
  }
  if (!ooni) return {};
  const agreement = compareVerdicts(ooni, verdict);
  counter.add(agreement);
  return { ooni: { blocking: ooni.blocking, accessible: ooni.accessible, ...(ooni.keys ? { keys: ooni.keys } : {}), label: ooni.label }, agreement };
}
