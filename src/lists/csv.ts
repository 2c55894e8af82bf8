import { msg } from '../i18n/index.ts';
import { listProblem, type ListProblem } from './problem.ts';

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

export type CsvRecordHandler = (record: CsvRecord) => void;
export type CsvProblemHandler = (problem: ListProblem) => void;

/**
 * Reads Citizen Lab CSV text (already BOM/CRLF-normalised) the way upstream's linter reads it, with
 * Python's csv.reader (excel dialect, strict=False; CPython Modules/_csv.c), handing each record with
 * its physical line numbers to `onRecord` as it is read; nothing is kept.
 *
 * Why not csv-parse here: lint must agree with upstream's Python reader quote for quote (a quote
 * inside an unquoted field is literal; text after a closing quote joins the field), and csv-parse's
 * per-record bookkeeping (info objects, raw buffers) was half of lint's CPU: 0.34-0.63 s of csv-parse
 * against ~0.03 s for this reader on the 39,206 upstream rows. Run lists, which only need URLs, are
 * still read with csv-parse's streaming parser (see targets.ts).
 */
export function forEachCsvRecord(text: string, file: string, onRecord: CsvRecordHandler, onProblem: CsvProblemHandler): void {
  for (const rec of csvRecords(text, file, onProblem)) onRecord(rec);
}

/** The same reader as a generator, so a caller can pause between records (to let its output drain). */
export function* csvRecords(text: string, file: string, onProblem: CsvProblemHandler): Generator<CsvRecord, void, undefined> {
  const n = text.length;
  let pos = 0;
  let line = 1;
  // The next quote at or after pos, found once and reused: a per-line search would scan to the end of a quote-free file each time.
  let quote = text.indexOf('"');
  while (pos < n) {
    const nl = text.indexOf('\n', pos);
    const eol = nl === -1 ? n : nl;
    if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
    if (quote === -1 || quote >= eol) {
      // The common case: no quote on the line, so the record is the line and the fields are its commas.
      const raw = text.slice(pos, eol);
      yield { line, endLine: line, fields: raw === '' ? [] : raw.split(','), raw };
      pos = eol + 1;
      line++;
      continue;
    }
    const start = pos;
    const startLine = line;
    const r = readQuotedRecord(text, pos);
    if (r === null) {
      onProblem(listProblem({ file, line: startLine, ruleId: 'csv-syntax', severity: 'error' }, msg('lint.csv-unterminated')));
      return;
    }
    for (let i = text.indexOf('\n', start); i !== -1 && i < r.end; i = text.indexOf('\n', i + 1)) line++;
    yield { line: startLine, endLine: line, fields: r.fields, raw: text.slice(start, r.end) };
    pos = r.end + 1;
    line++;
  }
}

/**
 * One record from `pos` with CPython's csv state machine; returns the fields and the offset of the
 * record's terminating newline (or the text's end), or null when a quoted field never closes.
 */
function readQuotedRecord(text: string, pos: number): { fields: string[]; end: number } | null {
  const START_FIELD = 0;
  const IN_FIELD = 1;
  const IN_QUOTED = 2;
  const QUOTE_IN_QUOTED = 3;
  const fields: string[] = [];
  let field = '';
  let state = START_FIELD;
  let i = pos;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state === IN_QUOTED) {
      // Copy the run up to the next quote at once.
      const q = text.indexOf('"', i);
      if (q === -1) return null;
      field += text.slice(i, q);
      i = q;
      state = QUOTE_IN_QUOTED;
      continue;
    }
    if (c === 10 /* \n */) break;
    if (c === 44 /* , */) {
      fields.push(field);
      field = '';
      state = START_FIELD;
      continue;
    }
    if (c === 34 /* " */) {
      if (state === START_FIELD) state = IN_QUOTED;
      else if (state === QUOTE_IN_QUOTED) {
        field += '"';
        state = IN_QUOTED;
      } else field += '"';
      continue;
    }
    // Any other character: after a closing quote Python (strict=False) keeps it and the field goes on unquoted.
    field += text[i];
    state = IN_FIELD;
  }
  if (state === IN_QUOTED) return null;
  fields.push(field);
  return { fields, end: i };
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
  const what = err.code === 'CSV_QUOTE_NOT_CLOSED' ? msg('lint.csv-unterminated') : msg('lint.csv-syntax', { detail: err.message.replace(/^[^:]*: /, '') });
  return listProblem({ file, line, ruleId: 'csv-syntax', severity: 'error' }, what);
}
