import { isIP } from 'node:net';
import { stringify } from 'csv-stringify/sync';
import { currentLang, msg, render, t as say, textOf, type Lang } from '../i18n/index.ts';
import type { FindingJson } from '../model/finding.ts';
import type { Message } from '../model/message.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import type { RunRecord, TargetResultJson } from '../model/run.ts';

/** A stored run as the renderers take it: its record and its results (model values). */
export interface ReportRun {
  record: RunRecord;
  results: readonly TargetResultJson[];
}

/** Findings about a run as a whole: shown as bands across the top of the timeline. */
export const RUN_LEVEL_FINDINGS = ['no-connectivity', 'allow-list'] as const satisfies readonly FindingJson['kind'][];

export type VerdictCell = TargetResultJson['verdict']['status'];
export const CONTROL_CELLS = ['control-ok', 'control-failed'] as const;
export type CellStatus = VerdictCell | (typeof CONTROL_CELLS)[number];

export interface TimelineCell {
  status: CellStatus;
  method: string | null;
  reason: string;
  /** The reason as a catalogue message, when the verdict has one: shown in the reader's language. */
  reasonMessage?: Message;
  /** Differs from this row's previous cell outside runs with a run-level finding. */
  changed?: boolean;
}

export interface TimelineRow {
  /** Stable key: the target URL (service:<id> for services), or "control". */
  key: string;
  label: string;
  kind: 'control' | 'web' | 'service';
  /** A service's name and kind, for the page to name it in the reader's language. */
  service?: { name: string; serviceKind: string };
  canary: boolean;
  /** One per run, in run order; null when the run did not measure this target. */
  cells: Array<TimelineCell | null>;
  /** Its status changed between runs, not counting runs with a run-level finding (shutdown, allow-list). */
  changed: boolean;
}

export interface TimelineRunColumn {
  id: string;
  startedAt: string;
  status: RunRecord['status'];
  findings: FindingJson[];
}

export interface Timeline {
  runs: TimelineRunColumn[];
  /** One band per run-level finding kind seen in any run: which runs have it, and its title there. */
  bands: Array<{ kind: (typeof RUN_LEVEL_FINDINGS)[number]; runs: boolean[]; titles: Array<string | null>; titleMessages: Array<Message | undefined> }>;
  /** The control row first, then targets that changed, then the rest, each group by label. */
  rows: TimelineRow[];
}

/** user:password@ in any URL inside a text: never shown, never written. */
export function stripUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s?#@]*@/gi, '$1');
}

/** How a result is named in the report: the URL (without credentials), or the service's name and kind. */
export function resultLabel(r: TargetResultJson): string {
  return r.target.kind === 'service' ? `${r.target.name} (${r.target.serviceKind})` : stripUrlCredentials(r.target.url);
}

function isCanary(r: TargetResultJson): boolean {
  return r.target.kind === 'web' && r.target.role === 'canary';
}

/** Whether the control answered for this target: true, false, or null (no control was needed or asked). */
export function controlAnswered(r: TargetResultJson): boolean | null {
  if (r.target.kind === 'service') return 'controlAnswered' in r.measurement ? r.measurement.controlAnswered : null;
  const m = r.measurement as Extract<TargetResultJson, { target: { kind: 'web' } }>['measurement'];
  if (m.helper?.response) return true;
  if (isIP(m.hostname) || m.dns.control.length === 0) return null;
  return m.dns.control.some(isDefiniteAnswer);
}

/** The control row's cell for a run: reached when it answered for any target, unreachable when it answered for none. */
function controlCell(run: ReportRun): TimelineCell | null {
  const answers = run.results.map(controlAnswered).filter((a): a is boolean => a !== null);
  if (answers.length === 0) return null;
  const ok = answers.filter(Boolean).length;
  const message = ok > 0 ? msg('html.cell.controlAnswered', { ok, total: answers.length }) : msg('html.cell.controlNone', { total: answers.length });
  return { status: ok > 0 ? 'control-ok' : 'control-failed', method: null, reason: render('en', message), reasonMessage: message };
}

