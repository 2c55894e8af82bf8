import type { DnsObservation } from './model/observation.ts';
import v8 from 'node:v8';
import pLimit from 'p-limit';
import { slimResult } from './findings/slim.ts';
import type { AnalysisKnowledge } from './analyze/web.ts';
import type { MeasureContext } from './measure/context.ts';
import { withDeadline } from './measure/deadline.ts';
import { loadAfterFirstQueries } from './net/startup.ts';
import { measureService } from './measure/service.ts';
import { measureWeb } from './measure/web.ts';
import type { Finding, FindingInput } from './model/finding.ts';
import type { ServiceMeasurement, WebMeasurement } from './model/measurement.ts';
import { emptyWebMeasurement, RUN_SCHEMA_ID, targetLabel } from './model/values.ts';
import type { RunDocument, RunSummary, ServiceResult, TargetResult, TargetResultJson, WebResult } from './model/run.ts';
import type { ServiceTarget, Target, WebTarget } from './model/target.ts';
import type { InterceptionCa, Verdict } from './model/verdict.ts';
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
  return { analyzeWeb: web.analyzeWeb, analyzeService: service.analyzeService, findFindings: findings.findFindings, serializeResult: json.serializeResult };
};
export const loadAnalysis = (): ReturnType<typeof importAnalysis> => (analysisModules ??= loadAfterFirstQueries(importAnalysis));

/**
 * Flat memory needs V8 to collect old garbage sooner: a target's observations live across its
 * network waits, so they are promoted before they die, and by default the old generation grows to
 * several times the live heap before a full collection (10k healthy targets peak at ~190 MiB RSS
 * with ~20 MiB live). `--heap-growing-percent=10` lets the old generation grow only 10 % past what
 * survived the last full collection: 10k targets peak at ~125 MiB. It replaced
 * `--optimize-for-size` (~120 MiB), which also makes the compiled code smaller and slower: ~1 ms
 * more CPU per healthy target (bench, 1,000 targets: 8.5–8.9 → 6.8–7.7 ms). Called by the run and
 * analyze commands, not on import.
 */
export const FLAT_MEMORY_V8_FLAGS = '--heap-growing-percent=10';
export function preferFlatMemory(): void {
  v8.setFlagsFromString(FLAT_MEMORY_V8_FLAGS);
}

/** Where each full result goes the moment it exists; the renderer decides what, if anything, to keep. */
export interface ResultRenderer {
  /** One analysed target, fully serialised (plus `extra` fields, e.g. OONI's verdict), and its table row. */
  result(line: TargetResultJson & Record<string, unknown>, row: TableRow): void | Promise<void>;
  /** After the last target: the run's summary and findings. */
  finish(end: { finishedAt: string; summary: RunSummary; findings: Finding[]; extra?: Record<string, unknown> }): void | Promise<void>;
}

export interface ResultStore {
  append(line: TargetResultJson): void;
}

/** Text out, with backpressure when the writer has it (a file stream); stdout on Linux is synchronous. */
export type Write = (text: string) => void | Promise<void>;

/** Summary counts, kept as targets finish (no result array needed). */
export class SummaryCounter {
  readonly summary: RunSummary = { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 };
  add(status: Verdict['status']): void {
    const s = this.summary;
    s.total++;
    if (status === 'accessible') s.accessible++;
    else if (status === 'blocked') s.blocked++;
    else if (status === 'partially blocked') s.partiallyBlocked++;
    else if (status === 'down') s.down++;
    else s.inconclusive++;
  }
}

/** One line of JSONL per target as it finishes, then the run-summary line. */
export function jsonlRenderer(write: Write, startedAt: string): ResultRenderer {
  return {
    result: (line) => write(`${JSON.stringify(line)}\n`),
    finish: ({ finishedAt, summary, findings, extra }) => write(`${JSON.stringify({ schema: RUN_SCHEMA_ID, type: 'run-summary', startedAt, finishedAt, summary, findings, ...extra })}\n`),
  };
}

/**
 * The JSON document, streamed: the head first, each result as it comes, then summary and findings
 * (key order differs from a document built in memory; the content and schema do not).
 */
