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
  /** Terminal width: reasons are cut to fit; undefined (a pipe or file) prints them whole. */
  width?: number;
  verbose?: boolean;
  header: string;
}

const STATUS_ORDER = ['blocked', 'partially blocked', 'down', 'inconclusive', 'accessible'];

function pad(s: string, n: number): string {
  const visible = stripVTControlCharacters(s).length;
  return visible >= n ? s : s + ' '.repeat(n - visible);
}

/** The human report: most serious first, one row per target, the reason in words. */
export function renderTable(results: readonly TableRow[], opts: TableOptions): string {
  const c = opts.chalk;
  const paint: Record<string, (s: string) => string> = {
    blocked: (s) => c.red.bold(s),
    'partially blocked': (s) => c.yellow.bold(s),
    down: (s) => c.gray(s),
    inconclusive: (s) => c.yellow(s),
    accessible: (s) => c.green(s),
  };
  const rows = [...results].sort(
    (a, b) => STATUS_ORDER.indexOf(a.verdict.status) - STATUS_ORDER.indexOf(b.verdict.status) || a.label.localeCompare(b.label, undefined, { numeric: true }),
  );
  const targetWidth = Math.min(48, Math.max(6, ...rows.map((r) => r.label.length)));
  const lines = [opts.header, ''];
  if (opts.findings?.length) {
    lines.push(c.bold('Findings'));
    for (const f of opts.findings) {
      const mark = f.kind === 'throttling' || f.kind === 'allow-list' ? c.yellow('!') : c.red('!');
      lines.push(`${mark} ${f.title}`);
      for (const d of f.details) lines.push(c.dim(`    ${d}`));
    }
    lines.push('');
  }
  lines.push(c.bold(`${pad('STATUS', 18)}${pad('METHOD', 14)}${pad('TARGET', targetWidth + 2)}WHY`));
  for (const r of rows) {
    const status = paint[r.verdict.status]?.(r.verdict.status) ?? r.verdict.status;
    const prefix = `${pad(status, 18)}${pad(r.verdict.method ?? '', 14)}${pad(r.label, targetWidth + 2)}`;
    let reason = r.verdict.reason;
    const room = opts.width ? opts.width - stripVTControlCharacters(prefix).length : undefined;
    if (room !== undefined && room > 10 && reason.length > room) reason = `${reason.slice(0, room - 1)}…`;
    lines.push(prefix + reason);
    if (opts.verbose) for (const e of r.verdict.evidence) lines.push(c.dim(`${' '.repeat(18)}· ${e}`));
  }
  const s = summarize(results);
  lines.push('');
  lines.push(
    `${s.total} target(s): ${paint.accessible?.(`${s.accessible} accessible`)}, ${paint.blocked?.(`${s.blocked} blocked`)}` +
      `${s.partiallyBlocked ? `, ${s.partiallyBlocked} partially blocked` : ''}, ${s.down} down, ${s.inconclusive} inconclusive`,
  );
  return `${lines.join('\n')}\n`;
}
