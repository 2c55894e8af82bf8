import pLimit from 'p-limit';
import { analyzeService } from './analyze/service.ts';
import { analyzeWeb } from './analyze/web.ts';
import type { MeasureContext } from './measure/context.ts';
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

function within<T>(p: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref?.();
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** Measures one target within the whole-target deadline, then analyses it. */
export async function measureTarget(target: WebTarget, ctx: MeasureContext, measurers?: Measurers): Promise<WebResult>;
export async function measureTarget(target: ServiceTarget, ctx: MeasureContext, measurers?: Measurers): Promise<ServiceResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers?: Measurers): Promise<TargetResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers: Measurers = DEFAULT_MEASURERS): Promise<TargetResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  if (target.kind === 'service') {
    const m =
      (await within(measurers.service(target, ctx), ctx.timeouts.targetMs)) ??
      ({ target, startedAt, runtime: elapsed(), localResolver: ctx.localResolver.kind, checks: [], controlAnswered: null, deadlineExceeded: true } satisfies ServiceMeasurement);
    return { target, verdict: analyzeService(m), measurement: m };
  }
  const m = (await within(measurers.web(target, ctx), ctx.timeouts.targetMs)) ?? { ...emptyWebMeasurement(target, ctx.localResolver.kind, startedAt, elapsed()), deadlineExceeded: true };
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
