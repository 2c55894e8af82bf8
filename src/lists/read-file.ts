import { createReadStream, readFileSync, statSync } from 'node:fs';
import { cannotRead, UnreadableListError } from '../errors.ts';
import { cannotReadMessage, said } from '../i18n/said.ts';
import { msg } from '../i18n/index.ts';
import { listProblem, type ListProblem } from './problem.ts';

/** Lists are small (upstream global.csv is ~150 KB); anything this big is a mistake, not a list. */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

export interface ListText {
  file: string;
  /** Text with any BOM removed and CRLF (and a lone CR) turned into LF, so line numbers stay physical. */
  text: string;
  hadBom: boolean;
  /** Lines ended by CRLF. */
  crlfLines: number;
  /** Lines ended by a lone CR (classic Mac), read as line ends the way Python's csv reader reads them. */
  crLines: number;
  problems: ListProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A regular file under the size cap, or an UnreadableListError in words (a FIFO or device would block or never end). */
function checkListFile(file: string): void {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UnreadableListError(file, said(msg('err.list.directory')));
    // A FIFO or device would block the read or never end.
    if (!st.isFile()) throw new UnreadableListError(file, said(msg('err.list.not-regular')));
    size = st.size;
  } catch (err) {
    if (err instanceof UnreadableListError) throw err;
    throw new UnreadableListError(file, said(cannotReadMessage(err)));
  }
  if (size > MAX_LIST_BYTES) {
    throw new UnreadableListError(file, said(msg('err.list.too-large', { mb: (size / 1024 / 1024).toFixed(1), max: MAX_LIST_BYTES / 1024 / 1024 })));
  }
}

export function readListFile(file: string): ListText {
  checkListFile(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UnreadableListError(file, said(cannotReadMessage(err)));
  }
  return decodeListBytes(file, bytes);
}

/** The reason a file could not be opened: the one sentence of src/errors.ts. */
export { cannotRead };

export function decodeListBytes(file: string, input: Buffer): ListText {
  const nul = input.indexOf(0);
  if (nul !== -1) {
    throw new UnreadableListError(file, said(msg('err.list.binary', { offset: nul, line: lineAtOffset(input, nul) })));
  }
  const ends = lineEndsToLf(input);
  const bytes = ends.bytes;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    throw new UnreadableListError(file, said(msg('err.list.not-utf8', { line: lineAtOffset(bytes, bad) })));
  }
  const problems: ListProblem[] = [];
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) {
    text = text.slice(1);
    problems.push(listProblem({ file, line: 1, column: 1, ruleId: 'file-bom', severity: 'error' }, msg('lint.bom')));
  }
  if (ends.crlfLines > 0) problems.push(listProblem({ file, line: ends.firstCrlfLine, ruleId: 'file-crlf', severity: 'error' }, msg('lint.crlf', { count: ends.crlfLines })));
  if (ends.crLines > 0) problems.push(listProblem({ file, line: ends.firstCrLine, ruleId: 'file-cr', severity: 'error' }, msg('lint.cr', { count: ends.crLines })));
  return { file, text, hadBom, crlfLines: ends.crlfLines, crLines: ends.crLines, problems };
}

/** The line (1-based) of offset `at` in `text`: the LFs before it, plus one. */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * CRLF and a lone CR turned into LF in the file's own bytes (in place: CR and LF are never inside a
 * UTF-8 character), before the text is decoded: a string replace over 8 million line ends (16 MB of
 * empty CRLF rows) costs ~150 MB of parts; this costs nothing but the pass. Counts only, so flat.
 */
export function lineEndsToLf(bytes: Buffer): { bytes: Buffer; crlfLines: number; crLines: number; firstCrlfLine: number; firstCrLine: number } {
  const firstCr = bytes.indexOf(13);
  const ends = { bytes, crlfLines: 0, crLines: 0, firstCrlfLine: 0, firstCrLine: 0 };
  if (firstCr === -1) return ends;
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < firstCr; i = bytes.indexOf(10, i + 1)) line++;
  let w = firstCr;
  for (let r = firstCr; r < bytes.length; r++) {
    const b = bytes[r] as number;
    if (b === 13) {
      if (bytes[r + 1] === 10) {
        if (ends.crlfLines++ === 0) ends.firstCrlfLine = line;
        r++;
      } else if (ends.crLines++ === 0) ends.firstCrLine = line;
      bytes[w++] = 10;
      line++;
      continue;
    }
    if (b === 10) line++;
    bytes[w++] = b;
  }
  ends.bytes = bytes.subarray(0, w);
  return ends;
}

/**
 * A CR that is not part of CRLF ends a line, as it does for Python's csv reader and universal
 * newlines (upstream's linter finds its rows that way); turned into LF, so rows and line numbers
 * come out as upstream's. Call after CRLF is turned into LF.
 */
