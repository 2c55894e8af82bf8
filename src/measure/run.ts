import pLimit from 'p-limit';
import { analyzeWeb } from '../analyze/web.ts';
import type { Verdict } from '../analyze/verdict.ts';
import type { MeasureContext } from './context.ts';
import type { WebMeasurement, WebTarget } from './types.ts';
import { measureWeb } from './web.ts';

export interface TargetResult {
  target: WebTarget;
  verdict: Verdict;
  measurement: WebMeasurement;
}

export interface RunOptions {
  concurrency: number;
  /** Called as each target finishes (for JSONL streaming and progress). */
  onResult?: (result: TargetResult) => void;
  /** Stops scheduling new targets; targets in flight finish. */
  signal?: AbortSignal;
  /** Injected for tests: measure one target. */
  measure?: (target: WebTarget, ctx: MeasureContext) => Promise<WebMeasurement>;
}

function timedOutMeasurement(target: WebTarget, ctx: MeasureContext, startedAt: string, runtime: number): WebMeasurement {
  const url = new URL(target.url);
  return {
    target,
    startedAt,
    runtime,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    localResolver: ctx.localResolver.kind,
    dns: { local: [], control: [] },
    addresses: [],
    tcp: [],
    tls: [],
    http: [],
    redirectDns: [],
    helper: null,
    deadlineExceeded: true,
  };
}

/** Measures one target within the whole-target deadline. */
export async function measureTarget(target: WebTarget, ctx: MeasureContext, measure = measureWeb): Promise<TargetResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ctx.timeouts.targetMs);
    timer.unref?.();
  });
  const measured = await Promise.race([measure(target, ctx), deadline]);
  clearTimeout(timer);
  const measurement = measured ?? timedOutMeasurement(target, ctx, startedAt, (performance.now() - t0) / 1000);
  return { target, verdict: analyzeWeb(measurement), measurement };
}

/** Measures targets in parallel, at most `concurrency` at once; results come back in input order. */
export async function runTargets(targets: readonly WebTarget[], ctx: MeasureContext, opts: RunOptions): Promise<TargetResult[]> {
  const limit = pLimit(opts.concurrency);
  const results: Array<TargetResult | undefined> = new Array(targets.length);
  await Promise.all(
    targets.map((target, i) =>
      limit(async () => {
        if (opts.signal?.aborted) return;
        const r = await measureTarget(target, ctx, opts.measure);
        results[i] = r;
        opts.onResult?.(r);
      }),
    ),
  );
  return results.filter((r): r is TargetResult => r !== undefined);
}
