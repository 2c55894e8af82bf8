import { z } from 'zod';
import { LANGS, render } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';
import { RULE_WORDS as RULES } from './rules.ts';

// The config file's schema (zod). keys.ts needs only its type, so a run without a config file loads no zod.

/** A zod check from a shared rule (rules.ts), so the file and the flags accept the same values. */
const rule = <T extends z.ZodType>(schema: T, check: (v: unknown) => Message | null) =>
  schema.superRefine((v, ctx) => {
    const problem = check(v);
    // The message in English for zod, and as a message (params.why) for config/problems.ts to say in the reader's language.
    if (problem) ctx.addIssue({ code: 'custom', message: render('en', problem), params: { why: problem } });
  });
const seconds = rule(z.number(), RULES.seconds);

/** The config file (YAML): defaults for `tekser run`; command-line flags override it. */
export const configSchema = z.strictObject({
  lists: z.array(z.string()).optional(),
  resolver: rule(z.string(), RULES.resolver).optional(),
  control_resolvers: z.array(rule(z.string(), RULES.controlResolver)).optional(),
  /** One helper, or several for failover (as --control-helper repeated). */
  control_helper: z.union([rule(z.string(), RULES.helperUrl), z.array(rule(z.string(), RULES.helperUrl))]).optional(),
  ca_files: z.array(z.string()).optional(),
  interception_cas: z.array(z.string()).optional(),
  concurrency: rule(z.number(), RULES.positiveInt).optional(),
  retries: rule(z.number(), RULES.retries).optional(),
  timeouts: z
    .strictObject({
      dns: seconds.optional(),
      tcp: seconds.optional(),
      tls: seconds.optional(),
      http: seconds.optional(),
      target: seconds.optional(),
    })
    .optional(),
  max_runtime: seconds.optional(),
  /** The network this probe measures from (never its address): written into every run record. */
  network: z
    .strictObject({
      asn: rule(z.union([z.number(), z.string()]), RULES.asn).optional(),
      cc: rule(z.string(), RULES.countryCode).optional(),
      name: rule(z.string(), RULES.networkName).optional(),
      /** Ask the control helper for the AS and country it sees this machine in (never the address). */
      from_helper: z.boolean().optional(),
    })
    .optional(),
  /** The fleet's database that `tekser push` and `run --push` write to. */
  fleet_url: rule(z.string(), RULES.fleetUrl).optional(),
  /** The language tekser speaks (--lang wins; else LC_ALL, LC_MESSAGES, LANG). */
  lang: z.enum(LANGS).optional(),
});
export type ConfigFile = z.infer<typeof configSchema>;