export function lonelyCrToLf(text: string): { text: string; lines: number; firstLine: number } {
  const first = text.indexOf('\r');
  if (first === -1) return { text, lines: 0, firstLine: 0 };
  return { text: inSlices(text, (t) => t.replace(/\r/g, '\n')), lines: countOf(text, '\r'), firstLine: lineOf(text, first) };
}

/** Characters per slice of `inSlices`. */
const SLICE = 64 * 1024;

/**
 * `map` applied to a long text slice by slice (a CR never parted from the LF after it): one global
 * replace over 8 million line ends builds a list of 8 million parts (~150 MB for a 16 MB list of
 * empty CRLF rows); a slice's parts are few and die young.
 */
function inSlices(text: string, map: (slice: string) => string): string {
  if (text.length <= SLICE) return map(text);
  const parts: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + SLICE, text.length);
    if (end < text.length && text.charCodeAt(end - 1) === 13) end++;
    parts.push(map(text.slice(i, end)));
    i = end;
  }
  return parts.join('');
}

function lineAtOffset(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
  // Binary search on the longest valid prefix; decoding is strict so a prefix either decodes or not.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/**
 * Reads a list file as a stream of text chunks, with the same checks as readListFile (size cap,
 * NUL bytes, strict UTF-8, BOM removed, CRLF and a lone CR turned into LF) but without holding the file: each
 * chunk goes to `onText` and is dropped.
 */
export async function streamListText(file: string, onText: (text: string) => void): Promise<{ hadBom: boolean; crlfLines: number; crLines: number }> {
  checkListFile(file);
  const decoder = new ListTextDecoder(file, onText);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) decoder.write(chunk);
    decoder.end();
  } catch (err) {
    if (err instanceof UnreadableListError) throw err;
    throw new UnreadableListError(file, said(cannotReadMessage(err)));
  }
  return { hadBom: decoder.hadBom, crlfLines: decoder.crlfLines, crLines: decoder.crLines };
}

/**
 * A list's bytes, chunk by chunk, turned into text with readListFile's checks: the size cap, NUL
 * bytes and strict UTF-8 (each named by line), the BOM dropped and CRLF (and a lone CR) turned into LF, even when a
 * chunk ends between the CR and the LF.
 */
class ListTextDecoder {
  hadBom = false;
  crlfLines = 0;
  crLines = 0;
  private readonly file: string;
  private readonly onText: (text: string) => void;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Bytes read so far, and bytes decoded before the current chunk. */
  private total = 0;
  private offset = 0;
  /** The line the next text starts on. */
  private lines = 1;
  private first = true;
  /** The last chunk ended in a CR, held back until the next one says whether an LF follows. */
  private carryCr = false;

  constructor(file: string, onText: (text: string) => void) {
    this.file = file;
    this.onText = onText;
  }

  write(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.total > MAX_LIST_BYTES) throw new UnreadableListError(this.file, said(msg('err.list.grew', { max: MAX_LIST_BYTES / 1024 / 1024 })));
    const text = this.decode(chunk);
    this.offset += chunk.length;
    this.emit(this.dropBom(text), false);
  }

  end(): void {
    let tail: string;
    try {
      tail = this.utf8.decode();
    } catch {
      throw new UnreadableListError(this.file, said(msg('err.list.not-utf8-end', { line: this.lines })));
    }
    this.emit(tail, true);
  }

  /** One chunk as text, or an UnreadableListError naming the line of a NUL byte or a bad UTF-8 sequence. */
  private decode(chunk: Buffer): string {
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      this.countLines(this.utf8.decode(chunk.subarray(0, nul), { stream: true }));
      throw new UnreadableListError(this.file, said(msg('err.list.binary', { offset: this.offset + nul, line: this.lines })));
    }
    try {
      return this.utf8.decode(chunk, { stream: true });
    } catch {
      // Line breaks are never inside a multi-byte character, so counting 0x0a bytes up to the bad byte is exact.
      const bad = firstInvalidUtf8Offset(chunk);
      let line = this.lines;
      for (let i = 0; i < bad; i++) if (chunk[i] === 0x0a) line++;
      throw new UnreadableListError(this.file, said(msg('err.list.not-utf8-near', { line })));
    }
  }

  /** The first text without its byte-order mark, if it has one. */
  private dropBom(text: string): string {
    if (!this.first || !text) return text;
    this.first = false;
    if (text.charCodeAt(0) !== 0xfeff) return text;
    this.hadBom = true;
    return text.slice(1);
  }

  private emit(raw: string, last: boolean): void {
    let text = raw;
    if (this.carryCr) text = `\r${text}`;
    this.carryCr = !last && text.endsWith('\r');
    if (this.carryCr) text = text.slice(0, -1);
    if (text.includes('\r\n')) {
      const before = text.length;
      text = text.replace(/\r\n/g, '\n');
      this.crlfLines += before - text.length;
    }
    const cr = lonelyCrToLf(text);
    text = cr.text;
    this.crLines += cr.lines;
    this.countLines(text);
    if (text) this.onText(text);
  }

  private countLines(s: string): void {
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) this.lines++;
  }
}
