import type { DnsObservation } from './model/observation.ts';
import type { WayPlan, WaysRecord } from './model/check.ts';
import { measureWays, type WaysContext } from './measure/ways.ts';
import { compactRecord } from './findings/compact.ts';
import { AgreementCounter, compareWithSource } from './ingest/agreement.ts';
import { noteLacks, type IngestItem, type IngestRunContext } from './ingest/item.ts';
import type { AnalysisKnowledge } from './analyze/knowledge.ts';
import type { MeasureContext } from './measure/context.ts';
import { withDeadline } from './measure/deadline.ts';
import { loadAfterFirstQueries } from './net/startup.ts';
import { measureService } from './measure/service.ts';
import { measureWeb } from './measure/web.ts';
import type { Finding, FindingRecord } from './model/finding.ts';
import type { ResultRenderer } from './report/render.ts';
import type { ServiceMeasurement, WebMeasurement } from './model/measurement.ts';
import { targetLabel } from './model/values.ts';
import { emptyWebMeasurement } from './measure/empty.ts';
import type { RunSummary, ServiceResult, TargetResult, TargetResultJson, WebResult } from './model/run.ts';
import type { ServiceTarget, Target, WebTarget } from './model/target.ts';
import type { Verdict, VerdictFacts } from './model/verdict.ts';
import type { SerializeOptions } from './report/json.ts';
import type { TableRow } from './report/table.ts';

/**
 * The two pipelines: `run` = measure → analyze → findings, and `analyze` = ingest → analyze →
 * findings. Both stream: each target's full result (observations, certificates, page bodies) is
 * written to the store and the output as soon as it is analysed, and only a slim record — the few
 * fields the run-level findings, the summary and the table read — is kept. Memory stays flat
 * whatever the number of targets.
 */

/**
 * Analysis, findings and serialisation (zod, the block-page signature tables) load on first use, not
 * with this module: a run sends its first queries first, and these load while they are in flight
 * (start-up, issue #13): runPipeline asks for them as its first targets start, and they load once those
 * targets' first queries are answered (net/startup.ts), so no recorded round-trip time includes them.
 */
let analysisModules: ReturnType<typeof importAnalysis> | undefined;
const importAnalysis = async () => {
  const [web, service, findings, json] = await Promise.all([import('./analyze/web.ts'), import('./analyze/service.ts'), import('./findings/index.ts'), import('./report/json.ts')]);
  return {
    analyzeWebTarget: web.analyzeWebTarget,
    analyzeServiceTarget: service.analyzeServiceTarget,
    findingRecord: findings.findingRecord,
    findFindings: findings.findFindings,
    serializeResult: json.serializeResult,
  };
};
type FindFindings = Awaited<ReturnType<typeof importAnalysis>>['findFindings'];
export const loadAnalysis = (): ReturnType<typeof importAnalysis> => (analysisModules ??= loadAfterFirstQueries(importAnalysis));


export interface ResultStore {
  append(line: TargetResultJson): void;
}

/** Summary counts, kept as targets finish (no result array needed). */
export class SummaryCounter {
  readonly summary: RunSummary = { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0, refusedBySite: 0 };
  add(status: Verdict['status']): void {
    const s = this.summary;
    s.total++;
    if (status === 'accessible') s.accessible++;
    else if (status === 'blocked') s.blocked++;
    else if (status === 'partially blocked') s.partiallyBlocked++;
    else if (status === 'down') s.down++;
    else if (status === 'refused by site') s.refusedBySite = (s.refusedBySite ?? 0) + 1;
    else s.inconclusive++;
  }
}

function rowOf(r: TargetResult): TableRow {
  const v = r.verdict;
  return { label: targetLabel(r.target), verdict: { status: v.status, method: v.method, reason: v.reason, reasonMessage: v.reasonMessage, evidence: v.evidence, evidenceMessages: v.evidenceMessages } };
}

// Measuring one target: measure (measure/, which never imports analyze/) then analyse (analyze/, pure).

