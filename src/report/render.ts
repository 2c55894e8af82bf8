import type { Finding } from '../model/finding.ts';
import type { RunDocument, RunSummary, TargetResultJson } from '../model/run.ts';
import { RUN_SCHEMA_ID } from '../model/values.ts';
import type { TableRow } from './table.ts';

/**
 * The three renderers a run or an analysis writes its results through (JSONL, the JSON document,
 * the table), and the one choice between them. Each gets every result the moment it exists and
 * decides what, if anything, to keep: memory stays flat whatever the number of targets. Loads no
 * zod and no table code (the run path imports this before its first queries; the table loads late).
 */

/** Where each full result goes the moment it exists; the renderer decides what, if anything, to keep. */
export interface ResultRenderer {
  /** One analysed target, fully serialised (plus `extra` fields, e.g. OONI's verdict), and its table row. */
  result(line: TargetResultJson & Record<string, unknown>, row: TableRow): void | Promise<void>;
  /** After the last target: the run's summary and findings. */
  finish(end: RenderEnd): void | Promise<void>;
}

/** What a renderer gets after the last target. */
export interface RenderEnd {
  finishedAt: string;
  summary: RunSummary;
  findings: Finding[];
  extra?: Record<string, unknown>;
}

/** Text out, with backpressure when the writer has it (a file stream); stdout on Linux is synchronous. */
export type Write = (text: string) => void | Promise<void>;

/** The head of a JSON document: everything before the results. */
export type DocumentHead = Omit<RunDocument, 'summary' | 'findings' | 'results' | 'finishedAt'> & Record<string, unknown>;

/** Draws the table from every row, once the findings are known. */
export type DrawTable = (rows: TableRow[], findings: Finding[], summary: RunSummary) => void | Promise<void>;

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
export function jsonDocumentRenderer(write: Write, head: DocumentHead): ResultRenderer {
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
export function tableRenderer(draw: DrawTable, verbose: boolean): ResultRenderer {
  const rows: TableRow[] = [];
  return {
    result(_line, row) {
      const v = row.verdict;
      rows.push(verbose ? row : { label: row.label, verdict: { status: v.status, method: v.method, reason: v.reason, reasonMessage: v.reasonMessage, evidence: [] } });
    },
    finish: ({ findings, summary }) => draw(rows, findings, summary),
  };
}

export const OUTPUT_FORMATS = ['table', 'json', 'jsonl'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RendererChoice {
  format: OutputFormat;
  write: Write;
  startedAt: string;
  /** The JSON document's head (used by `json` only). */
  head: DocumentHead;
  /** Draws the table (used by `table` only). */
  table: DrawTable;
  verbose: boolean;
}

/** The renderer for an output format: the one choice `run` and `analyze` both make. */
export function chooseRenderer(c: RendererChoice): ResultRenderer {
  if (c.format === 'jsonl') return jsonlRenderer(c.write, c.startedAt);
  if (c.format === 'json') return jsonDocumentRenderer(c.write, c.head);
  return tableRenderer(c.table, c.verbose);
}
