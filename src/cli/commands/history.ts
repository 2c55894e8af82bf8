import { stripVTControlCharacters } from 'node:util';
import type { ChalkInstance } from 'chalk';
import { listRuns, type StoredRun, type UnreadableRun } from '../../store/runs.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf } from './stored.ts';
import { EXIT } from '../../errors.ts';
import { makeChalk, paintStatus, REFUSED_SYMBOL } from '../../report/color.ts';
import { currentLang, isLang, render, t, type Lang } from '../../i18n/index.ts';

type Listed = { run: StoredRun } | { unreadable: UnreadableRun };
const idOf = (l: Listed): string => ('run' in l ? l.run.record.id : l.unreadable.id);

/** Every run directory, readable or not, newest first by id (ids start with the start time), so a damaged run stands where it ran. */
function inDateOrder(runs: StoredRun[], unreadable: UnreadableRun[]): Listed[] {
  const all: Listed[] = [...runs.map((run) => ({ run })), ...unreadable.map((u) => ({ unreadable: u }))];
  return all.sort((a, b) => (idOf(a) < idOf(b) ? 1 : idOf(a) > idOf(b) ? -1 : 0));
}

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - stripVTControlCharacters(s).length));
const n = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : String(x));

/** The columns, in order: their heading key (or a symbol) and their least width (a longer heading widens its column). */
const COLUMNS = [
  ['text.history.run', 24],
  ['text.history.started', 21],
  ['text.history.status', 13],
  ['text.history.targets', 9],
  ['text.history.ok', 6],
  ['text.history.blocked', 9],
  ['text.history.down', 6],
  ['?', 5],
  [REFUSED_SYMBOL, 4],
] as const;

/** The history table's layout in a language: each column's heading and width. */
export function historyColumns(lang: Lang): { heading: string; width: number }[] {
  return COLUMNS.map(([key, least]) => {
    const heading = key.startsWith('text.') ? t(lang, key) : key;
    return { heading, width: Math.max(least, heading.length + 2) };
  });
}

/** One row of the history table: refused by site has its own column, in its colour when there are some. */
function historyRow(l: Listed, lang: Lang, c: ChalkInstance): string {
  const w = historyColumns(lang).map((col) => col.width);
  const width = (from: number, to: number): number => w.slice(from, to).reduce((a, b) => a + b, 0);
  if ('unreadable' in l) return `${pad(l.unreadable.id, width(0, 1))}${pad('', width(1, 2))}${pad(t(lang, 'text.run-status.unreadable'), width(2, 3))}${render(lang, l.unreadable.why)} (${l.unreadable.dir})\n`;
  const r = l.run.record;
  const s = r.summary;
  const blocked = s ? s.blocked + s.partiallyBlocked : null;
  const refused = s?.refusedBySite ? paintStatus(c, 'refused by site', String(s.refusedBySite)) : n(s ? s.refusedBySite : null);
  const findings = r.findings ? r.findings.map((f) => t(lang, `text.kind.${f.kind}`)).join(', ') || '-' : '-';
  const cells = [r.id, r.startedAt.replace('T', ' ').slice(0, 19), t(lang, `text.run-status.${r.status}`), `${r.measured}/${r.targets}`, n(s?.accessible), n(blocked), n(s?.down), n(s?.inconclusive), refused];
  return `${cells.map((x, i) => pad(x, w[i] ?? 0)).join('')}${findings}\n`;
}

/** `tekser history`: the runs on disk, newest first, with their counts. */
export function historyCommand(opts: { dataDir?: string; format?: 'table' | 'json'; color?: boolean; lang?: Lang }, io: CommandIO): number {
  const dataDir = dataDirOf(opts, io.env);
  const lang = isLang(opts.lang) ? opts.lang : currentLang();
  const unreadable: UnreadableRun[] = [];
  const listed = inDateOrder(listRuns(dataDir, { unreadable }), unreadable);
  if (opts.format === 'json') {
    // Unreadable runs stand in date order too, with status "unreadable" and the problem in words.
    io.stdout(`${JSON.stringify(listed.map((l) => ('run' in l ? l.run.record : { id: l.unreadable.id, status: 'unreadable', problem: l.unreadable.problem })), null, 2)}\n`);
    return EXIT.ok;
  }
  if (listed.length === 0) {
    io.stdout(`${t(lang, 'text.history.empty', { dir: dataDir, command: 'tekser run' })}\n`);
    return EXIT.ok;
  }
  const chalk = makeChalk({ isTTY: io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
  io.stdout(`${historyColumns(lang).map((col) => pad(col.heading, col.width)).join('')}${t(lang, 'text.history.findings')}\n`);
  for (const l of listed) io.stdout(historyRow(l, lang, chalk));
  return EXIT.ok;
}
