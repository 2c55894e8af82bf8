import { z } from 'zod';
import { WEB_TARGET_ROLES } from './target.ts';
import { verdictFactsSchema, verdictSchema } from './verdict.ts';
import { messageSchema } from './message.ts';

export const FINDING_KINDS = ['ways-out', 'no-connectivity', 'control-interception', 'allow-list', 'collateral', 'sni-filtering', 'state-mitm', 'suspected-mitm', 'throttling', 'helper-unavailable', 'site-refusal'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A statement about the run as a whole, with the evidence behind it. */
export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  /** One line, in words an activist can act on. */
  title: z.string(),
  /** The title as a catalogue message, for readers in another language (src/i18n). */
  titleMessage: messageSchema.optional(),
  details: z.array(z.string()),
  /** The details as catalogue messages, one per detail line when present. */
  detailMessages: z.array(messageSchema).optional(),
  /** Labels (URLs or service names) of the targets involved. */
  targets: z.array(z.string()),
});
export type Finding = z.infer<typeof findingSchema>;
/** The same type under the name the stored-run code has used (a finding is stored as it is). */
export type FindingJson = Finding;

/**
 * What the run-level findings read of one result: a finding record (a few hundred bytes) that a
 * streaming pipeline keeps instead of the measurement: the target, the verdict's headline and the
 * facts the analysis decided beside it. `findingRecord` (src/findings/slim.ts) makes it.
 */
export const findingRecordSchema = z.object({
  label: z.string(),
  url: z.string(),
  kind: z.enum(['web', 'service']),
  role: z.enum(WEB_TARGET_ROLES),
  hostname: verdictFactsSchema.shape.hostname,
  verdict: verdictSchema.pick({ status: true, method: true, reason: true, reasonMessage: true, interceptionCa: true, untrustedIssuer: true, sniProof: true }),
  ...verdictFactsSchema.omit({ hostname: true }).shape,
});
export type FindingRecord = z.infer<typeof findingRecordSchema>;
