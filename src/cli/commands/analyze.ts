import { createWriteStream, type WriteStream } from 'node:fs';
import { BUILTIN_INTERCEPTION_CAS } from '../../data/interception-cas.ts';
import { BadInputError } from '../../errors.ts';
import { describeSkipped, ingestFiles, newSourceState, resolveInput, serviceLookup, skippedJson } from '../../ingest/sources.ts';
import { analyzePipeline, type AnalyzeOutcome } from '../../pipeline.ts';
import { chooseRenderer, type ResultRenderer, type Write } from '../../report/render.ts';
import { preferFlatMemory } from '../v8-flags.ts';
import { makeChalk } from '../../report/color.ts';
import { RUN_SCHEMA_ID } from '../../model/run.ts';
import { renderTable } from '../../report/table.ts';
import { defaultDataDir } from '../../store/paths.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { EXIT, UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { loadInterceptionCas } from '../interception-cas.ts';

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

/** The inputs as files to read: "-", files, run directories, stored run ids. */
function inputFiles(inputs: readonly string[], dataDir: string): string[] {
  if (inputs.length === 0) throw new UsageError('analyze: give OONI measurement files (JSON or JSONL), "-" for stdin, a run directory or a stored run id');
  try {
    return inputs.map((a) => resolveInput(a, dataDir));
  } catch (err) {
    if (err instanceof BadInputError) throw new UsageError(err.line ? err.message : `${err.file}: ${err.problem}`);
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
      file?.once('error', (err) => reject(new UsageError(`--output ${path}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    });
  }
  const write = (text: string): void | Promise<void> => {
    if (!file) return io.stdout(text);
    if (!file.write(text)) return new Promise<void>((resolve) => file?.once('drain', () => resolve()));
  };
  const close = (): Promise<void> => (file ? new Promise<void>((resolve) => file?.end(() => resolve())) : Promise.resolve());
  return { write, file, close };
}

/** The table shows OONI's verdict in the reason column, so both sit on one row. */
function withOoniInReason(output: ResultRenderer): ResultRenderer {
  return {
    result: (line, row) => {
      const agreement = (line as { agreement?: { ooni: string; agree: string } }).agreement;
      const prefix = agreement ? `[OONI: ${agreement.ooni}${agreement.agree === 'differs' ? ' ≠' : ''}] ` : '';
      return output.result(line, { ...row, verdict: { ...row.verdict, reason: prefix + row.verdict.reason } });
    },
    finish: (end) => output.finish(end),
  };
}

/** The renderer for --format; the table ends with the closing lines (agreement, skipped), known only at the end. */
function analyzeRenderer(inputs: readonly string[], opts: AnalyzeCommandOptions, io: CommandIO, out: { write: Write; file: WriteStream | null }, closing: () => string[]): ResultRenderer {
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
      const header = `tekser ${TEKSER_VERSION} analyze — ${inputs.join(', ')} — current rules`;
      const table = renderTable(rows, { chalk, header, findings, verbose: Boolean(opts.verbose), ...(!file && io.stdoutIsTTY ? { width: process.stdout.columns } : {}) });
      const extra = closing();
      return write(`${table}${extra.length ? `\n${extra.join('\n')}\n` : ''}`);
    },
  });
  return opts.format === 'table' ? withOoniInReason(output) : output;
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
  const output = analyzeRenderer(inputs, opts, io, out, closing);
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
    if (err instanceof BadInputError) throw new UsageError(err.message);
    throw err;
  }
  const { summary, findings, agreement } = outcome;
  await output.finish({ finishedAt: new Date().toISOString(), summary, findings, extra: { agreement: agreement.toJSON(), skipped: skippedJson(state) } });
  if (opts.format !== 'table') for (const l of closing()) io.stderr(`${l}\n`);
  await out.close();
  if (opts.failOn === 'blocked' && summary.blocked + summary.partiallyBlocked > 0) return EXIT.findings;
  return EXIT.ok;
}
