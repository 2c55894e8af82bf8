import { BUILTIN_INTERCEPTION_CAS } from '../data/interception-cas.ts';
import type { DnsObservation } from '../model/observation.ts';
import type { InterceptionCa } from '../model/verdict.ts';

/** What the analysis knows beside a target's measurement: the same for every target of a run. */
export interface AnalysisKnowledge {
  /** Known interception CAs: built in, plus the user's --interception-cas files. */
  interceptionCas: readonly InterceptionCa[];
  /** The run's own check of the control resolvers (run-level controlCheck), when there is one. */
  controlCheck?: readonly DnsObservation[];
}

export const DEFAULT_KNOWLEDGE: AnalysisKnowledge = { interceptionCas: BUILTIN_INTERCEPTION_CAS };

/** Knowledge with the defaults filled in (the built-in interception CAs). */
export const withDefaults = (knowledge: Partial<AnalysisKnowledge> = {}): AnalysisKnowledge => ({ ...DEFAULT_KNOWLEDGE, ...knowledge });
