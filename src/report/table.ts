import { stripVTControlCharacters } from 'node:util';
import type { ChalkInstance } from 'chalk';
import { summarize } from './json.ts';
import type { Finding } from '../model/finding.ts';

/** One row: a target's name and its verdict (from a live run or from a stored one). */
export interface TableRow {
  label: string;
  verdict: { status: string; method: string | null; reason: string; evidence: string[] };
}

export interface TableOptions {
  findings?: readonly Finding[];
  chalk: ChalkInstance;
  /** Terminal width: text wraps at word boundaries to fit; undefined (a pipe or file) prints lines whole. */
  width?: number;
  verbose?: boolean;
  header: string;
  /** Plain next steps, one per situation (see next-steps.ts), printed last. */
  steps?: readonly string[];
}

const STATUS_ORDER = ['blocked', 'partially blocked', 'down', 'inconclusive', 'refused by site', 'accessible'];
/** Names listed under a grouped row before "and N more" (-v lists every target with its evidence). */
const GROUP_NAMES_SHOWN = 6;

function pad(s: string, n: number): string {
  const visible = stripVTControlCharacters(s).length;
  return visible >= n ? s : s + ' '.repeat(n - visible);
}

/**
 * Wraps text at spaces so no line is longer than `width` (a word longer than that stands alone on
 * its line, whole: never cut). No width: the text as one line.
 */
export function wrapWords(text: string, width: number | undefined): string[] {
  const len = (x: string): number => stripVTControlCharacters(x).length;
  if (!width || width < 1 || len(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (!line) line = word;
    else if (len(line) + 1 + len(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` wrapped to the width, the first line after `first`, the rest indented by `indent` spaces. */
function hanging(first: string, text: string, width: number | undefined, indent: number): string[] {
  const firstWidth = stripVTControlCharacters(first).length;
  if (!width) return [first + text];
  let room = width - firstWidth;
  if (room < 24) {
    // Too narrow beside the columns: the text goes below them, across the whole width.
    indent = 4;
    room = width - indent;
    return [first.trimEnd(), ...wrapWords(text, room).map((l) => ' '.repeat(indent) + l)];
  }
  room = width - Math.max(firstWidth, indent);
  const [head = '', ...rest] = wrapWords(text, room);
  return [first + head, ...rest.map((l) => ' '.repeat(Math.max(firstWidth, indent)) + l)];
}

interface Group {
  rows: TableRow[];
  verdict: TableRow['verdict'];
}

/** Rows with the same status, method and reason, in first-seen order: one line each in the table. */
export function groupRows(rows: readonly TableRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = `${r.verdict.status}\u0000${r.verdict.method ?? ''}\u0000${r.verdict.reason}`;
    const g = groups.get(key);
    if (g) g.rows.push(r);
    else groups.set(key, { rows: [r], verdict: r.verdict });
  }
  return [...groups.values()];
}

/** The human report: most serious first, identical reasons grouped with a count, then the next steps. */
export function renderTable(results: readonly TableRow[], opts: TableOptions): string {
  const c = opts.chalk;
  const width = opts.width && opts.width > 0 ? opts.width : undefined;
  const paint: Record<string, (s: string) => string> = {
    blocked: (s) => c.red.bold(s),
    'partially blocked': (s) => c.yellow.bold(s),
    down: (s) => c.gray(s),
    inconclusive: (s) => c.yellow(s),
    'refused by site': (s) => c.magenta(s),
    accessible: (s) => c.green(s),
  };
  const rows = [...results].sort(
    (a, b) => STATUS_ORDER.indexOf(a.verdict.status) - STATUS_ORDER.indexOf(b.verdict.status) || a.label.localeCompare(b.label, undefined, { numeric: true }),
  );
  // -v shows each target's own evidence, so it keeps one row per target.
  const groups = opts.verbose ? rows.map((r) => ({ rows: [r], verdict: r.verdict })) : groupRows(rows);
  const groupLabel = (g: Group): string => (g.rows.length > 1 ? `${g.rows.length} targets` : (g.rows[0]?.label ?? ''));
  const targetWidth = Math.min(48, Math.max(6, ...groups.map((g) => groupLabel(g).length)));
  const lines = [...wrapWords(opts.header, width), ''];
  if (opts.findings?.length) {
    lines.push(c.bold('Findings'));
    for (const f of opts.findings) {
      // What still works is an answer, not an alarm.
      const mark = f.kind === 'ways-out' ? c.green('>') : f.kind === 'throttling' || f.kind === 'allow-list' || f.kind === 'helper-unavailable' ? c.yellow('!') : c.red('!');
      lines.push(...hanging(`${mark} `, f.title, width, 2));
      for (const d of f.details) lines.push(...wrapWords(d, width ? width - 4 : undefined).map((l) => c.dim(`    ${l}`)));
    }
    lines.push('');
  }
  const reasonColumn = 18 + 14 + targetWidth + 2;
  lines.push(c.bold(`${pad('STATUS', 18)}${pad('METHOD', 14)}${pad('TARGET', targetWidth + 2)}WHY`));
  for (const g of groups) {
    const status = paint[g.verdict.status]?.(g.verdict.status) ?? g.verdict.status;
    const label = groupLabel(g);
    const prefix = `${pad(status, 18)}${pad(g.verdict.method ?? '', 14)}${pad(label, targetWidth + 2)}`;
    // A label longer than its column pushes the reason right; wrapped lines still align on the column.
    lines.push(...hanging(prefix, g.verdict.reason, width, reasonColumn));
    if (g.rows.length > 1) {
      const names = g.rows.map((r) => r.label);
      const shown = names.slice(0, GROUP_NAMES_SHOWN).join(', ') + (names.length > GROUP_NAMES_SHOWN ? ` and ${names.length - GROUP_NAMES_SHOWN} more (-v lists each)` : '');
      lines.push(...wrapWords(shown, width ? width - 20 : undefined).map((l) => c.dim(`${' '.repeat(18)}  ${l}`)));
    }
    if (opts.verbose) for (const r of g.rows) for (const e of r.verdict.evidence) lines.push(...wrapWords(`· ${e}`, width ? width - 18 : undefined).map((l) => c.dim(`${' '.repeat(18)}${l}`)));
  }
  const s = summarize(results);
  lines.push('');
  lines.push(
    ...wrapWords(
      `${s.total} target(s): ${paint.accessible?.(`${s.accessible} accessible`)}, ${paint.blocked?.(`${s.blocked} blocked`)}` +
        `${s.partiallyBlocked ? `, ${s.partiallyBlocked} partially blocked` : ''}, ${s.down} down, ${s.inconclusive} inconclusive`,
      width,
    ),
  );
  if (opts.steps?.length) {
    lines.push('');
    for (const step of opts.steps) lines.push(...wrapWords(step, width).map((l) => c.bold(l)));
  }
  return `${lines.join('\n')}\n`;
}

/** The one-line summary (no colour), for stderr when the report itself goes to a file. */
export function summaryLine(results: readonly { verdict: { status: string } }[]): string {
  const s = summarize(results);
  return `${s.total} target(s): ${s.accessible} accessible, ${s.blocked} blocked${s.partiallyBlocked ? `, ${s.partiallyBlocked} partially blocked` : ''}, ${s.down} down, ${s.inconclusive} inconclusive`;
}
