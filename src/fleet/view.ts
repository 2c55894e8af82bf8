import { stringify } from 'csv-stringify/sync';
import { list, t as say, type Lang } from '../i18n/index.ts';
import type { ChangeRow, FleetData, ProbeStateRow, StateRow } from './read.ts';

// The fleet report, as data: for each target, each network's status and since when (the most severe
// across that network's probes), the targets blocked on some networks and not others first, in words,
// and a timeline of status per network in time buckets. Pure: rows in, view out.

/** Most severe first: a network counts as blocking a target when any of its probes sees it blocked. */
const SEVERITY = ['blocked', 'partially blocked', 'down', 'inconclusive', 'refused by site', 'accessible'] as const;
const rank = (s: string): number => {
  const i = SEVERITY.indexOf(s as (typeof SEVERITY)[number]);
  return i < 0 ? SEVERITY.length : i;
};
const isBlocked = (s: string): boolean => s === 'blocked' || s === 'partially blocked';

export interface NetworkCell {
  status: string;
  method: string | null;
  reason: string;
  since: Date;
  /** Probes on this network that measured the target, and how many of them see this status. */
  probes: number;
  agreeing: number;
}

export interface FleetTarget {
  key: string;
  label: string;
  /** By network name; a network that did not measure the target has none. */
  cells: Map<string, NetworkCell>;
  /** Blocked on at least one network and accessible on another. */
  divergent: boolean;
  /** Status at the end of each time bucket, per network (null: not measured by then). */
  timeline: Map<string, Array<string | null>>;
  /** Changes of status in the span, on all networks. */
  changes: number;
  /** The same, network by network. */
  changesOn: Map<string, number>;
  /** One line: "blocked on Beeline and Kcell since 14:00; accessible on Kazakhtelecom". */
  sentence: string;
}

export interface FleetView {
  since: Date;
  now: Date;
  networks: FleetData['networks'];
  /** Divergent targets first, then blocked everywhere they were measured, then changed, then the rest. */
  targets: FleetTarget[];
  buckets: Date[];
  findings: FleetData['findings'];
}

/** A network's cell: its most severe status among its probes, since when, how many agree. */
function networkCell(groups: readonly StateRow[]): NetworkCell {
  const worst = [...groups].sort((a, b) => rank(a.status) - rank(b.status) || a.since.getTime() - b.since.getTime())[0] as StateRow;
  const probes = groups.reduce((n, g) => n + g.probes, 0);
  const agreeing = groups.filter((g) => g.status === worst.status).reduce((n, g) => n + g.probes, 0);
  return { status: worst.status, method: worst.method, reason: worst.reason, since: worst.since, probes, agreeing };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14:00" within a day of `now`, else "22 Nov 14:00" (UTC; the month in the reader's language). */
export function when(t: Date, now: Date, lang: Lang = 'en'): string {
  const hm = t.toISOString().slice(11, 16);
  if (now.getTime() - t.getTime() < 86_400_000) return hm;
  const month = lang === 'en' ? MONTHS[t.getUTCMonth()] : new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(t).replace(/\.$/, '');
  return `${t.getUTCDate()} ${month} ${hm}`;
}

/** "a, b and c" (English as tekser always wrote it, without the serial comma), or the language's own list. */
const andList = (lang: Lang, xs: readonly string[]): string =>
  lang !== 'en' ? list(lang, xs) : xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/** A status and a method as a reader says them: the JSON's values in English, the shared words otherwise. */
function statusWords(lang: Lang, status: string, method: string | null): string {
  if (lang === 'en') return method ? `${status} (${method})` : status;
  const word = say(lang, `status.${status}`);
  return method ? say(lang, 'html.fleet.statusMethod', { status: word, method: say(lang, `method.${method}`) }) : word;
}

/** One group of networks with one status, and when it began on each (one time when they agree). */
function statusClause(lang: Lang, status: string, entries: Array<[string, NetworkCell]>, now: Date): string {
  const times = new Set(entries.map(([, c]) => when(c.since, now, lang)));
  const names = entries.map(([n, c]) => {
    const network = times.size > 1 ? say(lang, 'html.fleet.networkSince', { network: n, time: when(c.since, now, lang) }) : n;
    return c.agreeing < c.probes ? say(lang, 'html.fleet.probesAgreeing', { network, agreeing: c.agreeing, probes: c.probes }) : network;
  });
  const methods = new Set(entries.map(([, c]) => c.method).filter(Boolean));
  const how = isBlocked(status) && methods.size === 1 ? ([...methods][0] as string) : null;
  const params = { status: statusWords(lang, status, how), networks: andList(lang, names), count: names.length };
  return times.size === 1 && isBlocked(status) ? say(lang, 'html.fleet.clauseSince', { ...params, time: [...times][0] as string }) : say(lang, 'html.fleet.clause', params);
}

/** The target's networks in words, blocking ones first, in a language (English: what the view keeps). */
export function sentence(cells: ReadonlyMap<string, NetworkCell>, now: Date, lang: Lang = 'en'): string {
  const byStatus = new Map<string, Array<[string, NetworkCell]>>();
  for (const entry of [...cells].sort((a, b) => a[0].localeCompare(b[0]))) {
    const list = byStatus.get(entry[1].status) ?? [];
    list.push(entry);
    byStatus.set(entry[1].status, list);
  }
  return [...byStatus]
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([status, entries]) => statusClause(lang, status, entries, now))
    .join('; ');
}

