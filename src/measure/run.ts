import pLimit from 'p-limit';
import { analyzeService } from '../analyze/service.ts';
import { analyzeWeb } from '../analyze/web.ts';
import type { Verdict } from '../analyze/verdict.ts';
import type { MeasureContext } from './context.ts';
import { measureService } from './service.ts';
import { emptyWebMeasurement, type ServiceMeasurement, type ServiceTarget, type Target, type WebMeasurement, type WebTarget } from './types.ts';
import { measureWeb } from './web.ts';

export type WebResult = { target: WebTarget; verdict: Verdict; measurement: WebMeasurement };
export type ServiceResult = { target: ServiceTarget; verdict: Verdict; measurement: ServiceMeasurement };
export type TargetResult = WebResult | ServiceResult;

export interface Measurers {
  web: (target: WebTarget, ctx: MeasureContext) => Promise<WebMeasurement>;
  service: (target: ServiceTarget, ctx: MeasureContext) => Promise<ServiceMeasurement>;
}

export const DEFAULT_MEASURERS: Measurers = { web: measureWeb, service: measureService };

export interface RunOptions {
  concurrency: number;
  /** Called as each target finishes (for JSONL streaming and progress). */
  onResult?: (result: TargetResult) => void;
  /** Stops scheduling new targets; targets in flight finish. */
  signal?: AbortSignal;
  /** Injected for tests. */
  measurers?: Measurers;
}

/** How a target is named in reports. */
export function targetLabel(t: Target): string {
  return t.kind === 'service' ? `${t.service.name} (${t.service.kind})` : t.url;
}

/**
 * After the deadline aborts a target's work, how long to wait for it to wind down. The primitives
 * close their sockets on abort, so this is only reached by work that ignores the signal.
 */
export const WIND_DOWN_MS = 1000;

/**
 * Runs `work` with a signal that aborts at `ms`. Returns its value, or null when the deadline came
 * first; either way it returns only once the work has stopped (or WIND_DOWN_MS after the abort,
 * for work that ignores the signal), so a timed-out target frees its slot when its sockets are closed.
 */
export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T | null> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), ms);
  const onOuter = (): void => ac.abort();
  outer?.addEventListener('abort', onOuter, { once: true });
  const p = work(ac.signal).catch((err: unknown) => {
    if (ac.signal.aborted) return null;
    throw err;
  });
  let windDown: NodeJS.Timeout | undefined;
  try {
    const aborted = new Promise<'aborted'>((resolve) => {
      if (ac.signal.aborted) resolve('aborted');
      ac.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    const first = await Promise.race([p, aborted]);
    if (first !== 'aborted' && !ac.signal.aborted) return first;
    // Aborted: wait for the work to stop, but not forever.
    await Promise.race([p, new Promise<void>((resolve) => (windDown = setTimeout(resolve, WIND_DOWN_MS)))]);
    return null;
  } finally {
    clearTimeout(timer);
    clearTimeout(windDown);
    outer?.removeEventListener('abort', onOuter);
  }
}

/** Measures one target within the whole-target deadline, then analyses it. */
export async function measureTarget(target: WebTarget, ctx: MeasureContext, measurers?: Measurers): Promise<WebResult>;
export async function measureTarget(target: ServiceTarget, ctx: MeasureContext, measurers?: Measurers): Promise<ServiceResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers?: Measurers): Promise<TargetResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers: Measurers = DEFAULT_MEASURERS): Promise<TargetResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const run = <M>(measure: (c: MeasureContext) => Promise<M>): Promise<M | null> => withDeadline((signal) => measure({ ...ctx, signal }), ctx.timeouts.targetMs, ctx.signal);
  if (target.kind === 'service') {
    const m =
      (await run((c) => measurers.service(target, c))) ??
      ({ target, startedAt, runtime: elapsed(), localResolver: ctx.localResolver.kind, checks: [], controlAnswered: null, deadlineExceeded: true } satisfies ServiceMeasurement);
    return { target, verdict: analyzeService(m), measurement: m };
  }
  const m = (await run((c) => measurers.web(target, c))) ?? { ...emptyWebMeasurement(target, ctx.localResolver.kind, startedAt, elapsed()), deadlineExceeded: true };
  return { target, verdict: analyzeWeb(m, { interceptionCas: ctx.interceptionCas }), measurement: m };
}

/** Measures targets in parallel, at most `concurrency` at once; results come back in input order. */
export async function runTargets(targets: readonly Target[], ctx: MeasureContext, opts: RunOptions): Promise<TargetResult[]> {
  const limit = pLimit(opts.concurrency);
  const results: Array<TargetResult | undefined> = new Array(targets.length);
  await Promise.all(
    targets.map((target, i) =>
      limit(async () => {
        if (opts.signal?.aborted) return;
        const r = await measureTarget(target, ctx, opts.measurers);
        results[i] = r;
        opts.onResult?.(r);
      }),
    ),
  );
  return results.filter((r): r is TargetResult => r !== undefined);
}
