import { z } from 'zod';
import { serviceSchema } from './service-list.ts';

/** What a web target is for: a target under test, or a canary (a neutral target shipped with the lists to detect allow-list regimes). */
export const WEB_TARGET_ROLES = ['target', 'canary'] as const;
export type WebTargetRole = (typeof WEB_TARGET_ROLES)[number];

/** A URL to test, with where it came from. */
export const webTargetSchema = z.object({
  kind: z.literal('web'),
  url: z.string(),
  category: z.string().nullable(),
  /** The list file and line it came from, or "command line". */
  source: z.string(),
  /** canary: a neutral target shipped with the lists to detect allow-list regimes; absent means target. */
  role: z.enum(WEB_TARGET_ROLES).optional(),
});
export type WebTarget = z.infer<typeof webTargetSchema>;

/** A messenger or circumvention service from a YAML service list. */
export const serviceTargetSchema = z.object({
  kind: z.literal('service'),
  service: serviceSchema,
  /** `service:<id>`: how the service is named in reports and deduplicated. */
  url: z.string(),
  source: z.string(),
});
export type ServiceTarget = z.infer<typeof serviceTargetSchema>;

export const targetSchema = z.discriminatedUnion('kind', [webTargetSchema, serviceTargetSchema]);
export type Target = z.infer<typeof targetSchema>;
