import { stripVTControlCharacters } from 'node:util';
import type { ChalkInstance } from 'chalk';
import { summarize } from './json.ts';
import { paintStatus } from './color.ts';
import { currentLang, t, textOf, type Lang } from '../i18n/index.ts';
import type { Finding } from '../model/finding.ts';
import type { Message } from '../model/message.ts';
import type { RunSummary } from '../model/run.ts';

/** One row: a target's name and its verdict (from a live run or from a stored one). */
export interface TableRow {
  label: string;
  verdict: { status: string; method: string | null; reason: string; evidence: string[]; reasonMessage?: Message | undefined; evidenceMessages?: Message[] | undefined };
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
  /** The reader's language (default: the process's, see src/i18n). */
  lang?: Lang;
}

const STATUS_ORDER = ['blocked', 'partially blocked', 'down', 'inconclusive', 'refused by site', 'accessible'];
/** Names listed under a grouped row before "and N more" (-v lists every target with its evidence). */
const GROUP_NAMES_SHOWN = 6;
/** The status and method columns' least widths (English fits them; longer words widen them). */
const STATUS_COLUMN = 18;
const METHOD_COLUMN = 14;

/** Columns a string takes on a terminal: colour codes take none, a Cyrillic letter one. */
const width = (s: string): number => stripVTControlCharacters(s).length;

function pad(s: string, n: number): string {
  const visible = width(s);
  return visible >= n ? s : s + ' '.repeat(n - visible);
}

/** A verdict status in the reader's language (the glossary's word). */
export const statusWord = (lang: Lang, status: string): string => t(lang, `status.${status}`);

/**
 * A blocking method for the reader. English keeps the method's id (dns, tcp_ip: what scripts grep
 * the table for); other languages say it in words.
 */
export const methodWord = (lang: Lang, method: string | null): string => (method === null ? '' : lang === 'en' ? method : t(lang, `method.${method}`));

/**
 * Wraps text at spaces so no line is longer than `width` (a word longer than that stands alone on
 * its line, whole: never cut). No width: the text as one line.
 */