export interface Measurers {
  web: (target: WebTarget, ctx: MeasureContext) => Promise<WebMeasurement>;
  service: (target: ServiceTarget, ctx: MeasureContext) => Promise<ServiceMeasurement>;
}

export const DEFAULT_MEASURERS: Measurers = { web: measureWeb, service: measureService };

export interface RunOptions extends Schedule {
  /** Called as each target finishes (for progress). */
  onResult?: (result: TargetResult) => void;
}


/** A result with the facts its analysis decided beside the verdict (never stored: the findings read them). */
export interface Analysed {
  result: TargetResult;
  facts: VerdictFacts;
}

/** The finding record of an analysed result, its repeated parts shared (findings/compact.ts). */
async function recordOf({ result, facts }: Analysed): Promise<FindingRecord> {
  return compactRecord((await loadAnalysis()).findingRecord(result.target, result.verdict, facts));
}

/** Measures one target within the whole-target deadline, then analyses it. */
export async function measureTarget(target: WebTarget, ctx: MeasureContext, measurers?: Measurers): Promise<WebResult>;
export async function measureTarget(target: ServiceTarget, ctx: MeasureContext, measurers?: Measurers): Promise<ServiceResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers?: Measurers): Promise<TargetResult>;
export async function measureTarget(target: Target, ctx: MeasureContext, measurers: Measurers = DEFAULT_MEASURERS): Promise<TargetResult> {
  return (await measureAndAnalyse(target, ctx, measurers)).result;
}

/** Measures one target within the whole-target deadline, then analyses it, keeping the decided facts. */
async function measureAndAnalyse(target: Target, ctx: MeasureContext, measurers: Measurers): Promise<Analysed> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const elapsed = (): number => (performance.now() - t0) / 1000;
  // The deadline aborts the target's work (every primitive listens) and waits for it to stop.
  const run = <M>(measure: (c: MeasureContext) => Promise<M>): Promise<M | null> => withDeadline((signal) => measure({ ...ctx, signal }), ctx.timeouts.targetMs, ctx.signal);
  if (target.kind === 'service') {
    const m =
      (await run((c) => measurers.service(target, c))) ??
      ({ target, startedAt, runtime: elapsed(), localResolver: ctx.localResolver.kind, checks: [], controlAnswered: null, deadlineExceeded: true } satisfies ServiceMeasurement);
    const { verdict, facts } = (await loadAnalysis()).analyzeServiceTarget(m, ctx.interceptionCas);
    return { result: { target, verdict, measurement: m }, facts };
  }
  const m = (await run((c) => measurers.web(target, c))) ?? { ...emptyWebMeasurement(target, ctx.localResolver.kind, startedAt, elapsed()), deadlineExceeded: true };
  const { verdict, facts } = (await loadAnalysis()).analyzeWebTarget(m, { interceptionCas: ctx.interceptionCas });
  return { result: { target, verdict, measurement: m }, facts };
}

/** How targets are scheduled: at most `concurrency` at once; none started once `signal` aborts. */
export interface Schedule {
  concurrency: number;
  /** Stops scheduling new targets; targets in flight finish. */
  signal?: AbortSignal;
  /** Injected for tests. */
  measurers?: Measurers;
}

/**
 * The one scheduler: workers take the next target, measure and analyse it, and hand it to `each`
 * (awaited: a slow consumer holds the workers back). The workers start before this returns a
 * promise, so a caller can load what it needs while the first queries are in flight.
 */
export function measureAll(targets: readonly Target[], ctx: MeasureContext, schedule: Schedule, each: (a: Analysed, index: number) => void | Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (!schedule.signal?.aborted) {
      const i = next++;
      const target = targets[i];
      if (!target) return;
      await each(await measureAndAnalyse(target, ctx, schedule.measurers ?? DEFAULT_MEASURERS), i);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(schedule.concurrency, targets.length)) }, worker);
  return Promise.all(workers).then(() => undefined);
}

