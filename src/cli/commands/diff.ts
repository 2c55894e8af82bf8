import { said } from '../../i18n/said.ts';
import type { ChalkInstance } from 'chalk';
import { diffRuns, PARTIAL_STATUSES, type RunDiff, type TargetChange } from '../../store/diff.ts';
import type { StoredRun } from '../../store/runs.ts';
import { listRuns } from '../../store/runs.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { makeChalk, paintStatus, REFUSED_SYMBOL } from '../../report/color.ts';
import { methodWord, statusWord } from '../../report/table.ts';
import { msg, currentLang, isLang, list, t, textOf, type Lang } from '../../i18n/index.ts';
import type { CommandIO } from '../io.ts';
import { dataDirOf, requireRun } from './stored.ts';

/** The least width of the change's word, so targets line up (longer words widen it). */
const KIND_COLUMN = 20;

/** A target's state for the reader: its status in colour (refused by site with its own mark) and method. */
export function stateText(x: TargetChange['from'], lang: Lang, c: ChalkInstance): string {
  if (!x) return '-';
  const word = statusWord(lang, x.status);
  const status = paintStatus(c, x.status, x.status === 'refused by site' ? `${REFUSED_SYMBOL} ${word}` : word);
  return `${status}${x.method ? ` (${methodWord(lang, x.method)})` : ''}`;
}

type Run = StoredRun & { results: unknown[] };

/** What `tekser diff` prints as text: the runs, a note when one stopped early, each change, each finding that came, went or changed. */
export function diffText(older: Run, newer: Run, d: RunDiff, partial: { older: boolean; newer: boolean }, lang: Lang, c: ChalkInstance): string[] {
  const lines = [`${older.record.id} → ${newer.record.id}`];
  if (d.comparedOn !== null) lines.push(`  ${t(lang, 'text.diff.note', { text: partialNote(partial.older ? older : null, partial.newer ? newer : null, d.comparedOn, lang) })}`);
  const word = (k: TargetChange['kind']): string => t(lang, `text.diff.kind.${k}`);
  const column = Math.max(KIND_COLUMN, ...d.changes.map((ch) => word(ch.kind).length + 1));
  for (const ch of d.changes) lines.push(`  ${word(ch.kind).padEnd(column)} ${ch.target}: ${stateText(ch.from, lang, c)} → ${stateText(ch.to, lang, c)}`);
  for (const f of d.findingsAppeared) lines.push(`  ${t(lang, 'text.diff.finding-appeared', { title: textOf(lang, f.titleMessage, f.title) })}`);
  for (const f of d.findingsVanished) lines.push(`  ${t(lang, 'text.diff.finding-vanished', { title: textOf(lang, f.titleMessage, f.title) })}`);
  for (const f of d.findingsChanged) {
    lines.push(`  ${t(lang, 'text.diff.finding-changed', { title: textOf(lang, f.titleMessage, f.title), change: countChange(f.from, f.to, lang) })}`);
  }
  if (d.changes.length + d.findingsAppeared.length + d.findingsVanished.length + d.findingsChanged.length === 0) lines.push(`  ${t(lang, 'text.diff.none')}`);
  return lines;
}

/** `tekser diff [OLD] [NEW]`: what changed between two runs (default: the last two). */
export function diffCommand(
  oldRef: string | undefined,
  newRef: string | undefined,
  opts: { dataDir?: string; failOnChange?: boolean; format?: 'text' | 'json'; quiet?: boolean; color?: boolean; lang?: Lang },
  io: CommandIO,
): number {
  const dataDir = dataDirOf(opts, io.env);
  const stored = oldRef ? null : listRuns(dataDir).length;
  if (stored !== null && stored < 2) {
    // The first cron run has nothing to compare with: that is not worth a mail.
    if (opts.quiet) return EXIT.ok;
    throw new UsageError(said(msg('cli.err.diff-needs-two', { cmd: 'diff', dir: dataDir, count: stored })));
  }
  const newer = requireRun(dataDir, newRef ?? 'last', io);
  const older = requireRun(dataDir, oldRef ?? 'last~1', io);
  // Partial: stopped early, or finished with fewer targets kept than it measured (a full disk).
  const isPartial = (r: typeof older): boolean => PARTIAL_STATUSES.includes(r.record.status) || r.results.length < r.record.targets;
  const partial = { older: isPartial(older), newer: isPartial(newer) };
  const d = diffRuns(
    { results: older.results, findings: older.record.findings ?? [], partial: partial.older },
    { results: newer.results, findings: newer.record.findings ?? [], partial: partial.newer },
  );
  const changed = d.changes.length + d.findingsAppeared.length + d.findingsVanished.length + d.findingsChanged.length > 0;
  if (opts.quiet && !changed) return EXIT.ok;
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ old: older.record.id, new: newer.record.id, oldStatus: older.record.status, newStatus: newer.record.status, ...d }, null, 2)}\n`);
  } else {
    const chalk = makeChalk({ isTTY: io.stdoutIsTTY, env: io.env, ...(opts.color === false ? { color: false } : {}) });
    io.stdout(`${diffText(older, newer, d, partial, isLang(opts.lang) ? opts.lang : currentLang(), chalk).join('\n')}\n`);
  }
  return changed && opts.failOnChange ? EXIT.findings : EXIT.ok;
}

/** "1 target before, 106 now", or "other targets, 3 as before". */
const countChange = (from: number, to: number, lang: Lang): string =>
  from === to ? t(lang, 'text.diff.count-same', { count: to }) : t(lang, 'text.diff.count-changed', { count: from, now: to });

/** How a run stopped early, by its status; any other partial run kept fewer targets than it measured. */
const STOPPED: Record<string, string> = { interrupted: 'text.diff.stopped.interrupted', deadline: 'text.diff.stopped.deadline', running: 'text.diff.stopped.running' };

/** One line: which run stopped early, and what the comparison was restricted to. */
function partialNote(older: Run | null, newer: Run | null, comparedOn: number, lang: Lang): string {
  const part = (which: 'earlier' | 'later', r: Run): string =>
    t(lang, STOPPED[r.record.status] ?? 'text.diff.stopped.kept', { run: t(lang, `text.diff.run.${which}`), done: r.results.length, count: r.record.targets });
  const said = [older ? part('earlier', older) : null, newer ? part('later', newer) : null].filter((x): x is string => x !== null);
  return t(lang, 'text.diff.partial', { parts: list(lang, said), count: comparedOn });
}
