import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Service } from '../model/service-list.ts';
import { serviceTargetsFromYaml } from '../lists/service-targets.ts';
import { controlCheckSchema } from '../model/run.ts';
import type { IngestItem, IngestRunContext, IngestSource } from './item.ts';
import { findRun } from '../store/runs.ts';
import { ingestOoni, type IngestedMeasurement } from './ooni.ts';
import { readJsonValues } from './read.ts';
import { BadInputError } from '../errors.ts';
import { isRunSummaryLine, isStoredResult, storedToModel } from './stored.ts';
import type { InputRecord } from './read.ts';

/** The shipped service lists: OONI's messenger tests and stored service results are analysed with them. */
export const SHIPPED_SERVICE_LISTS = ['messengers.yaml', 'circumvention.yaml'].map((f) => fileURLToPath(new URL(`../../test-lists/${f}`, import.meta.url)));

/** Looks services up by id in YAML service lists, read once, on first use. */
export function serviceLookup(files: readonly string[] = SHIPPED_SERVICE_LISTS): (id: string) => Service | null {
  let byId: Map<string, Service> | null = null;
  return (id) => {
    byId ??= new Map(files.flatMap((f) => serviceTargetsFromYaml(f)).map((t) => [t.service.id, t.service]));
    return byId.get(id) ?? null;
  };
}

/** A measurement that was read but not analysed, and why. */
export interface Skipped {
  where: string;
  what: string;
  reason: string;
}

export interface SourceState {
  /** Counts by reason, plus the first few places: bounded, whatever the input size. */
  skipped: Map<string, { count: number; examples: string[] }>;
  skippedTotal: number;
}

export function newSourceState(): SourceState {
  return { skipped: new Map(), skippedTotal: 0 };
}

function skip(state: SourceState, s: Skipped): void {
  state.skippedTotal++;
  const key = `${s.what}: ${s.reason}`;
  const e = state.skipped.get(key) ?? { count: 0, examples: [] };
  e.count++;
  if (e.examples.length < 3) e.examples.push(s.where);
  state.skipped.set(key, e);
}

/** An input argument: "-" (stdin), a file, a run directory, or a stored run's id ("last", a prefix). */
export function resolveInput(arg: string, dataDir: string): string {
  if (arg === '-') return arg;
  if (existsSync(arg)) {
    if (statSync(arg).isDirectory()) {
      const file = join(arg, 'measurements.jsonl');
      if (!existsSync(file)) throw new BadInputError(arg, 0, 'a directory without measurements.jsonl (give a run directory, a file, or a run id)');
      return file;
    }
    return arg;
  }
  const run = findRun(dataDir, arg);
  if (run) return join(run.dir, 'measurements.jsonl');
  throw new BadInputError(arg, 0, `no such file, and no run "${arg}" in ${dataDir}`);
}