/** Measures targets with the same scheduler and holds every result, in input order: for small runs and tests (`runPipeline` streams). */
export async function runTargets(targets: readonly Target[], ctx: MeasureContext, opts: RunOptions): Promise<TargetResult[]> {
  const results: Array<TargetResult | undefined> = new Array(targets.length);
  await measureAll(targets, ctx, opts, ({ result: r }, i) => {
    results[i] = r;
    opts.onResult?.(r);
  });
  return results.filter((r): r is TargetResult => r !== undefined);
}

export interface PipelineOutcome {
  summary: RunSummary;
  findings: Finding[];
  /** The control's own health check, when the run made one (run-level evidence for the findings). */
  controlCheck?: DnsObservation[];
  /** What still works: the ways out tried beside the targets, and their verdicts. */
  ways?: WaysRecord;
}

export interface RunPipelineOptions {
  targets: readonly Target[];
  ctx: MeasureContext;
  concurrency: number;
  /** Stops scheduling new targets; targets in flight finish and are written. */
  signal?: AbortSignal;
  measurers?: Measurers;
  serialize: SerializeOptions;
  store?: ResultStore | null;
  output: ResultRenderer;
  /** After each target (progress). */
  onResult?: (r: TargetResult) => void;
  /** The control's own health check, running beside the targets; awaited before the findings. */
  controlCheck?: Promise<DnsObservation[] | undefined>;
  /** The ways out (runWays), running beside the targets; awaited before the findings, whose first they make. */
  ways?: Promise<WaysOutcome | undefined>;
  /** Called before the output's finish: the caller may settle the store (and decide on output). */
  beforeFinish?: (outcome: PipelineOutcome) => void | Promise<void>;
}

/** `tekser run`: measure → analyze → findings, streaming each result out as it is analysed. */
export async function runPipeline(opts: RunPipelineOptions): Promise<PipelineOutcome> {
  const counter = new SummaryCounter();
  const records: FindingRecord[] = [];
  let chain: Promise<void> = Promise.resolve();
  const done = measureAll(opts.targets, opts.ctx, opts, async (analysed) => {
    const r = analysed.result;
    const line = (await loadAnalysis()).serializeResult(r, opts.serialize);
    opts.store?.append(line);
    counter.add(r.verdict.status);
    records.push(await recordOf(analysed));
    opts.onResult?.(r);
    // Output in completion order; a slow writer holds the workers back rather than piling up lines.
    chain = chain.then(() => opts.output.result(line, rowOf(r)));
    await chain;
  });
  // The first targets have sent their first queries: analysis loads while they are in flight.
  const { findFindings } = await loadAnalysis();
  await done;
  await chain;
  const controlCheck = await opts.controlCheck;
  const ways = await opts.ways;
  const outcome: PipelineOutcome = {
    summary: counter.summary,
    // What still works comes first: in a shutdown it is the answer.
    findings: [...(ways?.finding ? [ways.finding] : []), ...findFindings(records, { interceptionCas: opts.ctx.interceptionCas, ...(controlCheck ? { controlCheck } : {}) })],
    ...(controlCheck ? { controlCheck } : {}),
    ...(ways && ways.record.ways.length ? { ways: ways.record } : {}),
  };
  await opts.beforeFinish?.(outcome);
  return outcome;
}

export interface AnalyzePipelineOptions {
  items: AsyncIterable<IngestItem>;
  knowledge: AnalysisKnowledge;
  serialize: SerializeOptions;
  output: ResultRenderer;
  onResult?: (r: TargetResult) => void;
}

/** What `analyze` ends with: the run's outcome and how tekser's verdicts compare with those the measurements came with. */
export interface AnalyzeOutcome extends PipelineOutcome {
  agreement: AgreementCounter;
}

