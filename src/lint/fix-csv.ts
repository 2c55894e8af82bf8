import type { CsvRecord } from '../lists/csv.ts';
import { pyStrip, urlPath } from './lint-csv.ts';
import type { Message } from '../model/message.ts';
import { msg, render } from '../i18n/index.ts';

export interface CsvFix {
  line: number;
  ruleId: 'url-spaces' | 'url-no-trailing-slash' | 'duplicate-url' | 'file-bom' | 'file-crlf' | 'file-cr';
  /** In English (JSON output). */
  description: string;
  /** The same as a catalogue message: the text and GitHub formats show it in the reader's language. */
  why: Message;
}

function fix(line: number, ruleId: CsvFix['ruleId'], why: Message): CsvFix {
  return { line, ruleId, description: render('en', why), why };
}

export interface CsvFixResult {
  text: string;
  fixes: CsvFix[];
}

/** QUOTE_MINIMAL, as upstream's csv.writer writes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Applies the mechanical fixes (spaces around URLs, missing trailing slash, exact duplicate rows)
 * and keeps every untouched record byte-for-byte. Pure: the caller writes the result.
 */
export function fixCsv(records: readonly CsvRecord[], opts: { endsWithNewline: boolean; hadBom: boolean; crlfLines: number; crLines?: number }): CsvFixResult {
  const fixes: CsvFix[] = [];
  if (opts.hadBom) fixes.push(fix(1, 'file-bom', msg('lint.fix.bom')));
  if (opts.crlfLines > 0) fixes.push(fix(1, 'file-crlf', msg('lint.fix.crlf', { count: opts.crlfLines })));
  if (opts.crLines) fixes.push(fix(1, 'file-cr', msg('lint.fix.cr', { count: opts.crLines })));
  const out: string[] = [];
  const seen = new Set<string>();
  records.forEach((rec, i) => {
    if (i === 0 || rec.fields.length !== 6) {
      out.push(rec.raw);
      return;
    }
    const fields = [...rec.fields];
    let url = fields[0] ?? '';
    if (url !== pyStrip(url)) {
      url = pyStrip(url);
      fixes.push(fix(rec.line, 'url-spaces', msg('lint.fix.spaces', { url })));
    }
    if (url && urlPath(url) === '' && /^https?:\/\/[^/?#\s]+$/i.test(url)) {
      url = `${url}/`;
      fixes.push(fix(rec.line, 'url-no-trailing-slash', msg('lint.fix.slash', { url })));
    }
    if (seen.has(url)) {
      fixes.push(fix(rec.line, 'duplicate-url', msg('lint.fix.duplicate', { url })));
      return;
    }
    seen.add(url);
    fields[0] = url;
    out.push(url === rec.fields[0] ? rec.raw : fields.map(csvField).join(','));
  });
  const text = out.join('\n') + (opts.endsWithNewline ? '\n' : '');
  return { text, fixes };
}