/** Runs in time order, rows per target (and the control), cells per run. Pure. */
export function buildTimeline(input: readonly ReportRun[]): Timeline {
  const runs = [...input].sort((a, b) => a.record.startedAt.localeCompare(b.record.startedAt) || a.record.id.localeCompare(b.record.id));
  const rows = new Map<string, TimelineRow>();
  runs.forEach((run, i) => {
    for (const r of run.results) {
      const key = r.target.kind === 'service' ? `service:${r.target.id}` : stripUrlCredentials(r.target.url);
      let row = rows.get(key);
      if (!row) {
        row = { key, label: resultLabel(r), kind: r.target.kind, canary: isCanary(r), cells: runs.map(() => null), changed: false };
        if (r.target.kind === 'service') row.service = { name: r.target.name, serviceKind: r.target.serviceKind };
        rows.set(key, row);
      }
      const v = r.verdict;
      row.cells[i] = { status: v.status, method: v.method, reason: stripUrlCredentials(v.reason), ...(v.reasonMessage ? { reasonMessage: v.reasonMessage } : {}) };
    }
  });
  const control: TimelineRow = { key: 'control', label: 'control', kind: 'control', canary: false, cells: runs.map(controlCell), changed: false };
  // A shutdown or an allow-list hour changes every row at once: the bands show it. A row "changed"
  // when it differs across the other runs (all runs when every run has such a finding).
  const banded = runs.map((run) => (run.record.findings ?? []).some((f) => (RUN_LEVEL_FINDINGS as readonly string[]).includes(f.kind)));
  const counted = banded.every(Boolean) ? banded.map(() => false) : banded;
  for (const row of [control, ...rows.values()]) {
    let prev: CellStatus | null = null;
    row.cells.forEach((c, i) => {
      if (!c || counted[i]) return;
      if (prev !== null && prev !== c.status) {
        c.changed = true;
        row.changed = true;
      }
      prev = c.status;
    });
  }
  const targets = [...rows.values()].sort((a, b) => Number(b.changed) - Number(a.changed) || a.label.localeCompare(b.label, 'en', { numeric: true }));
  const bands = RUN_LEVEL_FINDINGS.map((kind) => {
    const found = runs.map((run) => (run.record.findings ?? []).find((f) => f.kind === kind));
    const titles = found.map((f) => f?.title ?? null);
    return { kind, runs: titles.map((t) => t !== null), titles, titleMessages: found.map((f) => f?.titleMessage) };
  }).filter((b) => b.runs.some(Boolean));
  return {
    runs: runs.map((r) => ({ id: r.record.id, startedAt: r.record.startedAt, status: r.record.status, findings: r.record.findings ?? [] })),
    bands,
    rows: [control, ...targets],
  };
}

/** Spreadsheets run a cell that starts with these as a formula: such text is written with a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

export const TIMELINE_CSV_COLUMNS = ['run_id', 'started_at_utc', 'run_status', 'row', 'kind', 'status', 'method', 'reason', 'run_findings'] as const;

/**
 * The timeline as long ("tidy") CSV: one line per run × row, for people who make their own charts.
 * The header row and the reason are in the reader's language; the values (ids, times, statuses,
 * methods, finding kinds) stay the JSON's, the same in every language.
 */
export function timelineCsv(tl: Timeline, opts: { lang?: Lang } = {}): string {
  const lang = opts.lang ?? currentLang();
  const lines: string[][] = [];
  tl.rows.forEach((row) => {
    row.cells.forEach((cell, i) => {
      const run = tl.runs[i];
      if (!run) return;
      const runFindings = run.findings.map((f) => f.kind).join(' ');
      const reason = cell ? stripUrlCredentials(textOf(lang, cell.reasonMessage, cell.reason)) : '';
      lines.push([run.id, run.startedAt, run.status, row.label, row.kind, cell?.status ?? 'not measured', cell?.method ?? '', reason, runFindings].map(safeCell));
    });
  });
  const header = TIMELINE_CSV_COLUMNS.map((key) => say(lang, `html.csv.${key}`));
  return stringify([header, ...lines], { record_delimiter: 'unix' });
}
