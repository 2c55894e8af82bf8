import { readFileSync, statSync } from 'node:fs';
import { UnreadableListError, type ListProblem } from './problem.ts';

/** Lists are small (upstream global.csv is ~150 KB); anything this big is a mistake, not a list. */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

export interface ListText {
  file: string;
  /** Text with any BOM removed and CRLF turned into LF, so line numbers stay physical. */
  text: string;
  hadBom: boolean;
  crlfLines: number[];
  problems: ListProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readListFile(file: string): ListText {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UnreadableListError(file, 'is a directory, not a list file');
    // A FIFO or device would block the read or never end.
    if (!st.isFile()) throw new UnreadableListError(file, 'is not a regular file');
    size = st.size;
  } catch (err) {
    if (err instanceof UnreadableListError) throw err;
    throw new UnreadableListError(file, cannotRead(err));
  }
  if (size > MAX_LIST_BYTES) {
    throw new UnreadableListError(
      file,
      `file is ${(size / 1024 / 1024).toFixed(1)} MB; lists larger than ${MAX_LIST_BYTES / 1024 / 1024} MB are refused (is this really a test list?)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UnreadableListError(file, cannotRead(err));
  }
  return decodeListBytes(file, bytes);
}

/** The reason a file could not be opened, in words (a symlink loop and a dangling symlink named as such). */
export function cannotRead(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'cannot read: symlink loop (ELOOP)';
  if (code === 'ENOENT') return 'cannot read: no such file, or a dangling symlink (ENOENT)';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read: permission denied (${code})`;
  return `cannot read (${code ?? String(err)})`;
}

export function decodeListBytes(file: string, bytes: Buffer): ListText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UnreadableListError(file, `binary file (NUL byte at offset ${nul}, line ${lineAtOffset(bytes, nul)}); expected UTF-8 text`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    throw new UnreadableListError(file, `not valid UTF-8 (first bad byte at line ${lineAtOffset(bytes, bad)}); save the file as UTF-8`);
  }
  const problems: ListProblem[] = [];
  const hadBom = text.charCodeAt(0) === 0xfeff;
  if (hadBom) {
    text = text.slice(1);
    problems.push({ file, line: 1, column: 1, ruleId: 'file-bom', severity: 'error', message: 'File starts with a byte-order mark (BOM); save as UTF-8 without BOM' });
  }
  const crlfLines: number[] = [];
  if (text.includes('\r\n')) {
    let line = 1;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') {
        if (text[i - 1] === '\r') crlfLines.push(line);
        line++;
      }
    }
    text = text.replace(/\r\n/g, '\n');
    problems.push({
      file,
      line: crlfLines[0] ?? 1,
      ruleId: 'file-crlf',
      severity: 'error',
      message: `Windows line endings (CRLF) on ${crlfLines.length} line(s); use LF`,
    });
  }
  return { file, text, hadBom, crlfLines, problems };
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
