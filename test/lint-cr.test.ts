import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/lint/lint-paths.ts';
import { parseCsv } from '../src/lists/csv.ts';
import { readListFile } from '../src/lists/read-file.ts';
import { tempDir } from './helpers/tmp.ts';

/** Classic Mac files (lines ended by CR alone) are read the way Python's csv reader reads them. */
const HEADER = 'url,category_code,category_description,date_added,source,notes';
const ROWS = [HEADER, 'https://orda.kz/,NEWS,News Media,2026-11-23,t,', 'https://bad.kz,NEWS,News Media,2026-11-23,t,', 'https://orda.kz/,NEWS,News Media,2026-11-23,t,', 'https://ok.kz/,NEWS,News Media,2026-11-23,t,"two\rlines"'];

function crList(): string {
  const file = join(tempDir('cr'), 'kz.csv');
  writeFileSync(file, `${ROWS.join('\r')}\r`);
  return file;
}

const hasPython = spawnSync('python3', ['-c', 'import csv']).status === 0;

describe('lists with classic Mac (CR) line endings', () => {
  it('finds the errors on their rows, plus one fixable file-cr problem, not a broken header', async () => {
    const report = await lintPaths([crList()]);
    const found = report.problems.map((p) => `${p.line} ${p.ruleId}`);
    // Row 5's quoted note spans a line (a CR inside quotes), which upstream's rule refuses too.
    expect(found).toEqual(['1 file-cr', '3 url-no-trailing-slash', '4 duplicate-url', '5 notes-invalid']);
    expect(report.problems[0]?.message).toBe('Classic Mac line endings (CR) on 6 line(s); use LF');
  });

  it.skipIf(!hasPython)('agrees with Python csv.reader row for row (line numbers and fields)', () => {
    const file = crList();
    const py = spawnSync('python3', ['-c', 'import csv, json, sys\nr = csv.reader(open(sys.argv[1], newline=""))\nprint(json.dumps([[r.line_num, row] for row in r]))', file], { encoding: 'utf8' });
    expect(py.status).toBe(0);
    const pythonRows = JSON.parse(py.stdout) as Array<[number, string[]]>;
    const ours = parseCsv(readListFile(file).text, file).records.map((r) => [r.endLine, r.fields.map((f) => f.replace(/\n/g, '\r'))]);
    expect(ours).toEqual(pythonRows);
  });

  it('--fix turns CR into LF and says so; what is left is the one problem no fix mends', async () => {
    const file = crList();
    const fixed = await lintPaths([file], { fix: true });
    expect(fixed.files[0]?.fixes.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['file-cr', 'url-no-trailing-slash', 'duplicate-url']));
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain('\r');
    expect(after.split('\n')[1]).toBe(ROWS[1]);
    expect(fixed.problems.map((p) => p.ruleId)).toEqual(['notes-invalid']);
  });
});
