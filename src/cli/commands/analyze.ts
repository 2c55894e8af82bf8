import { said } from '../../i18n/said.ts';
import { currentLang, msg, t, type Lang, verbatim } from '../../i18n/index.ts';
import { createWriteStream, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import { BUILTIN_INTERCEPTION_CAS } from '../../data/interception-cas.ts';
import { BadInputError } from '../../errors.ts';
import { describeSkipped, ingestFiles, newSourceState, resolveInput, serviceLookup, skippedJson } from '../../ingest/sources.ts';
import { analyzePipeline, judgeWays, type AnalyzeOutcome } from '../../pipeline.ts';
import type { SourceState } from '../../ingest/sources.ts';
import { chooseRenderer, type ResultRenderer, type Write } from '../../report/render.ts';
import { preferFlatMemory } from '../v8-flags.ts';
import { makeChalk } from '../../report/color.ts';
import { RUN_SCHEMA_ID } from '../../model/run.ts';
import { renderTable } from '../../report/table.ts';
import { defaultDataDir } from '../../store/paths.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { EXIT, UsageError, type ErrorText } from '../../errors.ts';
import type { Message } from '../../model/message.ts';
import type { CommandIO } from '../io.ts';
import { loadInterceptionCas } from '../interception-cas.ts';
import { withOoniAdvice } from '../../findings/helper-unavailable.ts';
import type { Finding } from '../../model/finding.ts';
import { resultLabel } from '../../report/timeline.ts';

export interface AnalyzeCommandOptions {
  format: 'table' | 'json' | 'jsonl';
  output?: string;
  verbose?: boolean;
  color?: boolean;
  includeBodies?: boolean;
  interceptionCas?: string[];
  dataDir?: string;
  failOn?: 'blocked';
}

/** A bad input file's words for the usage error: "file:line: problem", or "file: problem" for the whole file; in the reader's language when it was said. */
function badInputWords(err: BadInputError): ErrorText {
  const text = err.line ? err.message : `${err.file}: ${err.problem}`;
  if (!err.why) return text;
  const problem = (err.why.params as { problem: Message }).problem;
  return { text, why: err.line ? (err.why as Message) : msg('err.at-file', { file: err.file, problem }) };
}

/** The inputs as files to read: "-", files, run directories, stored run ids. */
function inputFiles(inputs: readonly string[], dataDir: string): string[] {
  if (inputs.length === 0) throw new UsageError(said(msg('cli.err.analyze-inputs', { cmd: 'analyze' })));
  try {
    return inputs.map((a) => resolveInput(a, dataDir));
  } catch (err) {
    if (err instanceof BadInputError) throw new UsageError(badInputWords(err));
    throw err;
  }
}

/** Where the report goes: stdout, or the --output file (opened before anything is read, with backpressure). */
async function openOutput(path: string | undefined, io: CommandIO): Promise<{ write: Write; file: WriteStream | null; close: () => Promise<void> }> {
  let file: WriteStream | null = null;
  if (path) {
    file = createWriteStream(path, { flags: 'w' });
    await new Promise<void>((resolve, reject) => {
      file?.once('open', () => resolve());
      file?.once('error', (err) => reject(new UsageError(said(msg('cli.err.flag-file', { flag: '--output', file: path, problem: verbatim((err as NodeJS.ErrnoException).code ?? err.message) })))));
    });
  }
  const write = (text: string): void | Promise<void> => {
    if (!file) return io.stdout(text);
    if (!file.write(text)) return new Promise<void>((resolve) => file?.once('drain', () => resolve()));
  };
  const close = (): Promise<void> => (file ? new Promise<void>((resolve) => file?.end(() => resolve())) : Promise.resolve());
  return { write, file, close };
}

/** What a result line carries about OONI: its own verdict, and how tekser's compares. */
type OoniLine = { ooni?: { blocking?: string | false | null; accessible?: boolean | null; keys?: Record<string, unknown> }; agreement?: { ooni: string; agree: string; line: string } };

/** The line under the table that says what the `[OONI: …]` marks mean. */
export const OONI_LEGEND = t('en', 'cli.analyze.legend');

/** OONI's verdict in its own keys: `blocking dns, accessible false`, or a messenger test's keys. */
function ooniWords(o: NonNullable<OoniLine['ooni']>): string {
  if (o.keys) return Object.entries(o.keys).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ');
  return `blocking ${o.blocking === false ? 'false' : (o.blocking ?? 'null')}, accessible ${o.accessible ?? 'null'}`;
}

/** Which targets OONI measured, and whether the table showed any OONI verdict (then it gets the legend). */
class OoniSeen {
  readonly labels = new Set<string>();
  shown = false;
  add(line: Parameters<ResultRenderer['result']>[0]): void {
    if ((line as { source?: { format?: string } }).source?.format !== 'ooni') return;
    this.labels.add(resultLabel(line));
    this.labels.add(line.target.url);
  }
  /** The findings with the advice that fits who made the measurements: OONI's helper is not this machine's to fix. */
  advised(findings: readonly Finding[]): Finding[] {
    const byOoni = (f: Finding): boolean => f.targets.length > 0 && f.targets.every((t) => this.labels.has(t.replace(/^\[[^\]]*\] /, '')));
    return findings.map((f) => (byOoni(f) ? withOoniAdvice(f) : f));
  }
}

