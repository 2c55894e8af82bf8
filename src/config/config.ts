import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { RULES } from './rules.ts';
import { CONFIG_KEYS, ConfigError, LINES, type LoadedConfig } from './keys.ts';

// The config file's schema and reader (yaml, zod): loaded only when there is a config file.
export * from './keys.ts';

/** A zod check from a shared rule (rules.ts), so the file and the flags accept the same values. */
const rule = <T extends z.ZodType>(schema: T, check: (v: unknown) => string | null) =>
  schema.superRefine((v, ctx) => {
    const problem = check(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
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
    })
    .optional(),
  /** The fleet's database that `tekser push` and `run --push` write to. */
  fleet_url: rule(z.string(), RULES.fleetUrl).optional(),
});
export type ConfigFile = z.infer<typeof configSchema>;

/** Reads and validates a config file; errors say file and line. */
export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'this is a directory' : (code ?? String(err))}`);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new ConfigError(`${file}:${doc.errors[0]?.linePos?.[0]?.line ?? 1}: YAML syntax error`);
  let json: unknown;
  try {
    // A config file needs no aliases to speak of: a cap keeps an alias bomb from eating memory.
    json = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (err) {
    throw new ConfigError(`${file}: YAML: ${(err as Error).message}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const node = doc.getIn((issue?.path ?? []) as unknown[], true) as { range?: [number] } | undefined;
    throw new ConfigError(`${file}:${node?.range ? lc.linePos(node.range[0]).line : 1}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}`);
  }
  const lines: Record<string, number> = {};
  for (const k of CONFIG_KEYS) {
    const node = doc.getIn(k.file.split('.'), true) as { range?: [number] } | undefined;
    if (node?.range) lines[k.file] = lc.linePos(node.range[0]).line;
  }
  return Object.assign(parsed.data, { [LINES]: lines });
}
