import { createWriteStream, type WriteStream } from 'node:fs';
import { BUILTIN_INTERCEPTION_CAS } from '../../data/interception-cas.ts';
import { BadInputError } from '../../ingest/read.ts';
import { describeSkipped, ingestFiles, newSourceState, resolveInput, serviceLookup, skippedJson } from '../../ingest/sources.ts';
import { analyzePipeline, jsonDocumentRenderer, jsonlRenderer, preferFlatMemory, tableRenderer, type ResultRenderer } from '../../pipeline.ts';
import { makeChalk } from '../../report/color.ts';
import { RUN_SCHEMA_ID } from '../../model/run.ts';
import { renderTable } from '../../report/table.ts';
import { defaultDataDir } from '../../store/paths.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { EXIT, UsageError } from '../errors.ts';
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

/**
 * `tekser analyze [files...]`: re-analyses measurements with the current rules — OONI's (JSON, JSONL,
 * API answers) and tekser's own stored runs — and prints them as `tekser run` does, with OONI's
 * verdict and the agreement beside tekser's.
 */
export async function analyzeCommand(inputs: string[], opts: AnalyzeCommandOptions, io: CommandIO, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  if (inputs.length === 0) throw new UsageError('analyze: give OONI measurement files (JSON or JSONL), "-" for stdin, a run directory or a stored run id');
  const dataDir = opts.dataDir ?? defaultDataDir(io.env);
  let files: string[];
  try {
    files = inputs.map((a) => resolveInput(a, dataDir));
  } catch (err) {
    if (err instanceof BadInputError) throw new UsageError(err.line ? err.message : `${err.file}: ${err.problem}`);
    throw err;
  }
  const knowledge = { interceptionCas: [...BUILTIN_INTERCEPTION_CAS, ...loadInterceptionCas(opts.interceptionCas ?? [])] };
  const startedAt = new Date().toISOString();

  let file: WriteStream | null = null;
  if (opts.output) {
    file = createWriteStream(opts.output, { flags: 'w' });
    await new Promise<void>((resolve, reject) => {
      file?.once('open', () => resolve());
      file?.once('error', (err) => reject(new UsageError(`--output ${opts.output}: ${(err as NodeJS.ErrnoException).code ?? err.message}`)));
    });
  }
  const write = (text: string): void | Promise<void> => {
    if (!file) return io.stdout(text);
    if (!file.write(text)) return new Promise<void>((resolve) => file?.once('drain', () => resolve()));
  };

  const state = newSourceState();
  const tekser = { version: TEKSER_VERSION, node: process.versions.node, openssl: process.versions.openssl };
  const settings = { localResolver: 'as recorded in each measurement', controlResolvers: [], controlHelper: null, trustStore: 'as recorded in each measurement', concurrency: 1, lists: inputs };
  const output: ResultRenderer =
    opts.format === 'jsonl'
      ? jsonlRenderer(write, startedAt)
      : opts.format === 'json'
        ? jsonDocumentRenderer(write, { schema: RUN_SCHEMA_ID, tekser, startedAt, settings, source: 'analyze' })
        : tableRenderer((rows, findings) => {
            const chalk = makeChalk({ isTTY: !file && io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
            const header = `tekser ${TEKSER_VERSION} analyze — ${inputs.join(', ')} — current rules`;
            const table = renderTable(rows, { chalk, header, findings, verbose: Boolean(opts.verbose), ...(!file && io.stdoutIsTTY ? { width: process.stdout.columns } : {}) });
            const extra = [...state.agreement.describe(), ...describeSkipped(state)];
            return write(`${table}${extra.length ? `\n${extra.join('\n')}\n` : ''}`);
          }, Boolean(opts.verbose));
  // The table shows OONI's verdict in the reason column, so both sit on one row.
  const shown: ResultRenderer =
    opts.format === 'table'
      ? {
          result: (line, row) => {
            const agreement = (line as { agreement?: { ooni: string; agree: string } }).agreement;
            const prefix = agreement ? `[OONI: ${agreement.ooni}${agreement.agree === 'differs' ? ' ≠' : ''}] ` : '';
            return output.result(line, { ...row, verdict: { ...row.verdict, reason: prefix + row.verdict.reason } });
          },
          finish: (end) => output.finish(end),
        }
      : output;

  let outcome;
  preferFlatMemory();
  try {
    outcome = await analyzePipeline({
      items: ingestFiles(files, { services: serviceLookup(), stdin: stdin as never }, state),
      knowledge,
      serialize: { includeBodies: Boolean(opts.includeBodies) },
      output: shown,
    });
  } catch (err) {
    file?.end();
    if (err instanceof BadInputError) throw new UsageError(err.message);
    throw err;
  }
  const end = { finishedAt: new Date().toISOString(), summary: outcome.summary, findings: outcome.findings, extra: { agreement: state.agreement.toJSON(), skipped: skippedJson(state) } };
  await shown.finish(end);
  if (opts.format !== 'table') for (const l of [...state.agreement.describe(), ...describeSkipped(state)]) io.stderr(`${l}\n`);
  if (file) await new Promise<void>((resolve) => file?.end(() => resolve()));
  if (opts.failOn === 'blocked' && outcome.summary.blocked + outcome.summary.partiallyBlocked > 0) return EXIT.findings;
  return EXIT.ok;
}