export function wrapWords(text: string, columns: number | undefined): string[] {
  if (!columns || columns < 1 || width(text) <= columns) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    if (!line) line = word;
    else if (width(line) + 1 + width(word) <= columns) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const longestWord = (text: string): number => Math.max(0, ...text.split(/ +/).map(width));

/** `text` wrapped to the width, the first line after `first`, the rest indented by `indent` spaces. */
function hanging(first: string, text: string, columns: number | undefined, indent: number): string[] {
  const firstWidth = width(first);
  if (!columns) return [first + text];
  const room = columns - Math.max(firstWidth, indent);
  if (room < 24 || longestWord(text) > room) {
    // Too narrow beside the columns (or a word would not fit there): the text goes below them, across the whole width.
    return [first.trimEnd(), ...wrapWords(text, columns - 4).map((l) => `    ${l}`)];
  }
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

/** Each line of a verdict's evidence in the reader's language (the stored English when its messages are missing). */
export function evidenceLines(lang: Lang, v: TableRow['verdict']): string[] {
  const messages = v.evidenceMessages?.length === v.evidence.length ? v.evidenceMessages : undefined;
  return v.evidence.map((e, i) => textOf(lang, messages?.[i], e));
}

/** The findings block: a mark and the title, the details dimmed below. */
function findingLines(findings: readonly Finding[], c: ChalkInstance, lang: Lang, columns: number | undefined): string[] {
  const lines = [c.bold(t(lang, 'text.table.findings'))];
  for (const f of findings) {
    // What still works is an answer, not an alarm.
    const mark = f.kind === 'ways-out' ? c.green('>') : f.kind === 'throttling' || f.kind === 'allow-list' || f.kind === 'helper-unavailable' ? c.yellow('!') : c.red('!');
    lines.push(...hanging(`${mark} `, textOf(lang, f.titleMessage, f.title), columns, 2));
    const messages = f.detailMessages?.length === f.details.length ? f.detailMessages : undefined;
    f.details.forEach((d, i) => lines.push(...wrapWords(textOf(lang, messages?.[i], d), columns ? columns - 4 : undefined).map((l) => c.dim(`    ${l}`))));
  }
  lines.push('');
  return lines;
}

interface Layout {
  lang: Lang;
  c: ChalkInstance;
  columns: number | undefined;
  verbose: boolean;
  statusWidth: number;
  methodWidth: number;
  targetWidth: number;
}

const groupLabel = (lang: Lang, g: Group): string => (g.rows.length > 1 ? t(lang, 'text.table.group', { count: g.rows.length }) : (g.rows[0]?.label ?? ''));

/** Column widths for these groups in this language: the words present decide, never less than English needs. */
function layoutOf(groups: readonly Group[], opts: TableOptions, lang: Lang): Layout {
  const most = (xs: string[], least: number): number => Math.max(least, ...xs.map((x) => width(x) + 2));
  const columns = opts.width && opts.width > 0 ? opts.width : undefined;
  const statusWidth = most([...groups.map((g) => statusWord(lang, g.verdict.status)), t(lang, 'text.table.status')], STATUS_COLUMN);
  const methodWidth = most([...groups.map((g) => methodWord(lang, g.verdict.method)), t(lang, 'text.table.method')], METHOD_COLUMN);
  let targetWidth = Math.min(48, Math.max(6, ...groups.map((g) => width(groupLabel(lang, g)))));
  // The heading fits the terminal: a narrower target column (longer labels push their reason below).
  if (columns) targetWidth = Math.max(6, Math.min(targetWidth, columns - statusWidth - methodWidth - 2 - width(t(lang, 'text.table.why'))));
  return { lang, c: opts.chalk, columns, verbose: Boolean(opts.verbose), statusWidth, methodWidth, targetWidth };
}

/**
 * The start of a group's line: status, method, target. When it is wider than the terminal (a long
 * label beside long words), the label goes on a line of its own below.
 */
function rowStart(g: Group, L: Layout): { first: string[]; prefix: string } {
  const status = paintStatus(L.c, g.verdict.status, statusWord(L.lang, g.verdict.status));
  const label = groupLabel(L.lang, g);
  const prefix = `${pad(status, L.statusWidth)}${pad(methodWord(L.lang, g.verdict.method), L.methodWidth)}${pad(label, L.targetWidth + 2)}`;
  if (!L.columns || width(prefix.trimEnd()) <= L.columns) return { first: [], prefix };
  return { first: [`${pad(status, L.statusWidth)}${methodWord(L.lang, g.verdict.method)}`.trimEnd()], prefix: `    ${label} ` };
}

/** One group's lines: status, method, target(s) and reason; the names of a group; -v's evidence. */
function groupLines(g: Group, L: Layout): string[] {
  const { lang, c, columns } = L;
  const { first, prefix } = rowStart(g, L);
  // A label longer than its column pushes the reason right; wrapped lines still align on the column.
  const lines = [...first, ...hanging(prefix, textOf(lang, g.verdict.reasonMessage, g.verdict.reason), columns, L.statusWidth + L.methodWidth + L.targetWidth + 2)];
  if (g.rows.length > 1) {
    const names = g.rows.map((r) => r.label);
    const first = names.slice(0, GROUP_NAMES_SHOWN).join(', ');
    const shown = names.length > GROUP_NAMES_SHOWN ? t(lang, 'text.table.more', { names: first, count: names.length - GROUP_NAMES_SHOWN }) : first;
    lines.push(...wrapWords(shown, columns ? columns - 20 : undefined).map((l) => c.dim(`${' '.repeat(18)}  ${l}`)));
  }
  if (L.verbose) for (const r of g.rows) for (const e of evidenceLines(lang, r.verdict)) lines.push(...wrapWords(`· ${e}`, columns ? columns - 18 : undefined).map((l) => c.dim(`${' '.repeat(18)}${l}`)));
  return lines;
}

/** The human report: most serious first, identical reasons grouped with a count, then the next steps. */
export function renderTable(results: readonly TableRow[], opts: TableOptions): string {
  const lang = opts.lang ?? currentLang();
  const rows = [...results].sort(
    (a, b) => STATUS_ORDER.indexOf(a.verdict.status) - STATUS_ORDER.indexOf(b.verdict.status) || a.label.localeCompare(b.label, undefined, { numeric: true }),
  );
  // -v shows each target's own evidence, so it keeps one row per target.
  const groups = opts.verbose ? rows.map((r) => ({ rows: [r], verdict: r.verdict })) : groupRows(rows);
  const L = layoutOf(groups, opts, lang);
  const { c, columns } = L;
  const lines = [...wrapWords(opts.header, columns), ''];
  if (opts.findings?.length) lines.push(...findingLines(opts.findings, c, lang, columns));
  const head = `${pad(t(lang, 'text.table.status'), L.statusWidth)}${pad(t(lang, 'text.table.method'), L.methodWidth)}${pad(t(lang, 'text.table.target'), L.targetWidth + 2)}${t(lang, 'text.table.why')}`;
  lines.push(c.bold(head));
  for (const g of groups) lines.push(...groupLines(g, L));
  lines.push('', ...wrapWords(summaryText(summarize(results), lang, c), columns));
  if (opts.steps?.length) {
    lines.push('');
    for (const step of opts.steps) lines.push(...wrapWords(step, columns).map((l) => c.bold(l)));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * "102 target(s): 1 accessible, 1 blocked, 0 down, 101 inconclusive" in the reader's language;
 * partially blocked and refused by site only when there are some. With `c`, accessible and blocked in colour.
 */
export function summaryText(s: RunSummary, lang: Lang = currentLang(), c?: ChalkInstance): string {
  const part = (status: string, n: number): string => {
    const text = t(lang, 'text.summary.part', { count: n, status: statusWord(lang, status) });
    return c && (status === 'accessible' || status === 'blocked') ? paintStatus(c, status, text) : text;
  };
  const parts = [part('accessible', s.accessible), part('blocked', s.blocked)];
  if (s.partiallyBlocked) parts.push(part('partially blocked', s.partiallyBlocked));
  parts.push(part('down', s.down), part('inconclusive', s.inconclusive));
  if (s.refusedBySite) parts.push(part('refused by site', s.refusedBySite));
  return t(lang, 'text.summary.head', { count: s.total, parts: parts.join(', ') });
}

/** The one-line summary (no colour), for stderr when the report itself goes to a file. */
export function summaryLine(results: readonly { verdict: { status: string } }[], lang: Lang = currentLang()): string {
  return summaryText(summarize(results), lang);
}
