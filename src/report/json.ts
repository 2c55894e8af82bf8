import { createHash } from 'node:crypto';
import { encodeResult, type EncodeOptions } from '../model/codec.ts';
import type { TargetResult, RunDocument, RunSummary, TargetResultJson } from '../model/run.ts';
import { RUN_SCHEMA_ID } from '../model/values.ts';
import type { Finding } from '../model/finding.ts';

export type SerializeOptions = EncodeOptions;

const sha256 = (body: string): string => createHash('sha256').update(body).digest('hex');

/** A result as a JSON line (the one codec, model/codec.ts), page bodies digested with SHA-256. */
export function serializeResult(r: TargetResult, opts: SerializeOptions): TargetResultJson {
  return encodeResult(r, opts, sha256);
}

export function summarize(results: readonly { verdict: { status: string } }[]): RunSummary {
  const count = (s: string): number => results.filter((r) => r.verdict.status === s).length;
  return {
    total: results.length,
    accessible: count('accessible'),
    blocked: count('blocked'),
    partiallyBlocked: count('partially blocked'),
    down: count('down'),
    inconclusive: count('inconclusive'),
    refusedBySite: count('refused by site'),
  };
}

export function runDocument(
  results: readonly TargetResult[],
  findings: readonly Finding[],
  meta: Omit<RunDocument, 'schema' | 'summary' | 'results' | 'findings'>,
  opts: SerializeOptions,
): RunDocument {
  return { schema: RUN_SCHEMA_ID, ...meta, summary: summarize(results), findings: [...findings], results: results.map((r) => serializeResult(r, opts)) };
}