/**
 * The table shows OONI's verdict in the reason column, so both sit on one row; -v adds OONI's own
 * keys and, where the verdicts differ, why (what JSON carries as agreement.line).
 */
function withOoniInReason(output: ResultRenderer, seen: OoniSeen): ResultRenderer {
  return {
    result: (line, row) => {
      const { ooni, agreement } = line as OoniLine;
      if (!agreement) return output.result(line, row);
      seen.shown = true;
      const prefix = `[OONI: ${agreement.ooni}${agreement.agree === 'differs' ? ' ≠' : ''}] `;
      const said = [...(ooni ? [`OONI's verdict: ${ooniWords(ooni)}`] : []), ...(agreement.agree === 'same' ? [] : [agreement.line])];
      return output.result(line, { ...row, verdict: { ...row.verdict, ...withOoniMessages(row.verdict, agreement, ooni), reason: prefix + row.verdict.reason, evidence: [...said, ...row.verdict.evidence] } });
    },
    finish: (end) => output.finish(end),
  };
}

type RowVerdict = Parameters<ResultRenderer['result']>[1]['verdict'];

/** The OONI prefix and evidence lines as messages around tekser's own, so Russian and Kazakh keep them (English as `reason`/`evidence`). */
function withOoniMessages(v: RowVerdict, agreement: NonNullable<OoniLine['agreement']>, ooni: OoniLine['ooni']): Pick<RowVerdict, 'reasonMessage' | 'evidenceMessages'> {
  const differs = agreement.agree === 'differs';
  const reasonMessage = v.reasonMessage ? msg(differs ? 'cli.analyze.agreement.differs' : 'cli.analyze.agreement', { ooni: agreement.ooni, reason: v.reasonMessage }) : undefined;
  if (!v.evidenceMessages || v.evidenceMessages.length !== v.evidence.length) return { reasonMessage, evidenceMessages: v.evidenceMessages };
  const said: Message[] = [...(ooni ? [msg('cli.analyze.ooni-verdict', { keys: ooniWords(ooni) })] : []), ...(agreement.agree === 'same' ? [] : [agreementLine(v, agreement)])];
  return { reasonMessage, evidenceMessages: [...said, ...v.evidenceMessages] };
}

/** "OONI: dns, tekser: dns" as a message (src/ingest/agreement.ts words it in English): tekser's side in the reader's words. */
function agreementLine(v: RowVerdict, agreement: NonNullable<OoniLine['agreement']>): Message {
  const status = msg(`status.${v.status}`);
  const shown = v.status === 'partially blocked' ? msg('cli.analyze.partially', { status, method: v.method ?? 'mixed' }) : v.status === 'blocked' && v.method ? verbatim(v.method) : status;
  const reason = v.reasonMessage ?? verbatim(v.reason);
  return agreement.agree === 'differs' ? msg('cli.analyze.line.differs', { ooni: agreement.ooni, tekser: shown, reason }) : msg('cli.analyze.line.finer', { ooni: agreement.ooni, tekser: shown });
}

/** "tekser 0.1.0 analyze: 11 inputs (a.json, b.json, c.json and 8 more), with the current rules". */
export function analyzeHeader(inputs: readonly string[], lang: Lang = currentLang()): string {
  const names = inputs.map((i) => (i === '-' ? 'stdin' : basename(i)));
  const shown = names.length > 3 ? t(lang, 'cli.analyze.more', { names: names.slice(0, 3).join(', '), count: names.length - 3 }) : names.join(', ');
  return t(lang, 'cli.analyze.header', { version: TEKSER_VERSION, cmd: 'analyze', count: inputs.length, shown });
}

