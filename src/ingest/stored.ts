import { decodeResult, type DecodedResult } from '../model/codec-decode.ts';
import type { Service } from '../model/service-list.ts';

/**
 * tekser's own stored results (a line of measurements.jsonl, or of `--format jsonl`) back onto the
 * model, so a run can be re-analysed when the rules improve. What a stored line leaves out — page
 * bodies, unless the run was saved with --include-bodies — is named in `lacks`.
 */

export type StoredItem = DecodedResult;

/** Whether a JSON value looks like one of tekser's result lines (not an OONI measurement). */
export function isStoredResult(v: unknown): boolean {
  const o = v as Record<string, unknown> | null;
  return o !== null && typeof o === 'object' && typeof o.schema === 'string' && o.schema.startsWith('tekser/run/') && 'measurement' in o;
}

/** Whether a JSON value is a run-summary line (skipped quietly: it is re-made). */
export function isRunSummaryLine(v: unknown): boolean {
  const o = v as Record<string, unknown> | null;
  return o !== null && typeof o === 'object' && o.type === 'run-summary';
}

/** A stored result line back onto the model: the codec's reading half (model/codec-decode.ts). */
export function storedToModel(value: unknown, source: string, services: (id: string) => Service | null): StoredItem | { error: string } {
  return decodeResult(value, source, services);
}
