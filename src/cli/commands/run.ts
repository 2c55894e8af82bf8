import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { controlConnections, DEFAULT_TIMEOUTS, type MeasureContext } from '../../measure/context.ts';
import { checkControl } from '../../measure/control.ts';
import { RttTracker } from '../../net/rtt.ts';
import type { Target } from '../../model/target.ts';
import { RUN_SCHEMA_ID } from '../../model/run.ts';
import type { InterceptionCa } from '../../model/verdict.ts';
import { parseResolver, resolverLabel, type ResolverSpec } from '../../net/dns.ts';
import { DEFAULT_BODY_LIMIT } from '../../net/http.ts';
import { publicTrustStore } from '../../net/tls.ts';
import { BadListError, readTargets, targetUrl } from '../../lists/targets.ts';
import { makeChalk } from '../../report/color.ts';
import { summarize } from '../../report/json.ts';
import { jsonDocumentRenderer, jsonlRenderer, preferFlatMemory, runPipeline, tableRenderer, type PipelineOutcome } from '../../pipeline.ts';
import { applyConfig, configPath, loadConfig } from '../../config/config.ts';
import { acquireLock, LockedError } from '../../store/lock.ts';
import { defaultDataDir } from '../../store/paths.ts';
import { listRuns, sha256File, startRun, type RunWriter } from '../../store/runs.ts';
import { createProgress } from '../../report/progress.ts';
import { renderTable } from '../../report/table.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { HELPER_TOKEN_ENV } from '../../helper/protocol.ts';
import { BUILTIN_INTERCEPTION_CAS } from '../../data/interception-cas.ts';
import { parseInterceptionCaFile } from '../../analyze/interception.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { CommandIO } from '../io.ts';

export const DEFAULT_CONTROL_RESOLVERS = ['https://1.1.1.1/dns-query', 'https://8.8.8.8/dns-query'];
export const DEFAULT_LISTS = ['kz.csv', 'global.csv', 'messengers.yaml', 'circumvention.yaml'].map((f) => fileURLToPath(new URL(`../../../test-lists/${f}`, import.meta.url)));

export interface RunCommandOptions {
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
}

/** Resolves the data directory and the config file under the flags; `isFromCli` says which options the user typed. */
export function effectiveRunOptions(opts: RunCommandOptions, env: NodeJS.ProcessEnv, isFromCli: (key: string) => boolean) {
  const dataDir = opts.dataDir ?? defaultDataDir(env);
  const file = configPath(opts.config, dataDir);
  let config = null;
  try {
    config = file ? loadConfig(file) : null;
  } catch (err) {
    throw new UsageError(`config ${(err as Error).message}`);
  }
  const { options, sources } = applyConfig(opts as unknown as Record<string, unknown>, config, isFromCli);
  return { options: options as unknown as RunCommandOptions, sources, dataDir, configFile: file };
}

/** Reads a file named by a flag; a missing or unreadable file is the user's to fix, not a crash. */
export function readFlagFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag} ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
}