/** The renderer for --format; the table ends with the closing lines (agreement, skipped), known only at the end. */
function analyzeRenderer(inputs: readonly string[], opts: AnalyzeCommandOptions, io: CommandIO, out: { write: Write; file: WriteStream | null }, closing: () => string[], seen: OoniSeen): ResultRenderer {
  const { write, file } = out;
  const tekser = { version: TEKSER_VERSION, node: process.versions.node, openssl: process.versions.openssl };
  const settings = { localResolver: 'as recorded in each measurement', controlResolvers: [], controlHelper: null, trustStore: 'as recorded in each measurement', concurrency: 1, lists: [...inputs] };
  const startedAt = new Date().toISOString();
  const output = chooseRenderer({
    format: opts.format,
    write,
    startedAt,
    head: { schema: RUN_SCHEMA_ID, tekser, startedAt, settings, source: 'analyze' },
    verbose: Boolean(opts.verbose),
    table: (rows, findings) => {
      const chalk = makeChalk({ isTTY: !file && io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
      const header = analyzeHeader(inputs);
      const table = renderTable(rows, { chalk, header, findings, verbose: Boolean(opts.verbose), ...(!file && io.stdoutIsTTY ? { width: process.stdout.columns } : {}) });
      const extra = [...(seen.shown ? [t(currentLang(), 'cli.analyze.legend')] : []), ...closing()];
      return write(`${table}${extra.length ? `\n${extra.join('\n')}\n` : ''}`);
    },
  });
  const table = opts.format === 'table' ? withOoniInReason(output, seen) : output;
  return {
    result: (line, row) => {
      seen.add(line);
      return table.result(line, row);
    },
    finish: (end) => table.finish(end),
  };
}

/**
 * `tekser analyze [files...]`: re-analyses measurements with the current rules — OONI's (JSON, JSONL,
 * API answers) and tekser's own stored runs — and prints them as `tekser run` does, with OONI's
 * verdict and the agreement beside tekser's.
 */
export async function analyzeCommand(inputs: string[], opts: AnalyzeCommandOptions, io: CommandIO, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const files = inputFiles(inputs, opts.dataDir ?? defaultDataDir(io.env));
  const knowledge = { interceptionCas: [...BUILTIN_INTERCEPTION_CAS, ...loadInterceptionCas(opts.interceptionCas ?? [])] };
  const out = await openOutput(opts.output, io);
  const state = newSourceState();
  let outcome: AnalyzeOutcome | undefined;
  const closing = (): string[] => [...(outcome?.agreement.describe() ?? []), ...describeSkipped(state)];
  const seen = new OoniSeen();
  const output = analyzeRenderer(inputs, opts, io, out, closing, seen);
  preferFlatMemory();
  try {
    outcome = await analyzePipeline({
      items: ingestFiles(files, { services: serviceLookup(), stdin: stdin as never }, state),
      knowledge,
      serialize: { includeBodies: Boolean(opts.includeBodies) },
      output,
    });
  } catch (err) {
    out.file?.end();
    if (err instanceof BadInputError) throw new UsageError(err.why ? { text: err.message, why: err.why } : err.message);
    throw err;
  }
  const { summary, agreement } = outcome;
  const ways = await waysFindings(state);
  const findings = [...ways, ...outcome.findings];
  await output.finish({ finishedAt: new Date().toISOString(), summary, findings: seen.advised(findings), extra: { agreement: agreement.toJSON(), skipped: skippedJson(state) } });
  if (opts.format !== 'table') for (const l of closing()) io.stderr(`${l}\n`);
  await out.close();
  if (opts.failOn === 'blocked' && summary.blocked + summary.partiallyBlocked > 0) return EXIT.findings;
  return EXIT.ok;
}

/** A finding of one network among several: "[group] title", in every language. */
function withGroup(finding: Finding, group: string): Finding {
  const titleMessage = finding.titleMessage ? msg('cli.analyze.group', { group, title: finding.titleMessage }) : undefined;
  return { ...finding, title: `[${group}] ${finding.title}`, ...(titleMessage ? { titleMessage } : {}) };
}

/** What still worked in the OONI circumvention measurements read (tor, stunreachability, dnscheck): one finding per network. */
async function waysFindings(state: SourceState): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const [group, ways] of state.ways) {
    const { finding } = await judgeWays(ways);
    if (finding) out.push(state.ways.size > 1 && group ? withGroup(finding, group) : finding);
  }
  return out;
}
