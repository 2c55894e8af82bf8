import type { Target } from './target.ts';

export { isDefiniteAnswer } from './failure.ts';

/**
 * The model's values that need no schema: the schema ids, and small functions over the inferred
 * types (imported as types only, so this module loads no zod). Code that must start fast (the run
 * command's path to its first DNS query) imports them from here. The schema modules never import
 * this file back (run.ts only takes the schema ids), so the model has no import circle.
 */

/**
 * The machine-readable output of `tekser run` (--format json / jsonl), versioned. Consumers should
 * check `schema` and tolerate fields added in later minor versions.
 */
export const RUN_SCHEMA_ID = 'tekser/run/v1';
/** run.json in a stored run's directory. */
export const RUN_RECORD_SCHEMA_ID = 'tekser/run-record/v1';

/** How a target is named in reports. */
export function targetLabel(t: Target): string {
  return t.kind === 'service' ? `${t.service.name} (${t.service.kind})` : t.url;
}

