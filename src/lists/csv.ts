import { parse as parseAll, type Options } from 'csv-parse/sync';
import type { ListProblem } from './problem.ts';

export const CSV_HEADER = ['url', 'category_code', 'category_description', 'date_added', 'source', 'notes'] as const;

export interface CsvRecord {
  /** Physical line where the record starts (a quoted field may span lines). */
  line: number;
  endLine: number;
  fields: string[];
  /** The record's source text without its line terminator, so a fixer can keep untouched rows byte-for-byte. */
  raw: string;
}

export interface CsvParse {
  records: CsvRecord[];
  problems: ListProblem[];
}

interface CsvInfoRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

export type CsvRecordHandler = (record: CsvRecord) => void;
export type CsvProblemHandler = (problem: ListProblem) => void;

/**
 * csv-parse options that hand every record to `onRecord` and keep none (on_record returns null, so
 * csv-parse accumulates nothing): the same options serve the whole-text and the streaming parser.
 * Quotes inside unquoted fields are literal, as in Python's csv module that upstream's linter uses.
 */
export function csvRecordOptions(file: string, onRecord: CsvRecordHandler, onProblem: CsvProblemHandler): Options {
  let lastEnd = 0;
  return {
    relax_column_count: true,
    relax_quotes: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (err: (Error & { code?: string }) | undefined) => {
      if (err) onProblem(syntaxProblem(file, err, lastEnd + 1));
      return undefined;
    },
    on_record: (r: CsvInfoRecord, ctx: { lines: number }) => {
      lastEnd = ctx.lines;
      onRecord(toCsvRecord(r));
      return null;
    },
  } as unknown as Options;
}

function toCsvRecord(r: CsvInfoRecord): CsvRecord {
  const raw = r.raw;
  const body = raw.charCodeAt(raw.length - 1) === 10 ? raw.slice(0, -1) : raw;
  let spanned = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) spanned++;
  const blank = body === '' && r.record.length === 1 && r.record[0] === '';
  return { line: r.info.lines - spanned, endLine: r.info.lines, fields: blank ? [] : r.record, raw: body };
}

/**
 * Parses Citizen Lab CSV text (already BOM/CRLF-normalised), handing each record with its line numbers
 * to `onRecord` as it is parsed; nothing is kept, so a caller that keeps nothing runs in flat memory.
 */
export function forEachCsvRecord(text: string, file: string, onRecord: CsvRecordHandler, onProblem: CsvProblemHandler): void {
  let lastLine = 0;
  try {
    parseAll(
      text,
      csvRecordOptions(
        file,
        (rec) => {
          lastLine = rec.endLine;
          onRecord(rec);
        },
        onProblem,
      ),
    );
  } catch (err) {
    onProblem(syntaxProblem(file, err as Error & { code?: string }, lastLine + 1));
  }
}

/** Parses Citizen Lab CSV text into records (all kept: for --fix and small lists). */
export function parseCsv(text: string, file: string): CsvParse {
  const records: CsvRecord[] = [];
  const problems: ListProblem[] = [];
  forEachCsvRecord(
    text,
    file,
    (r) => records.push(r),
    (p) => problems.push(p),
  );
  return { records, problems };
}

export function syntaxProblem(file: string, err: Error & { code?: string }, line: number): ListProblem {
  const what =
    err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'Unterminated quote: a field opened with " is never closed'
      : `CSV syntax error: ${err.message.replace(/^[^:]*: /, '')}`;
  return { file, line, ruleId: 'csv-syntax', severity: 'error', message: what };
}