/** Analyses one measurement with the current rules (the same functions `run` uses); what it lacks is noted in the verdict. */
export async function analyzeItem(item: IngestItem, knowledge: AnalysisKnowledge): Promise<Analysed> {
  const { analyzeServiceTarget, analyzeWebTarget } = await loadAnalysis();
  const controlCheck = item.context?.controlCheck;
  const m = item.measurement;
  const { verdict, facts } = item.kind === 'service' ? analyzeServiceTarget(item.measurement, knowledge.interceptionCas, controlCheck) : analyzeWebTarget(item.measurement, controlCheck ? { ...knowledge, controlCheck } : knowledge);
  return { result: { target: m.target, verdict: noteLacks(verdict, item.lacks), measurement: m } as TargetResult, facts };
}

/** Finding records by group (one network at one time), with each group's run-level evidence. */
class Groups {
  readonly records = new Map<string, FindingRecord[]>();
  readonly contexts = new Map<string, IngestRunContext>();
  add(item: IngestItem, record: FindingRecord): void {
    const g = item.group ?? '';
    let list = this.records.get(g);
    if (!list) this.records.set(g, (list = []));
    if (item.context) this.contexts.set(g, item.context);
    list.push(record);
  }
  /** Findings per group; with more than one group, each title says which. */
  findings(findFindings: FindFindings, interceptionCas: AnalysisKnowledge['interceptionCas']): Finding[] {
    const out: Finding[] = [];
    for (const [group, rs] of this.records) {
      const controlCheck = this.contexts.get(group)?.controlCheck;
      for (const f of findFindings(rs, { interceptionCas, ...(controlCheck ? { controlCheck } : {}) })) out.push(this.records.size > 1 && group ? { ...f, title: `[${group}] ${f.title}` } : f);
    }
    return out;
  }
}

/**
 * `tekser analyze`: ingest → analyze → agreement → findings, one measurement at a time. Findings
 * are made per group (one network: a stored run, or one OONI probe_cc/probe_asn), since a statement
 * like "allow-list regime" is about one network at one time.
 */
export async function analyzePipeline(opts: AnalyzePipelineOptions): Promise<AnalyzeOutcome> {
  const counter = new SummaryCounter();
  const agreement = new AgreementCounter();
  const groups = new Groups();
  const { findFindings, serializeResult } = await loadAnalysis();
  for await (const item of opts.items) {
    const analysed = await analyzeItem(item, opts.knowledge);
    const r = analysed.result;
    const compared = compareWithSource(item, r.verdict, agreement);
    const line = { ...serializeResult(r, opts.serialize), ...(item.source ? { source: item.source } : {}), ...compared };
    counter.add(r.verdict.status);
    groups.add(item, await recordOf(analysed));
    opts.onResult?.(r);
    await opts.output.result(line, rowOf(r));
  }
  return { summary: counter.summary, findings: groups.findings(findFindings, opts.knowledge.interceptionCas), agreement };
}

/**
 * "What still works", as one step of a run: measure the ways (measure/ways.ts), judge each
 * (analyze/ways/), and say it in one finding (findings/ways-out.ts). It runs beside the targets;
 * runPipeline awaits it before the findings and puts its finding first.
 */
export interface WaysOutcome {
  record: WaysRecord;
  finding: Finding | null;
}

export async function runWays(plans: readonly WayPlan[], ctx: WaysContext): Promise<WaysOutcome> {
  if (plans.length === 0) return { record: { ways: [], verdicts: [] }, finding: null };
  return judgeWays(await measureWays(plans, ctx));
}

/** Judges measured (or stored, or ingested) ways with today's rules; the analysis loads on first use, as the targets' does. */
export async function judgeWays(ways: WaysRecord['ways']): Promise<WaysOutcome> {
  const [{ analyzeWays }, { waysOutFinding }] = await Promise.all([import('./analyze/ways/index.ts'), import('./findings/ways-out.ts')]);
  const verdicts = analyzeWays(ways);
  return { record: { ways, verdicts }, finding: waysOutFinding(verdicts) };
}
