import { fileURLToPath } from 'node:url';
// Start-up (issue #13): everything imported here statically is on the path to the run's first DNS
// query, and must not load zod, undici, yaml or the signature tables (test/startup.test.ts checks).
// The config reader, the store, the table and the analysis load when they are needed, the analysis
// while the first queries are in flight (pipeline.ts).
import { controlConnections, DEFAULT_TIMEOUTS, type MeasureContext } from '../../measure/context.ts';
import { checkControl } from '../../measure/control.ts';
import { RttTracker } from '../../net/rtt.ts';
import type { Target } from '../../model/target.ts';
import type { RunSummary, Stopped } from '../../model/run.ts';
import { RUN_SCHEMA_ID } from '../../model/values.ts';
import { parseResolver, resolverLabel, type ResolverSpec } from '../../net/dns.ts';
import { DEFAULT_BODY_LIMIT } from '../../net/http.ts';
import { publicTrustStore } from '../../net/tls.ts';
import { readTargets, targetUrl } from '../../lists/targets.ts';
import { BadListError } from '../../errors.ts';
import { runPipeline, runWays, type WaysOutcome, SummaryCounter, type PipelineOutcome } from '../../pipeline.ts';
import { chooseRenderer, type DrawTable, type ResultRenderer } from '../../report/render.ts';
import type { TargetResult } from '../../model/run.ts';
import { preferFlatMemory } from '../v8-flags.ts';
import { applyConfig, configPath, type LoadedConfig } from '../../config/keys.ts';
import { defaultDataDir } from '../../store/paths.ts';
import { createProgress } from '../../report/progress.ts';
import { StepTally } from '../../report/next-steps.ts';
import type { ReportSink, Saving } from '../run-output.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { HELPER_TOKEN_ENV } from '../../helper/token.ts';
import { BUILTIN_INTERCEPTION_CAS } from '../../data/interception-cas.ts';
import { EXIT, UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { checkDataDir } from '../data-dir.ts';
import { readFlagFile } from '../flag-file.ts';
import { readFileSync } from 'node:fs';
import { bareHost } from '../../net/endpoint.ts';
import type { WayEntry, WayPlan } from '../../model/check.ts';
import { networkFromHelper, networkOf, type NetworkOptions } from '../../fleet/network.ts';
import { pushAfterRun, pushProblem } from '../../fleet/after-run.ts';
import { currentLang, msg, t, textOf, type Lang, verbatim } from '../../i18n/index.ts';
import type { Message } from '../../model/message.ts';
import { said } from '../../i18n/said.ts';
import { causeMessage } from '../errors.ts';

export { readFlagFile } from '../flag-file.ts';

export const DEFAULT_CONTROL_RESOLVERS = ['https://1.1.1.1/dns-query', 'https://8.8.8.8/dns-query'];
export const DEFAULT_LISTS = ['kz.csv', 'global.csv', 'messengers.yaml', 'circumvention.yaml'].map((f) => fileURLToPath(new URL(`../../../test-lists/${f}`, import.meta.url)));

export interface RunCommandOptions extends NetworkOptions {
  /** Push the run to the fleet's database (fleet_url / --fleet-url) when it is kept. */
  push?: boolean;
  fleetUrl?: string;
  list?: string[];
  /** Neutral canary targets (CSV), or "none". */
  canaries?: string;
  resolver: string;
  controlResolver?: string[];
  /** Repeatable: the next helper is tried when one fails or has not answered in 15 s. */
  controlHelper?: string | string[];
  caFile?: string[];
  concurrency: number;
  dnsTimeout: number;
  tcpTimeout: number;
  tlsTimeout: number;
  httpTimeout: number;
  targetTimeout: number;
  format: 'table' | 'json' | 'jsonl';
  output?: string;
  failOn?: 'blocked';
  includeBodies?: boolean;
  verbose?: boolean;
  color?: boolean;
  retries: number;
  harmlessSni: string;
  sniProbeHost?: string;
  interceptionCas?: string[];
  dataDir?: string;
  save: boolean;
  config?: string;
  maxRuntime?: number;
  quiet?: boolean;
  /** What still works: the user's own bridges and endpoints, the helper's echo ports, the lists' ways. */
  bridge?: string[];
  bridges?: string[];
  endpoint?: string[];
  echoPorts?: string;
  wayTimeout?: number;
  /** false with --no-ways: the lists' ways are not tried. */
  ways?: boolean;
  revealPrivate?: boolean;
}

/** Resolves the data directory and the config file under the flags; `isFromCli` says which options the user typed. */
export async function effectiveRunOptions(opts: RunCommandOptions, env: NodeJS.ProcessEnv, isFromCli: (key: string) => boolean) {
  const dataDir = checkDataDir(opts.dataDir ?? defaultDataDir(env), env);
  const file = configPath(opts.config, dataDir);
  let config: LoadedConfig | null = null;
  try {
    // The reader (yaml, zod) loads only when there is a file to read.
    config = file ? (await import('../../config/config.ts')).loadConfig(file) : null;
  } catch (err) {
    throw new UsageError(said(msg('cli.err.config', { problem: causeMessage(err) })));
  }
  const { options, sources } = applyConfig(opts as unknown as Record<string, unknown>, config, isFromCli);
  return { options: options as unknown as RunCommandOptions, sources, dataDir, configFile: file, config };
}

function readPems(files: readonly string[]): string[] {
  return files.map((f) => {
    const text = readFlagFile('--ca-file', f);
    if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(said(msg('cli.err.no-pem-certificate', { flag: '--ca-file', file: f })));
    return text;
  });
}

function resolverOrUsage(spec: string, flag: string): ResolverSpec {
  try {
    return parseResolver(spec);
  } catch (err) {
    throw new UsageError(said(msg('cli.err.flag-colon', { flag, problem: causeMessage(err) })));
  }
}

/** A bad list's problems under "cannot use these targets:", at most 20, each in the reader's language. */
function badTargetsMessage(err: BadListError): Message {
  const lines = err.problemWhys.slice(0, 20).map((p): Message => (typeof p === 'string' ? verbatim(p) : (p.why as Message)));
  const more = err.total > 20 ? msg('cli.err.bad-targets.more', { count: err.total - 20 }) : verbatim('');
  const body = lines.reduceRight<Message>((rest, line) => msg('cli.err.bad-targets.line', { line, rest }), more);
  return msg('cli.err.bad-targets', { lines: body });
}

/** Neutral canaries measured with the shipped lists (allow-list evidence); see test-lists/SOURCES.md. */
export const DEFAULT_CANARIES = fileURLToPath(new URL('../../../test-lists/canaries.csv', import.meta.url));

export async function loadTargets(urls: readonly string[], lists: readonly string[], canaries?: string): Promise<{ targets: Target[]; lists: string[] }> {
  const chosen = urls.length === 0 && lists.length === 0 ? DEFAULT_LISTS : lists;
  // Canaries: the file given, or the shipped one when the shipped lists run (never by surprise in a custom run).
  const canaryFile = canaries === 'none' ? null : (canaries ?? (chosen === DEFAULT_LISTS ? DEFAULT_CANARIES : null));
  let targets: Target[];
  try {
    // Lists are streamed and deduplicated as they are read (lists/targets.ts): flat per-row cost, no spread.
    targets = await readTargets(urls, chosen, canaryFile);
  } catch (err) {
    if (err instanceof BadListError) throw new UsageError(said(badTargetsMessage(err)));
    throw err;
  }
  if (targets.length === 0) throw new UsageError(said(msg('cli.err.empty-lists')));
  return { targets, lists: [...chosen] };
}

export async function buildMeasureContext(opts: RunCommandOptions): Promise<MeasureContext> {
  const extraCaPems = readPems(opts.caFile ?? []);
  const trust = publicTrustStore(extraCaPems);
  const timeouts = {
    ...DEFAULT_TIMEOUTS,
    dnsMs: opts.dnsTimeout * 1000,
    tcpMs: opts.tcpTimeout * 1000,
    tlsMs: opts.tlsTimeout * 1000,
    httpMs: opts.httpTimeout * 1000,
    targetMs: opts.targetTimeout * 1000,
  };
  const controlResolvers = (opts.controlResolver?.length ? opts.controlResolver : DEFAULT_CONTROL_RESOLVERS).map((r) => {
    const spec = resolverOrUsage(r, '--control-resolver');
    if (spec.kind !== 'doh') throw new UsageError(said(msg('cli.err.flag-value', { flag: '--control-resolver', value: r, problem: msg('cli.err.control-doh') })));
    return spec;
  });
  const helperUrls = opts.controlHelper === undefined ? [] : Array.isArray(opts.controlHelper) ? opts.controlHelper : [opts.controlHelper];
  for (const h of helperUrls) {
    let helper: URL;
    try {
      helper = new URL(h);
    } catch {
      throw new UsageError(said(msg('cli.err.flag-value', { flag: '--control-helper', value: h, problem: msg('cli.err.not-url') })));
    }
    // The helper URL is written into every report: a secret in it would travel with them.
    if (helper.username || helper.password) throw new UsageError(said(msg('cli.err.helper-credentials', { env: HELPER_TOKEN_ENV })));
  }
  const control = controlConnections(trust, timeouts, controlResolvers);
  return {
    localResolver: resolverOrUsage(opts.resolver, '--resolver'),
    controlResolvers,
    trust,
    extraCaPems,
    timeouts,
    helperUrl: helperUrls[0] ?? null,
    helperUrls,
    dispatcher: control.dispatcher,
    handshakeFor: control.handshakeFor,
    controlBootstraps: control.bootstraps,
    rtt: new RttTracker(),
    bodyLimit: DEFAULT_BODY_LIMIT,
    dnsLingerMs: 300,
    retries: opts.retries,
    harmlessSni: opts.harmlessSni,
    sniProbeHost: opts.sniProbeHost ?? null,
    interceptionCas: [...BUILTIN_INTERCEPTION_CAS, ...(opts.interceptionCas?.length ? (await import('../interception-cas.ts')).loadInterceptionCas(opts.interceptionCas) : [])],
  };
}

type RunOutputModule = typeof import('../run-output.ts');

/** Where the report and the run go: the -o file or stdout, and the run kept in the data directory (or not). */
interface Destinations {
  sink: ReportSink;
  saving: Saving | null;
  runOutput: RunOutputModule | null;
}

/**
 * Cron safety: one run at a time per data directory; the runs a killed process left are marked.
 * -o is opened under the lock and before the run record: a bad path never leaves a run behind.
 * The store (zod, for the records it checks) and -o load when used; stdout needs neither.
 */
async function openDestinations(opts: RunCommandOptions, urls: readonly string[], lists: readonly string[], targets: number, ctx: MeasureContext, dataDir: string, io: CommandIO): Promise<Destinations> {
  const runOutput = opts.save || opts.output ? await import('../run-output.ts') : null;
  if (!runOutput) return { sink: { write: io.stdout, end: () => {}, file: null, problem: null }, saving: null, runOutput };
  if (!opts.save) return { sink: runOutput.openReportOutput(opts.output, io), saving: null, runOutput };
  const { sha256File } = await import('../../store/writer.ts');
  let opened: ReportSink | null = null;
  const saving = runOutput.startSaving(
    dataDir,
    {
      tekserVersion: TEKSER_VERSION,
      lists: lists.map((path) => ({ path, sha256: sha256File(path) })),
      settings: { resolver: resolverLabel(ctx.localResolver), controlResolvers: ctx.controlResolvers.map(resolverLabel), controlHelper: ctx.helperUrl, concurrency: opts.concurrency, urls: urls.map(targetUrl) },
      targets,
      network: networkOf(opts),
    },
    io,
    () => void (opened = runOutput.openReportOutput(opts.output, io)),
  );
  return { sink: opened as unknown as ReportSink, saving, runOutput };
}

/** Why scheduling stopped early, if it did. */
type StopReason = 'signal' | 'deadline' | null;

/** Stopping: a signal or --max-runtime stops scheduling; targets in flight finish and are written. A second signal stops at once. */
interface Stopping {
  signal: AbortSignal;
  reason(): StopReason;
  /** The exit code the signal asks for (EXIT.interrupted or EXIT.terminated). */
  signalCode(): number;
  stop(): void;
  dispose(): void;
}

function watchForStop(maxRuntime: number | undefined, saving: Saving | null, io: CommandIO): Stopping {
  const stop = new AbortController();
  let reason: StopReason = null;
  let signalCode = 0;
  const codeOf = (sig: NodeJS.Signals): number => (sig === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);
  const onSignal = (sig: NodeJS.Signals): void => {
    if (reason === 'signal') {
      saving?.writer?.finish('interrupted', new SummaryCounter().summary, []);
      saving?.release();
      process.exit(codeOf(sig));
    }
    reason = 'signal';
    signalCode = codeOf(sig);
    io.stderr(`\ntekser: ${t(currentLang(), 'cli.run.signal', { signal: sig })}\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const deadline = maxRuntime
    ? setTimeout(() => {
        reason ??= 'deadline';
        io.stderr(`tekser: ${t(currentLang(), 'cli.run.deadline', { seconds: maxRuntime })}\n`);
        stop.abort();
      }, maxRuntime * 1000)
    : null;
  deadline?.unref();
  return {
    signal: stop.signal,
    reason: () => reason,
    signalCode: () => signalCode,
    stop: () => stop.abort(),
    dispose() {
      if (deadline) clearTimeout(deadline);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}

/**
 * The reader of stdout left (`| head`): a kept run still finishes (so history holds it whole);
 * an unsaved one has no one left to tell, so it stops scheduling.
 */
function stopWhenStdoutCloses(d: Destinations, stopping: Stopping, io: CommandIO): void {
  const writer = d.saving?.writer ?? null;
  io.onStdoutClosed?.(() => {
    if (d.sink.file) return;
    io.stderr(`tekser: ${writer ? t(currentLang(), 'cli.run.closedKept', { showCmd: '`tekser show last`' }) : t(currentLang(), 'cli.run.closed')}\n`);
    if (!writer) stopping.stop();
  });
}

/** The report's renderer; with --quiet (and no -o), what it writes is held until the run is known to have found something. */
function runRenderer(opts: RunCommandOptions, ctx: MeasureContext, lists: readonly string[], startedAt: string, sink: ReportSink, io: CommandIO, late: { steps: string[]; stopped: Stopped | null }): { output: ResultRenderer; held: string[] } {
  const file = sink.file;
  const settings = {
    localResolver: resolverLabel(ctx.localResolver),
    controlResolvers: ctx.controlResolvers.map(resolverLabel),
    controlHelper: ctx.helperUrl,
    trustStore: ctx.trust.label,
    concurrency: opts.concurrency,
    lists: [...lists],
  };
  const tekser = { version: TEKSER_VERSION, node: process.versions.node, openssl: process.versions.openssl };
  // --quiet prints nothing unless something is found: the document is held until that is known.
  const held: string[] = [];
  const quietHold = Boolean(opts.quiet) && !file && opts.format !== 'jsonl';
  // -o is written synchronously (a full disk falls back to stdout, said in one line); stdout directly.
  const out = quietHold ? (text: string): void => void held.push(text) : (text: string): void => sink.write(text);
  const table: DrawTable = async (rows, findings) => {
    const [{ makeChalk }, { renderTable }] = await Promise.all([import('../../report/color.ts'), import('../../report/table.ts')]);
    const chalk = makeChalk({ isTTY: !file && io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
    const header = `tekser ${TEKSER_VERSION} — ${startedAt.replace('T', ' ').slice(0, 19)} UTC — resolver ${resolverLabel(ctx.localResolver)}, control ${ctx.controlResolvers.map(resolverLabel).join(' / ')}${ctx.helperUrl ? ` + helper ${ctx.helperUrl}` : ''}`;
    const text = renderTable(rows, { chalk, header, findings, steps: late.steps, verbose: Boolean(opts.verbose), ...(!file && io.stdoutIsTTY ? { width: process.stdout.columns } : {}) });
    return out(late.stopped ? `${text}${stoppedLine(late.stopped)}\n` : text);
  };
  const output = chooseRenderer({ format: opts.format, write: out, startedAt, head: { schema: RUN_SCHEMA_ID, tekser, startedAt, settings }, table, verbose: Boolean(opts.verbose) });
  return { output, held };
}

/** After each target: the progress line, and an early warning when the control keeps failing. */
function onEachResult(opts: RunCommandOptions, progress: ReturnType<typeof createProgress>, tally: StepTally, io: CommandIO): (r: TargetResult) => void {
  return (r) => {
    progress.tick(r.verdict.status === 'blocked' || r.verdict.status === 'partially blocked');
    tally.add(r);
    const warning = tally.earlyWarning();
    if (warning && !progress.warn(warning, 'control failing') && !opts.quiet) io.stderr(`tekser: ${t(currentLang(), 'cli.run.warning', { warning })}\n`);
  };
}

/** The exit code of a finished run (a signal's own code first, then what was not written, then what was found). */
function exitCode(opts: RunCommandOptions, outcome: PipelineOutcome, stopping: Stopping, notWritten: boolean): number {
  if (stopping.reason() === 'signal') return stopping.signalCode();
  if (notWritten) return EXIT.notWritten;
  if (outcome.findings.some((f) => f.kind === 'no-connectivity')) return EXIT.noConnectivity;
  const s = outcome.summary;
  if (opts.failOn === 'blocked' && s.blocked + s.partiallyBlocked > 0) return EXIT.findings;
  return EXIT.ok;
}

/** `tekser run`: measure, then report. Interference found is data: exit 0 unless --fail-on. */
export async function runCommand(urls: string[], given: RunCommandOptions, io: CommandIO, isFromCli: (key: string) => boolean = () => true): Promise<number> {
  const { options: opts, dataDir } = await effectiveRunOptions(given, io.env, isFromCli);
  const pushing = pushProblem(opts);
  if (pushing) throw new UsageError(pushing);
  const { targets, lists } = await loadTargets(urls, opts.list ?? [], opts.canaries);
  const ctx = await buildMeasureContext(opts);
  if (opts.networkFromHelper) Object.assign(opts, await networkFromHelper(opts, ctx.helperUrls ?? [], io.stderr));
  const startedAt = new Date().toISOString();
  const dest = await openDestinations(opts, urls, lists, targets.length, ctx, dataDir, io);
  const { sink, saving } = dest;
  const writer = saving?.writer ?? null;
  const stopping = watchForStop(opts.maxRuntime, saving, io);
  const progress = createProgress(targets.length, io.stderr, io.stderrIsTTY && !io.env.CI && !opts.quiet && io.env.TERM !== 'dumb');
  const tally = new StepTally();
  stopWhenStdoutCloses(dest, stopping, io);
  const late: { steps: string[]; stopped: Stopped | null } = { steps: [], stopped: null };
  // The control's own health check runs beside the targets (never gating them: every target is measured).
  const controlCheckPromise = checkControl(ctx, ctx.controlBootstraps).catch(() => undefined);
  // What still works: the ways out run beside the targets too, with their own short deadline.
  const waysPromise = startWays(await planRunWays(opts, lists, ctx), opts, ctx, stopping.signal);
  const { output, held } = runRenderer(opts, ctx, lists, startedAt, sink, io, late);
  let outcome: PipelineOutcome;
  preferFlatMemory();
  try {
    outcome = await runPipeline({
      targets,
      ctx,
      concurrency: opts.concurrency,
      signal: stopping.signal,
      serialize: { includeBodies: Boolean(opts.includeBodies) },
      store: writer,
      output,
      onResult: onEachResult(opts, progress, tally, io),
      controlCheck: controlCheckPromise,
      ways: waysPromise,
    });
  } finally {
    progress.done();
    stopping.dispose();
    await controlCheckPromise;
    await waysPromise;
    // Every target has ended: nothing may keep the process alive (destroy, not close: close waits).
    await ctx.dispatcher.destroy().catch(() => {});
  }
  const code = await finishRun(opts, dest, stopping, outcome, { output, held, tally, io, planned: targets.length, setSteps: (s) => (late.steps = s), setStopped: (s) => (late.stopped = s) });
  // The run is kept whatever the fleet's database says: one that cannot take it now gets it later (queued).
  if (opts.push && opts.fleetUrl && writer && !writer.problem) await pushAfterRun(dataDir, writer.id, opts.fleetUrl, io.stderr, Boolean(opts.quiet));
  return code;
}

/** After the last target: the run record closed, the report finished (or, with --quiet and nothing found, left out), the exit code. */
async function finishRun(
  opts: RunCommandOptions,
  dest: Destinations,
  stopping: Stopping,
  outcome: PipelineOutcome,
  r: { output: ResultRenderer; held: string[]; tally: StepTally; io: CommandIO; planned: number; setSteps: (steps: string[]) => void; setStopped: (stopped: Stopped | null) => void },
): Promise<number> {
  const { sink, saving, runOutput } = dest;
  const { io } = r;
  const writer = saving?.writer ?? null;
  const { summary, findings, controlCheck, ways } = outcome;
  const finishedAt = new Date().toISOString();
  const stopReason = stopping.reason();
  const stopped = stopReason ? stoppedRun(stopReason, summary.total, r.planned) : null;
  r.setStopped(stopped);
  writer?.finish(stopReason === 'signal' ? 'interrupted' : stopReason === 'deadline' ? 'deadline' : 'complete', summary, findings, controlCheck, ways);
  saving?.release();
  const epilogue = runOutput?.savingEpilogue(saving, summary.total) ?? null;
  const steps = r.tally.steps(
    findings.map((f) => f.kind),
    writer && !writer.problem ? writer.id : null,
  );
  r.setSteps(steps);
  const foundSomething = findings.length > 0 || summary.blocked + summary.partiallyBlocked > 0;
  const file = sink.file;
  if (opts.quiet && !foundSomething && !file) {
    if (epilogue) io.stderr(`${epilogue}\n`);
    if (stopReason === 'signal') return stopping.signalCode();
    return epilogue ? EXIT.notWritten : EXIT.ok;
  }
  const extra = { ...(controlCheck ? { controlCheck } : {}), ...(ways ? { ways } : {}), ...(stopped ? { stopped } : {}) };
  await r.output.finish({ finishedAt, summary, findings, ...(Object.keys(extra).length ? { extra } : {}) });
  for (const text of r.held) io.stdout(text);
  sink.end();
  // With -o the terminal still hears what happened: one summary line, the findings, the next steps.
  if (file && (!opts.quiet || foundSomething)) io.stderr(reportedToFile(file, summary, findings, steps, stopped));
  if (epilogue) io.stderr(`${epilogue}\n`);
  return exitCode(opts, outcome, stopping, Boolean(epilogue || sink.problem));
}

/** How a run that stopped early is written in the JSON, the JSONL summary line and the run record. */
function stoppedRun(reason: 'signal' | 'deadline', finished: number, planned: number): Stopped {
  return { reason: reason === 'signal' ? 'interrupted' : 'deadline', finished, planned };
}

/** The table's last line for a run that stopped early: that it stopped, why, and how far it got. */
export function stoppedLine(stopped: Stopped, lang: Lang = currentLang()): string {
  const why = msg(stopped.reason === 'deadline' ? 'cli.run.stopped.deadline' : 'cli.run.stopped.interrupted');
  return t(lang, 'cli.run.stopped', { why, finished: stopped.finished, count: stopped.planned });
}

/** The lines stderr gets when the report went to a file (-o). */
export function reportedToFile(file: string, summary: RunSummary, findings: readonly { title: string; titleMessage?: Message | undefined }[], steps: readonly string[], stopped: Stopped | null = null, lang: Lang = currentLang()): string {
  const s = summary;
  const partial = s.partiallyBlocked ? msg('cli.run.summary.partial', { n: s.partiallyBlocked }) : '';
  const line = t(lang, 'cli.run.summary', { total: s.total, accessible: s.accessible, blocked: s.blocked, partial, down: s.down, inconclusive: s.inconclusive });
  const written = t(lang, 'cli.run.written', { file, summary: line });
  const lines = [`tekser: ${written}`, ...(stopped ? [stoppedLine(stopped, lang)] : []), ...findings.map((f) => `! ${textOf(lang, f.titleMessage, f.title)}`), ...steps];
  return `${lines.join('\n')}\n`;
}

/**
 * The ways out of this run: the user's bridges and endpoints (private), the helper's echo ports
 * (--echo-ports, on the first --control-helper's host), and the `ways:` of the YAML lists that run
 * (unless --no-ways). Bad input is a usage error that does not repeat the address.
 */
async function planRunWays(opts: RunCommandOptions, lists: readonly string[], ctx: MeasureContext): Promise<WayPlan[]> {
  const { planWays } = await import('../../lists/bridges.ts');
  const { echoWays, parseEchoPorts, waysFromEntries } = await import('../../lists/ways.ts');
  const listWays = opts.ways === false ? [] : await waysOfLists(lists);
  let echo: WayPlan[] = [];
  if (opts.echoPorts !== undefined) {
    const ports = parseEchoPorts(opts.echoPorts);
    if (!ports) throw new UsageError(said(msg('cli.err.flag-value', { flag: '--echo-ports', value: opts.echoPorts, problem: msg('cli.err.echo-ports') })));
    if (!ctx.helperUrl) throw new UsageError(said(msg('cli.err.echo-needs-helper', { helperCmd: 'tekser helper --echo-ports' })));
    echo = echoWays(bareHost(new URL(ctx.helperUrl).hostname), ports);
  }
  const bridgeFiles = (opts.bridges ?? []).map((file) => ({ file, text: readFlagFile('--bridges', file) }));
  const { plans, problems } = planWays({ listWays: waysFromEntries(listWays), bridges: opts.bridge ?? [], bridgeFiles, endpoints: opts.endpoint ?? [], echoWays: echo, reveal: Boolean(opts.revealPrivate) });
  if (problems.length) throw new UsageError(problems.join('\n  '));
  return plans;
}

/** The `ways:` sections of the YAML lists in this run (already validated when their targets were read). */
async function waysOfLists(lists: readonly string[]): Promise<WayEntry[]> {
  const yaml = lists.filter((l) => /\.ya?ml$/i.test(l));
  if (yaml.length === 0) return [];
  const { parseServices } = await import('../../lists/services.ts');
  return yaml.flatMap((file) => parseServices(readFileSync(file, 'utf8'), file).list?.ways ?? []);
}

/** Starts the ways beside the targets; a failure there never fails the run (it is one finding less). */
function startWays(plans: readonly WayPlan[], opts: RunCommandOptions, ctx: MeasureContext, signal: AbortSignal): Promise<WaysOutcome | undefined> | undefined {
  if (plans.length === 0) return undefined;
  const timeoutMs = (opts.wayTimeout ?? 6) * 1000;
  return runWays(plans, { trust: ctx.trust, signal, timeoutMs, ...(ctx.dialLoopback ? { dialLoopback: true } : {}), revealPrivate: Boolean(opts.revealPrivate) }).catch(() => undefined);
}