/** Bucket ends from `since` to `now`: 12 of them, or one per hour for spans under 12 h. */
export function bucketsOf(since: Date, now: Date): Date[] {
  const span = now.getTime() - since.getTime();
  const n = Math.max(1, Math.min(12, Math.ceil(span / 3_600_000)));
  return Array.from({ length: n }, (_, i) => new Date(since.getTime() + (span * (i + 1)) / n));
}

/**
 * A probe's status of a target at time t, from its state now and its changes (oldest first). Without
 * a change, a state that began after t means the probe had not measured the target yet (null).
 */
export function statusAt(state: { status: string; since: Date }, changes: readonly ChangeRow[], t: Date): string | null {
  if (changes.length === 0) return state.since <= t ? state.status : null;
  let status: string | null = null;
  for (const c of changes) {
    if (c.at <= t) status = c.to_status;
    else return status ?? c.from_status;
  }
  return status ?? state.status;
}

const worse = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : rank(b) < rank(a) ? b : a);

/**
 * The most severe status among a network's probes at each bucket end. A group of probes that sees the
 * target one way now has done so since its `since` (at least its earliest probe has); the probes whose
 * status changed in the span add what they saw before, walked back through their changes.
 */
function networkTimeline(groups: readonly StateRow[], changed: ReadonlyArray<{ state: ProbeStateRow; changes: ChangeRow[] }>, buckets: readonly Date[]): Array<string | null> {
  return buckets.map((t) => {
    let status: string | null = null;
    for (const g of groups) if (g.since <= t) status = worse(status, g.status);
    for (const c of changed) status = worse(status, statusAt(c.state, c.changes, t));
    return status;
  });
}

const groupOf = (t: FleetTarget): number => {
  const statuses = [...t.cells.values()].map((c) => c.status);
  if (t.divergent) return 0;
  if (statuses.length && statuses.every(isBlocked)) return 1;
  return t.changes > 0 ? 2 : 3;
};

/** Values by key, in arrival order. */
function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** How many times a target's status changed in the span, per network and in all. */
function changeCounts(key: string, networks: readonly string[], changedOf: ReadonlyMap<string, ReadonlyArray<{ changes: readonly ChangeRow[] }>>): { changes: number; changesOn: Map<string, number> } {
  const changesOn = new Map(networks.map((n) => [n, (changedOf.get(`${n}\u0000${key}`) ?? []).reduce((m, c) => m + c.changes.length, 0)]));
  return { changes: [...changesOn.values()].reduce((a, b) => a + b, 0), changesOn };
}

const LABELS = new Intl.Collator('en', { numeric: true });

/** The fleet report from what the database returned. Pure. */
export function buildFleetView(data: FleetData, since: Date, now: Date): FleetView {
  const buckets = bucketsOf(since, now);
  const changesOf = groupBy(data.changes, (c) => `${c.probe}\u0000${c.target_key}`);
  const changedOf = groupBy(
    data.changed.map((state) => ({ state, changes: changesOf.get(`${state.probe}\u0000${state.target_key}`) ?? [] })),
    (c) => `${c.state.network}\u0000${c.state.target_key}`,
  );
  const byTarget = groupBy(data.states, (s) => s.target_key);
  const targets = [...byTarget].map(([key, rows]): FleetTarget => {
    const networks = groupBy(rows, (s) => s.network);
    const cells = new Map([...networks].map(([n, groups]) => [n, networkCell(groups)]));
    const statuses = [...cells.values()].map((c) => c.status);
    return {
      key,
      label: rows[0]?.label ?? key,
      cells,
      divergent: statuses.some(isBlocked) && statuses.includes('accessible'),
      timeline: new Map([...networks].map(([n, groups]) => [n, networkTimeline(groups, changedOf.get(`${n}\u0000${key}`) ?? [], buckets)])),
      ...changeCounts(key, [...networks.keys()], changedOf),
      sentence: sentence(cells, now),
    };
  });
  targets.sort((a, b) => groupOf(a) - groupOf(b) || LABELS.compare(a.label, b.label));
  return { since, now, networks: data.networks, targets, buckets, findings: data.findings };
}

/** Spreadsheets run a cell that starts with these as a formula: such text gets a leading quote. */
const safe = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export const FLEET_CSV_COLUMNS = ['target', 'network', 'status', 'method', 'since_utc', 'probes', 'probes_agreeing', 'changes_in_span', 'divergent', 'reason'] as const;

/** One line per target and network: status, since when, how many probes agree. */
export function fleetCsv(view: FleetView): string {
  const lines: string[][] = [];
  for (const t of view.targets) {
    for (const [network, c] of [...t.cells].sort((a, b) => a[0].localeCompare(b[0]))) {
      lines.push([t.label, network, c.status, c.method ?? '', c.since.toISOString(), String(c.probes), String(c.agreeing), String(t.changesOn.get(network) ?? 0), t.divergent ? 'yes' : 'no', c.reason].map(safe));
    }
  }
  return stringify(lines, { header: true, columns: [...FLEET_CSV_COLUMNS], record_delimiter: 'unix' });
}