export function jsonDocumentRenderer(write: Write, head: Omit<RunDocument, 'summary' | 'findings' | 'results' | 'finishedAt'> & Record<string, unknown>): ResultRenderer {
  let count = 0;
  let opened = false;
  const open = async (): Promise<void> => {
    if (opened) return;
    opened = true;
    const text = JSON.stringify(head, null, 2);
    await write(`${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n  "results": [`);
  };
  const indent = (v: unknown, pad: string): string => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad}`);
  return {
    async result(line) {
      await open();
      await write(`${count++ ? ',' : ''}\n    ${indent(line, '    ')}`);
    },
    async finish({ finishedAt, summary, findings, extra }) {
      await open();
      const tail = { finishedAt, summary, findings, ...extra };
      const body = Object.entries(tail).map(([k, v]) => `  ${JSON.stringify(k)}: ${indent(v, '  ')}`);
      await write(`${count ? '\n  ' : ''}],\n${body.join(',\n')}\n}\n`);
    },
  };
}

/** The table needs every row (it sorts them): rows only, evidence only when shown. */
export function tableRenderer(render: (rows: TableRow[], findings: Finding[], summary: RunSummary) => void | Promise<void>, verbose: boolean): ResultRenderer {
  const rows: TableRow[] = [];
  return {
    result(_line, row) {
      rows.push(verbose ? row : { label: row.label, verdict: { status: row.verdict.status, method: row.verdict.method, reason: row.verdict.reason, evidence: [] } });
    },
    finish: ({ findings, summary }) => render(rows, findings, summary),
  };
}

const NONE: never[] = Object.freeze([]) as never[];

/**
 * Compact slim records: the findings' own slim record (findings/slim.ts) with its repeated parts
 * shared between targets — a healthy target's verdict, control and helper outcomes, its address
 * list — so 100,000 targets fit in a flat memory budget. Bounded caches: outcomes repeat.
 */
const shared = new Map<string, unknown>();
function share<T>(value: T): T {
  const key = JSON.stringify(value);
  const hit = shared.get(key);
  if (hit !== undefined) return hit as T;
  if (shared.size > 20_000) shared.clear();
  const frozen = Object.freeze(value);
  shared.set(key, frozen);
  return frozen;
}
/** A fresh flat copy: never a slice of a page body or a concatenation holding its parts alive. */
const flat = (s: string): string => Buffer.from(s).toString();

export function compactRecord(rec: FindingInput): FindingInput {
  const v = rec.verdict;
  // url and label are the target's own strings (flat, from the list); the record adds no copy of them.
  return {
    ...rec,
    verdict: v.status === 'accessible' && !v.interceptionCa && !v.untrustedIssuer && !v.sniProof ? share({ ...v, reason: '' }) : { ...v, reason: flat(v.reason) },
    tcpFailed: rec.tcpFailed.length ? rec.tcpFailed : NONE,
    tcpOk: rec.tcpOk.length ? share(rec.tcpOk) : NONE,
    control: share(rec.control),
    helper: share(rec.helper),
  };
}

/** The slim record findings keep of one result, compacted. */
export function slimRecord(r: TargetResult, table: readonly InterceptionCa[]): FindingInput {
  return compactRecord(slimResult(r, table));
}

function rowOf(r: TargetResult): TableRow {
  return { label: targetLabel(r.target), verdict: { status: r.verdict.status, method: r.verdict.method, reason: r.verdict.reason, evidence: r.verdict.evidence } };
}

// Measuring one target: measure (measure/, which never imports analyze/) then analyse (analyze/, pure).

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
    return { target, verdict: (await loadAnalysis()).analyzeService(m, target.service, ctx.interceptionCas), measurement: m };
  }
  const m = (await run((c) => measurers.web(target, c))) ?? { ...emptyWebMeasurement(target, ctx.localResolver.kind, startedAt, elapsed()), deadlineExceeded: true };
  const { analyzeWeb } = await loadAnalysis();
  return { target, verdict: analyzeWeb(m, { interceptionCas: ctx.interceptionCas }), measurement: m };
}

/** Measures targets in parallel, at most `concurrency` at once; results come back in input order (all held: for small runs and tests; `runPipeline` streams). */
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

export interface PipelineOutcome {
  summary: RunSummary;
  findings: Finding[];
  /** The control's own health check, when the run made one (run-level evidence for the findings). */
  controlCheck?: DnsObservation[];
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
  /** Called before the output's finish: the caller may settle the store (and decide on output). */
  beforeFinish?: (outcome: PipelineOutcome) => void | Promise<void>;
}

/** `tekser run`: measure → analyze → findings, streaming each result out as it is analysed. */
export async function runPipeline(opts: RunPipelineOptions): Promise<PipelineOutcome> {
  const counter = new SummaryCounter();
  const slim: FindingInput[] = [];
  let next = 0;
  let chain: Promise<void> = Promise.resolve();
  const worker = async (): Promise<void> => {
    while (!opts.signal?.aborted) {
      const i = next++;
      const target = opts.targets[i];
      if (!target) return;
      const r = await measureTarget(target, opts.ctx, opts.measurers);
      const line = (await loadAnalysis()).serializeResult(r, opts.serialize);
      opts.store?.append(line);
      counter.add(r.verdict.status);
      slim.push(slimRecord(r, opts.ctx.interceptionCas));
      opts.onResult?.(r);
      // Output in completion order; a slow writer holds the workers back rather than piling up lines.
      chain = chain.then(() => opts.output.result(line, rowOf(r)));
      await chain;
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(opts.concurrency, opts.targets.length)) }, worker);
  // The first targets have sent their first queries: analysis loads while they are in flight.
  const { findFindings } = await loadAnalysis();
  await Promise.all(workers);
  await chain;
  const controlCheck = await opts.controlCheck;
  const outcome: PipelineOutcome = {
    summary: counter.summary,
    findings: findFindings(slim, { interceptionCas: opts.ctx.interceptionCas, ...(controlCheck ? { controlCheck } : {}) }),
    ...(controlCheck ? { controlCheck } : {}),
  };
  await opts.beforeFinish?.(outcome);
  return outcome;
}

/**
 * Run-level evidence that came with stored measurements (run.json, the summary line, a JSON
 * document): shared by the items of one run, so a re-analysis sees what the run saw.
 */
export interface IngestRunContext {
  /** The run's own check of the control resolvers (decides no-connectivity and control interception). */
  controlCheck?: DnsObservation[];
}

interface IngestItemBase {
  extra?: Record<string, unknown>;
  /** Findings are made per group (one network at one time). */
  group?: string;
  /** The run-level evidence of the item's run; may be filled in later (a summary line comes last). */
  context?: IngestRunContext;
  annotate?: (v: Verdict) => Verdict;
  afterAnalysis?: (r: TargetResult) => Record<string, unknown>;
}

/** One measurement from elsewhere (OONI, a stored run), already mapped onto the model. */
export type IngestItem = (IngestItemBase & { kind: 'web'; measurement: WebMeasurement }) | (IngestItemBase & { kind: 'service'; measurement: ServiceMeasurement });

export interface AnalyzePipelineOptions {
  items: AsyncIterable<IngestItem>;
  knowledge: AnalysisKnowledge;
  serialize: SerializeOptions;
  output: ResultRenderer;
  onResult?: (r: TargetResult) => void;
}

/** Analyses one measurement with the current rules: the same functions `run` uses. */
export async function analyzeItem(item: IngestItem, knowledge: AnalysisKnowledge): Promise<TargetResult> {
  const { analyzeService, analyzeWeb } = await loadAnalysis();
  const controlCheck = item.context?.controlCheck;
  if (item.kind === 'service') {
    const m = item.measurement;
    const verdict = analyzeService(m, m.target.service, knowledge.interceptionCas, controlCheck);
    return { target: m.target, verdict: item.annotate ? item.annotate(verdict) : verdict, measurement: m };
  }
  const verdict = analyzeWeb(item.measurement, controlCheck ? { ...knowledge, controlCheck } : knowledge);
  return { target: item.measurement.target, verdict: item.annotate ? item.annotate(verdict) : verdict, measurement: item.measurement };
}

/**
 * `tekser analyze`: ingest → analyze → findings, one measurement at a time. Findings are made per
 * group (one network: a stored run, or one OONI probe_cc/probe_asn), since a statement like
 * "allow-list regime" is about one network at one time.
 */
export async function analyzePipeline(opts: AnalyzePipelineOptions): Promise<PipelineOutcome> {
  const counter = new SummaryCounter();
  const groups = new Map<string, FindingInput[]>();
  const { findFindings, serializeResult } = await loadAnalysis();
  const contexts = new Map<string, IngestRunContext>();
  for await (const item of opts.items) {
    const r = await analyzeItem(item, opts.knowledge);
    const line = { ...serializeResult(r, opts.serialize), ...item.extra, ...item.afterAnalysis?.(r) };
    counter.add(r.verdict.status);
    const g = item.group ?? '';
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    if (item.context) contexts.set(g, item.context);
    list.push(slimRecord(r, opts.knowledge.interceptionCas));
    opts.onResult?.(r);
    await opts.output.result(line, rowOf(r));
  }
  const findings: Finding[] = [];
  for (const [group, rs] of groups) {
    const controlCheck = contexts.get(group)?.controlCheck;
    for (const f of findFindings(rs, { interceptionCas: opts.knowledge.interceptionCas, ...(controlCheck ? { controlCheck } : {}) })) findings.push(groups.size > 1 && group ? { ...f, title: `[${group}] ${f.title}` } : f);
  }
  return { summary: counter.summary, findings };
}
