import type { ServiceMeasurement, WebMeasurement } from '../model/measurement.ts';
import type { DnsObservation } from '../model/observation.ts';
import type { TargetResultJson } from '../model/run.ts';
import type { Verdict } from '../model/verdict.ts';
import type { OoniVerdict } from './ooni.ts';
import type { Message } from '../model/message.ts';
import { msg } from '../i18n/index.ts';

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
/** The English of each thing a measurement can lack (src/ingest/ooni.ts), and its catalogue key. */
const LACKS: Readonly<Record<string, string>> = {
  "the control's DNS answer (addrs)": 'control-addrs',
  "the title of the control's page": 'control-title',
  'a parsable peer certificate': 'peer-certificate',
  'a readable control (test helper) answer': 'control-answer',
  'a valid request URL': 'valid-request-url',
  'the request URL': 'request-url',
  'the response body': 'response-body',
  'a readable response body': 'readable-response-body',
  'page bodies (the run was saved without --include-bodies)': 'page-bodies',
};
const LACKS_WITH_DATA: readonly [RegExp, string, string][] = [
  [/^the result of the TCP connect to (.+)$/, 'tcp-connect', 'endpoint'],
  [/^the answers of the lookup of (.+)$/, 'lookup-answers', 'host'],
  [/^a readable answer in the lookup of (.+)$/, 'lookup-readable', 'host'],
];

/** One thing a measurement lacks, as a message: a known phrase, one with its datum, or an OONI field name. */
function lackMessage(what: string): Message {
  const key = LACKS[what];
  if (key) return msg(`lacks.${key}`);
  for (const [re, k, name] of LACKS_WITH_DATA) {
    const m = re.exec(what);
    if (m) return msg(`lacks.${k}`, { [name]: m[1]! });
  }
  return msg('lacks.field', { field: what });
}

export function noteLacks(v: Verdict, lacks: readonly string[] | undefined): Verdict {
  if (!lacks?.length) return v;
  const what = lacks.join(', ');
  // "A, B, C" as nested messages, so that each language words every item.
  const whatMessage = lacks.map(lackMessage).reduceRight((rest, first) => msg('lacks.join', { first, rest }));
  const lacking = msg('lacks.evidence', { what: whatMessage });
  const reason = v.reasonMessage ? msg('lacks.reason', { what: whatMessage, reason: v.reasonMessage }) : undefined;
  const evidenceMessages = v.evidenceMessages && v.evidenceMessages.length === v.evidence.length ? [...v.evidenceMessages, lacking] : undefined;
  const { reasonMessage: _r, evidenceMessages: _e, ...rest } = v;
  return {
    ...rest,
    ...(v.status === 'inconclusive' ? { reason: `The measurement lacks ${what}: ${v.reason}`, ...(reason ? { reasonMessage: reason } : {}) } : v.reasonMessage ? { reasonMessage: v.reasonMessage } : {}),
    evidence: [...v.evidence, `the measurement lacks ${what}`],
    ...(evidenceMessages ? { evidenceMessages } : {}),
  };
}
