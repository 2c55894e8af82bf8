import type { CsvRecord } from '../lists/csv.ts';
import { pyStrip, urlPath } from './lint-csv.ts';

export interface CsvFix {
  line: number;
  ruleId: 'url-spaces' | 'url-no-trailing-slash' | 'duplicate-url' | 'file-bom' | 'file-crlf' | 'file-cr';
  description: string;
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
  if (opts.hadBom) fixes.push({ line: 1, ruleId: 'file-bom', description: 'removed the byte-order mark' });
  if (opts.crlfLines > 0) fixes.push({ line: 1, ruleId: 'file-crlf', description: `converted ${opts.crlfLines} CRLF line ending(s) to LF` });
  if (opts.crLines) fixes.push({ line: 1, ruleId: 'file-cr', description: `converted ${opts.crLines} CR line ending(s) to LF` });
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
      fixes.push({ line: rec.line, ruleId: 'url-spaces', description: `trimmed spaces around "${url}"` });
    }
    if (url && urlPath(url) === '' && /^https?:\/\/[^/?#\s]+$/i.test(url)) {
      url = `${url}/`;
      fixes.push({ line: rec.line, ruleId: 'url-no-trailing-slash', description: `added the trailing slash: "${url}"` });
    }
    if (seen.has(url)) {
      fixes.push({ line: rec.line, ruleId: 'duplicate-url', description: `removed duplicate row for "${url}"` });
      return;
    }
    seen.add(url);
    fields[0] = url;
    out.push(url === rec.fields[0] ? rec.raw : fields.map(csvField).join(','));
  });
  const text = out.join('\n') + (opts.endsWithNewline ? '\n' : '');
  return { text, fixes };
}