/** The control check a stored run, summary line or document carries, when it is well formed. */
function controlCheckOf(value: unknown): IngestRunContext['controlCheck'] {
  const raw = value && typeof value === 'object' ? (value as Record<string, unknown>).controlCheck : undefined;
  const parsed = controlCheckSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A run directory's run.json beside its measurements.jsonl: the run-level evidence the results were made with. */
function storedRunContext(file: string): IngestRunContext {
  if (file === '-' || basename(file) !== 'measurements.jsonl') return {};
  try {
    const controlCheck = controlCheckOf(JSON.parse(readFileSync(join(dirname(file), 'run.json'), 'utf8')));
    return controlCheck ? { controlCheck } : {};
  } catch {
    // No run.json, or an unreadable one: the results alone (as before).
    return {};
  }
}

export interface IngestOptions {
  services: (id: string) => Service | null;
  stdin?: Readable;
}

/** The group of an OONI measurement: its network (probe_cc and probe_asn). */
function ooniGroup(raw: Record<string, unknown>): string {
  const inner = (typeof raw.raw_measurement === 'string' ? null : raw) ?? raw;
  return [inner.probe_cc, inner.probe_asn].filter((x) => typeof x === 'string').join(' ');
}

/** One of tekser's own result lines as an item (null when skipped: its service is in no list). */
function storedItem(rec: InputRecord, opts: IngestOptions, state: SourceState, group: string, context: IngestRunContext): IngestItem | null {
  const where = `${rec.file}:${rec.line}`;
  if (rec.document) context.controlCheck ??= controlCheckOf(rec.document);
  const s = storedToModel(rec.value, where, opts.services);
  if ('error' in s) throw new BadInputError(rec.file, rec.line, s.error);
  if (s.kind === 'skipped') {
    skip(state, { where, what: s.label, reason: s.reason });
    return null;
  }
  const plain = { source: { format: 'tekser', where } satisfies IngestSource, lacks: s.lacks, previous: s.previous, group, context };
  return s.kind === 'web' ? { kind: 'web', measurement: s.measurement, ...plain } : { kind: 'service', measurement: s.measurement, ...plain };
}

/** One OONI measurement as an item, with OONI's own verdict (null when skipped: a nettest tekser does not read). */
function ooniItem(rec: InputRecord, opts: IngestOptions, state: SourceState): IngestItem | null {
  const where = `${rec.file}:${rec.line}`;
  const o: IngestedMeasurement | { error: string } = ingestOoni(rec.value, where, opts.services);
  if ('error' in o) throw new BadInputError(rec.file, rec.line, o.error);
  if (o.kind === 'skipped') {
    skip(state, { where, what: o.testName, reason: o.reason });
    return null;
  }
  const raw = rec.value as Record<string, unknown>;
  const { ooni } = o;
  const source: IngestSource = { format: 'ooni', where, testName: ooni.testName, testVersion: ooni.testVersion, ...(typeof raw.measurement_uid === 'string' ? { measurementUid: raw.measurement_uid } : {}) };
  const plain = { source, lacks: o.lacks, ooni, group: ooniGroup(raw) };
  return o.kind === 'web' ? { kind: 'web', measurement: o.measurement, ...plain } : { kind: 'service', measurement: o.measurement, ...plain };
}

/**
 * Every measurement of the inputs, mapped onto the model, one at a time: OONI measurements (JSON,
 * JSONL, API answers) and tekser's own result lines alike. Each item is plain data: the
 * measurement, where it came from, what it lacks, and the verdict it came with (OONI's, or the
 * stored run's); the agreement with tekser's is the pipeline's step after the analysis.
 */
export async function* ingestFiles(files: readonly string[], opts: IngestOptions, state: SourceState): AsyncGenerator<IngestItem> {
  for (const file of files) {
    // One stored run is one group, with its own run-level evidence (control check).
    const context = storedRunContext(file);
    const runGroup = file === '-' ? 'stored' : basename(file) === 'measurements.jsonl' ? basename(dirname(file)) : basename(file);
    for await (const rec of readJsonValues(file, opts.stdin)) {
      if (isRunSummaryLine(rec.value)) {
        // --format jsonl ends with the run's summary: its control check still counts for the findings.
        context.controlCheck ??= controlCheckOf(rec.value);
        continue;
      }
      const item = isStoredResult(rec.value) ? storedItem(rec, opts, state, runGroup, context) : ooniItem(rec, opts, state);
      if (item) yield item;
    }
  }
}

export function describeSkipped(state: SourceState): string[] {
  if (!state.skippedTotal) return [];
  return [
    `Skipped ${state.skippedTotal} measurement(s):`,
    ...[...state.skipped].map(([what, e]) => `  ${String(e.count).padStart(5)}  ${what} (e.g. ${e.examples.join(', ')})`),
  ];
}

export function skippedJson(state: SourceState): Array<{ what: string; count: number; examples: string[] }> {
  return [...state.skipped].map(([what, e]) => ({ what, count: e.count, examples: e.examples }));
}