function readPems(files: readonly string[]): string[] {
  return files.map((f) => {
    const text = readFlagFile('--ca-file', f);
    if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--ca-file ${f}: no PEM certificate in it`);
    return text;
  });
}

export function loadInterceptionCas(files: readonly string[]): InterceptionCa[] {
  return files.flatMap((f) => {
    const text = readFlagFile('--interception-cas', f);
    try {
      return parseInterceptionCaFile(text, f);
    } catch (err) {
      throw new UsageError(`--interception-cas ${(err as Error).message}`);
    }
  });
}

function resolverOrUsage(spec: string, flag: string): ResolverSpec {
  try {
    return parseResolver(spec);
  } catch (err) {
    throw new UsageError(`${flag}: ${(err as Error).message}`);
  }
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
    if (err instanceof BadListError) throw new UsageError(`cannot use these targets:\n  ${err.problems.slice(0, 20).join('\n  ')}${err.total > 20 ? `\n  … and ${err.total - 20} more` : ''}`);
    throw err;
  }
  if (targets.length === 0) throw new UsageError('nothing to test: the lists are empty');
  return { targets, lists: [...chosen] };
}

export function buildContext(opts: RunCommandOptions): MeasureContext {
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
    if (spec.kind !== 'doh') throw new UsageError(`--control-resolver ${r}: the control must be a DoH URL (https://IP/dns-query), which a censor cannot spoof`);
    return spec;
  });
  const helperUrls = opts.controlHelper === undefined ? [] : Array.isArray(opts.controlHelper) ? opts.controlHelper : [opts.controlHelper];
  for (const h of helperUrls) {
    let helper: URL;
    try {
      helper = new URL(h);
    } catch {
      throw new UsageError(`--control-helper ${h}: not a URL`);
    }
    // The helper URL is written into every report: a secret in it would travel with them.
    if (helper.username || helper.password) throw new UsageError(`--control-helper: no credentials in the URL (it is written into reports); set ${HELPER_TOKEN_ENV} for a helper that needs a token`);
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
    interceptionCas: [...BUILTIN_INTERCEPTION_CAS, ...loadInterceptionCas(opts.interceptionCas ?? [])],
  };
}

/** `tekser run`: measure, then report. Interference found is data: exit 0 unless --fail-on. */
export async function runCommand(urls: string[], given: RunCommandOptions, io: CommandIO, isFromCli: (key: string) => boolean = () => true): Promise<number> {
  const { options: opts, dataDir } = effectiveRunOptions(given, io.env, isFromCli);
  const { targets, lists } = await loadTargets(urls, opts.list ?? [], opts.canaries);
  const ctx = buildContext(opts);
  const startedAt = new Date().toISOString();

  // Cron safety: one run at a time per data directory; the runs a killed process left are marked.
  let release: (() => void) | null = null;
  let writer: RunWriter | null = null;
  if (opts.save) {
    try {
      release = acquireLock(dataDir);
    } catch (err) {
      if (err instanceof LockedError) throw new UsageError(err.message, EXIT.locked);
      throw new UsageError(`--data-dir ${dataDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    listRuns(dataDir, { repair: true });
    writer = startRun(dataDir, {
      tekserVersion: TEKSER_VERSION,
      lists: lists.map((path) => ({ path, sha256: sha256File(path) })),
      settings: { resolver: resolverLabel(ctx.localResolver), controlResolvers: ctx.controlResolvers.map(resolverLabel), controlHelper: ctx.helperUrl, concurrency: opts.concurrency, urls: urls.map(targetUrl) },
      targets: targets.length,
    });
  }

  // Stop scheduling on a signal or at --max-runtime; targets in flight finish and are written.
  const stop = new AbortController();
  let stopReason: 'signal' | 'deadline' | null = null;
  let signalCode = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (stopReason === 'signal') {
      writer?.finish('interrupted', summarize([]), []);
      release?.();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    }
    stopReason = 'signal';
    signalCode = sig === 'SIGINT' ? 130 : 143;
    io.stderr(`\ntekser: ${sig}: finishing the targets in flight, then stopping (again to stop at once)\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const deadline = opts.maxRuntime
    ? setTimeout(() => {
        stopReason ??= 'deadline';
        io.stderr(`tekser: --max-runtime ${opts.maxRuntime}s reached: no new targets are started\n`);
        stop.abort();
      }, opts.maxRuntime * 1000)
    : null;
  deadline?.unref();
  const progress = createProgress(targets.length, io.stderr, io.stderrIsTTY && !io.env.CI && !opts.quiet && io.env.TERM !== 'dumb');
  let file: WriteStream | null = null;
  if (opts.output) {
    file = createWriteStream(opts.output, { flags: 'w' });
    await new Promise<void>((resolve, reject) => {
      file?.once('open', () => resolve());
      file?.once('error', (err) => reject(new UsageError(`--output ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    });
  }
  // A file stream is written with backpressure; stdout (synchronous for files and pipes on Linux) directly.
  const write = (text: string): void | Promise<void> => {
    if (!file) return io.stdout(text);
    if (!file.write(text)) return new Promise<void>((resolve) => file?.once('drain', () => resolve()));
  };
  // The control's own health check runs beside the targets (never gating them: every target is measured).
  const controlCheckPromise = checkControl(ctx, ctx.controlBootstraps).catch(() => undefined);
  const settings = {
    localResolver: resolverLabel(ctx.localResolver),
    controlResolvers: ctx.controlResolvers.map(resolverLabel),
    controlHelper: ctx.helperUrl,
    trustStore: ctx.trust.label,
    concurrency: opts.concurrency,
    lists,
  };
  const tekser = { version: TEKSER_VERSION, node: process.versions.node, openssl: process.versions.openssl };
  // --quiet prints nothing unless something is found: the document is held until that is known.
  const held: string[] = [];
  const quietHold = Boolean(opts.quiet) && !file && opts.format !== 'jsonl';
  const out = quietHold ? (text: string): void => void held.push(text) : write;
  const output =
    opts.format === 'jsonl'
      ? jsonlRenderer(out, startedAt)
      : opts.format === 'json'
        ? jsonDocumentRenderer(out, { schema: RUN_SCHEMA_ID, tekser, startedAt, settings })
        : tableRenderer((rows, findings) => {
            const chalk = makeChalk({ isTTY: !file && io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
            const header = `tekser ${TEKSER_VERSION} — ${startedAt.replace('T', ' ').slice(0, 19)} UTC — resolver ${resolverLabel(ctx.localResolver)}, control ${ctx.controlResolvers.map(resolverLabel).join(' / ')}${ctx.helperUrl ? ` + helper ${ctx.helperUrl}` : ''}`;
            return out(renderTable(rows, { chalk, header, findings, verbose: Boolean(opts.verbose), ...(!file && io.stdoutIsTTY ? { width: process.stdout.columns } : {}) }));
          }, Boolean(opts.verbose));
  let outcome: PipelineOutcome;
  preferFlatMemory();
  try {
    outcome = await runPipeline({
      targets,
      ctx,
      concurrency: opts.concurrency,
      signal: stop.signal,
      serialize: { includeBodies: Boolean(opts.includeBodies) },
      store: writer,
      output,
      onResult: (r) => progress.tick(r.verdict.status === 'blocked' || r.verdict.status === 'partially blocked'),
      controlCheck: controlCheckPromise,
    });
  } finally {
    progress.done();
    if (deadline) clearTimeout(deadline);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await controlCheckPromise;
    // Every target has ended: nothing may keep the process alive (destroy, not close: close waits).
    await ctx.dispatcher.destroy().catch(() => {});
  }
  const { summary, findings, controlCheck } = outcome;
  const finishedAt = new Date().toISOString();
  writer?.finish(stopReason === 'signal' ? 'interrupted' : stopReason === 'deadline' ? 'deadline' : 'complete', summary, findings);
  release?.();
  const anyBlocked = summary.blocked + summary.partiallyBlocked > 0;
  const foundSomething = findings.length > 0 || anyBlocked;
  if (opts.quiet && !foundSomething && !file) {
    if (stopReason === 'signal') return signalCode;
    return EXIT.ok;
  }
  await output.finish({ finishedAt, summary, findings, ...(controlCheck ? { extra: { controlCheck } } : {}) });
  for (const text of held) io.stdout(text);
  if (file) await new Promise<void>((resolve) => file?.end(() => resolve()));
  if (stopReason === 'signal') return signalCode;
  if (findings.some((f) => f.kind === 'no-connectivity')) return EXIT.noConnectivity;
  if (opts.failOn === 'blocked' && anyBlocked) return EXIT.findings;
  return EXIT.ok;
}
