import { parse, type Options } from 'csv-parse/sync';
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

/**
 * Parses Citizen Lab CSV text (already BOM/CRLF-normalised) into records with their line numbers.
 * Quotes inside unquoted fields are literal, as in Python's csv module that upstream's linter uses.
 */
export function parseCsv(text: string, file: string): CsvParse {
  const problems: ListProblem[] = [];
  let lastEnd = 0;
  let rows: CsvInfoRecord[] = [];
  try {
    rows = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      raw: true,
      skip_records_with_error: true,
      on_skip: (err: (Error & { code?: string }) | undefined) => {
        if (err) problems.push(syntaxProblem(file, err, lastEnd + 1));
        return undefined;
      },
      on_record: (rec: string[], ctx: { lines: number }) => {
        lastEnd = ctx.lines;
        return rec;
      },
    } as Options) as unknown as CsvInfoRecord[];
  } catch (err) {
    problems.push(syntaxProblem(file, err as Error & { code?: string }, lastEnd + 1));
  }
  const records = rows.map((r) => {
    const body = r.raw.endsWith('\n') ? r.raw.slice(0, -1) : r.raw;
    const spanned = body.split('\n').length - 1;
    const blank = r.record.length === 1 && r.record[0] === '' && body === '';
    return { line: r.info.lines - spanned, endLine: r.info.lines, fields: blank ? [] : r.record, raw: body };
  });
  return { records, problems };
}

function syntaxProblem(file: string, err: Error & { code?: string }, line: number): ListProblem {
  const what =
    err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'Unterminated quote: a field opened with " is never closed'
      : `CSV syntax error: ${err.message.replace(/^[^:]*: /, '')}`;
  return { file, line, ruleId: 'csv-syntax', severity: 'error', message: what };
}
