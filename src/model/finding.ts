import { z } from 'zod';

export const FINDING_KINDS = ['no-connectivity', 'allow-list', 'collateral', 'sni-filtering', 'state-mitm', 'suspected-mitm', 'throttling'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A statement about the run as a whole, with the evidence behind it. */
export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  /** One line, in words an activist can act on. */
  title: z.string(),
  details: z.array(z.string()),
  /** Labels (URLs or service names) of the targets involved. */
  targets: z.array(z.string()),
});
export type Finding = z.infer<typeof findingSchema>;
/** The same type under the name the stored-run code has used (a finding is stored as it is). */
export type FindingJson = Finding;
