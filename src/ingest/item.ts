import type { ServiceMeasurement, WebMeasurement } from '../model/measurement.ts';
import type { DnsObservation } from '../model/observation.ts';
import type { TargetResultJson } from '../model/run.ts';
import type { Verdict } from '../model/verdict.ts';
import type { OoniVerdict } from './ooni.ts';

/**
 * What ingest hands the analysis: plain data, no callbacks. A measurement from elsewhere (OONI, a
 * stored run) mapped onto the model, where it came from, what it lacks, and the verdict it came
 * with (OONI's, or the stored run's). Comparing that verdict with tekser's is a step of its own,
 * after the analysis (ingest/agreement.ts).
 */

/**
 * Run-level evidence that came with stored measurements (run.json, the summary line, a JSON
 * document): shared by the items of one run, so a re-analysis sees what the run saw.
 */
export interface IngestRunContext {
  /** The run's own check of the control resolvers (decides no-connectivity and control interception). */
  controlCheck?: DnsObservation[];
}

/** Where a measurement came from: written beside its result as `source`. */
export type IngestSource =
  | { format: 'tekser'; where: string }
  | { format: 'ooni'; where: string; testName: string; testVersion: string; measurementUid?: string };

interface IngestItemBase {
  source?: IngestSource;
  /** Findings are made per group (one network at one time). */
  group?: string;
  /** The run-level evidence of the item's run; may be filled in later (a summary line comes last). */
  context?: IngestRunContext;
  /** What the measurement lacks (noted in the verdict's evidence, and in its reason when it left the verdict open). */
  lacks?: readonly string[];
  /** OONI's own verdict on the measurement. */
  ooni?: OoniVerdict;
  /** The verdict a stored run gave the measurement. */
  previous?: TargetResultJson['verdict'];
}

/** One measurement from elsewhere (OONI, a stored run), already mapped onto the model. */
export type IngestItem = (IngestItemBase & { kind: 'web'; measurement: WebMeasurement }) | (IngestItemBase & { kind: 'service'; measurement: ServiceMeasurement });

/** What a measurement lacks is part of the verdict: in the evidence always, in the reason when it left the verdict open. */
export function noteLacks(v: Verdict, lacks: readonly string[] | undefined): Verdict {
  if (!lacks?.length) return v;
  const what = lacks.join(', ');
  // A reason rewritten here is English only: its message (the analysis's words) no longer says it, so it goes.
  const { reasonMessage: _said, ...rest } = v;
  return {
    ...(v.status === 'inconclusive' ? { ...rest, reason: `The measurement lacks ${what}: ${v.reason}` } : v),
    evidence: [...v.evidence, `the measurement lacks ${what}`],
  };
}
