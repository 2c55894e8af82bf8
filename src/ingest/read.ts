import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BadInputError, cannotRead } from '../errors.ts';


/** One JSON value read from an input, with where it starts. */
export interface InputRecord {
  file: string;
  line: number;
  value: unknown;
  /** For an element of a document: the document's own fields beside its results (a tekser run's controlCheck). */
  document?: Record<string, unknown>;
}

/** A pretty-printed document is held whole; bigger than this it should have been JSONL. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

function openInput(file: string, stdin: Readable): Readable {
  return file === '-' ? stdin : createReadStream(file);
}

/** Opens an input as lines: a file (gunzipped when it ends in .gz) or stdin; a file that cannot be opened is an error in words. */
async function openLines(file: string, name: string, stdin: Readable): Promise<AsyncIterable<string>> {
  const input = openInput(file, stdin);
  await new Promise<void>((resolve, reject) => {
    if (file === '-') return resolve();
    input.once('open', () => resolve());
    input.once('error', (err: NodeJS.ErrnoException) => reject(new BadInputError(name, 0, cannotRead(err))));
  });
  // OONI's S3 archives are gzipped JSONL (*.jsonl.gz): read through gunzip, still a line at a time.
  const stream = file.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  if (stream !== input) input.once('error', (err) => stream.destroy(err));
  return createInterface({ input: stream, crlfDelay: Infinity });
}

/** A pretty-printed document, held line by line until the input ends, then parsed whole. */
class PendingDocument {
  /** The line it starts on; 0 while there is none. */
  start = 0;
  private lines: string[] = [];
  private bytes = 0;
  private readonly name: string;
  constructor(name: string) {
    this.name = name;
  }

  add(raw: string, lineNo: number): void {
    if (!this.start) this.start = lineNo;
    this.bytes += raw.length + 1;
    if (this.bytes > MAX_DOCUMENT_BYTES) throw new BadInputError(this.name, this.start, `a JSON document over ${MAX_DOCUMENT_BYTES >> 20} MiB: use JSONL (one measurement a line)`);
    this.lines.push(raw);
  }

  /** The document's value; a syntax error names the line it is on. */
  parse(): unknown {
    const text = this.lines.join('\n');
    try {
      return JSON.parse(text);
    } catch (err) {
      const full = (err as Error).message;
      throw new BadInputError(this.name, this.start + linesBefore(text, errorOffset(full, text)), `not JSON (${full.replace(/\s+/g, ' ')})`);
    } finally {
      this.lines.length = 0;
    }
  }
}

/**
 * Reads JSON values from a file (or stdin for "-"), streaming: JSONL (one value a line) is read a
 * line at a time, so a 10,000-measurement export never sits in memory whole. A file whose first
 * line is not a whole JSON value is read as one JSON document (pretty-printed); an array, or an
 * API answer with `results`, yields its elements.
 */
export async function* readJsonValues(file: string, stdin: Readable = process.stdin): AsyncGenerator<InputRecord> {
  const name = file === '-' ? '<stdin>' : file;
  const lines = await openLines(file, name, stdin);
  const doc = new PendingDocument(name);
  let lineNo = 0;
  let seenValue = false;
  try {
    for await (const raw of lines) {
      lineNo++;
      if (doc.start) {
        doc.add(raw, lineNo);
        continue;
      }
      const text = raw.trim();
      if (!text) continue;
      const value = parseLine(name, lineNo, text, !seenValue);
      if (value === DOCUMENT) {
        // Not one value a line: a pretty-printed document, parsed whole at the end.
        doc.add(raw, lineNo);
        continue;
      }
      seenValue = true;
      yield* elements(name, lineNo, value);
    }
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    throw new BadInputError(name, lineNo, cannotRead(err));
  }
  if (doc.start) yield* elements(name, doc.start, doc.parse());
  else if (!seenValue) throw new BadInputError(name, lineNo || 1, 'empty: no measurement in it');
}

/** Says that a first line that does not parse starts a pretty-printed document. */
const DOCUMENT = Symbol('document');

/** One line's JSON value; a first line that opens an object or array but does not parse is the start of a document. */
function parseLine(name: string, lineNo: number, text: string, first: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (first && (text.startsWith('{') || text.startsWith('['))) return DOCUMENT;
    throw new BadInputError(name, lineNo, `not JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

function* elements(file: string, line: number, value: unknown): Generator<InputRecord> {
  if (Array.isArray(value)) {
    for (const v of value) yield { file, line, value: v };
    return;
  }
  const o = value as Record<string, unknown> | null;
  if (o && typeof o === 'object' && Array.isArray(o.results) && !('test_keys' in o)) {
    const { results, ...document } = o;
    for (const v of results as unknown[]) yield { file, line, value: v, document };
    return;
  }
  yield { file, line, value };
}

/**
 * Where JSON.parse stopped: V8 gives "position N" for some errors, and for others only the text
 * around the bad token ('..."input": \n}" is not valid JSON'), which is found in the document.
 */
function errorOffset(message: string, text: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const around = /"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  const at = around ? text.indexOf(around) : -1;
  if (at < 0 || !around) return 0;
  // The snippet is centred on the error where the text allows: look for the token from the middle on.
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  const mid = Math.max(0, Math.floor(around.length / 2) - 1);
  const t = token ? around.indexOf(token, mid) : -1;
  return at + (t >= 0 ? t : mid);
}

function linesBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
