import pLimit from 'p-limit';
import { analyzeService } from './analyze/service.ts';
import { analyzeWeb } from './analyze/web.ts';
import type { MeasureContext } from './measure/context.ts';
import { withDeadline } from './measure/deadline.ts';
import { measureService } from './measure/service.ts';
import { measureWeb } from './measure/web.ts';
import { emptyWebMeasurement, type ServiceMeasurement, type WebMeasurement } from './model/measurement.ts';
import type { ServiceResult, TargetResult, WebResult } from './model/run.ts';
import type { ServiceTarget, Target, WebTarget } from './model/target.ts';

/**
 * The pipeline of `tekser run`: measure (measure/, which never imports analyze/) then analyse
 * (analyze/, pure), target by target. Run-level findings come after, over all results.
 */

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


/** Measures one target within the whole-target deadline, then analyses it. */
export async function measureTarget(target: WebTarget, ctx: MeasureContext, measurers?: Measurers): Promise<WebResult>;
export async function measureTarget(target: ServiceTarget, ctx: MeasureContext, measurers?: Measurers): Promise<ServiceResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers?: Measurers): Promise<TargetResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers: Measurers = DEFAULT_MEASURERS): Promise<TargetResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  // The deadline aborts the target's work (every primitive listens) and waits for it to stop.
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
