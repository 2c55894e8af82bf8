import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { RULES } from './rules.ts';

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
});
export type ConfigFile = z.infer<typeof configSchema>;

/** One setting: its name in the file (snake_case, dotted for nesting), its `run` option and flag. */
export interface ConfigKey {
  file: string;
  /** commander's camelCase option name. */
  option: string;
  flag: string;
}

/** Every setting the config file can hold, in the order `tekser config` shows them. */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  { file: 'lists', option: 'list', flag: '--list' },
  { file: 'resolver', option: 'resolver', flag: '--resolver' },
  { file: 'control_resolvers', option: 'controlResolver', flag: '--control-resolver' },
  { file: 'control_helper', option: 'controlHelper', flag: '--control-helper' },
  { file: 'ca_files', option: 'caFile', flag: '--ca-file' },
  { file: 'interception_cas', option: 'interceptionCas', flag: '--interception-cas' },
  { file: 'concurrency', option: 'concurrency', flag: '--concurrency' },
  { file: 'retries', option: 'retries', flag: '--retries' },
  { file: 'timeouts.dns', option: 'dnsTimeout', flag: '--dns-timeout' },
  { file: 'timeouts.tcp', option: 'tcpTimeout', flag: '--tcp-timeout' },
  { file: 'timeouts.tls', option: 'tlsTimeout', flag: '--tls-timeout' },
  { file: 'timeouts.http', option: 'httpTimeout', flag: '--http-timeout' },
  { file: 'timeouts.target', option: 'targetTimeout', flag: '--target-timeout' },
  { file: 'max_runtime', option: 'maxRuntime', flag: '--max-runtime' },
];

const pick = (c: ConfigFile, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), c);

/** Config keys mapped to the `run` options they set (commander's camelCase names). */
export const CONFIG_TO_OPTION: Record<string, (c: ConfigFile) => unknown> = Object.fromEntries(CONFIG_KEYS.map((k) => [k.option, (c: ConfigFile) => pick(c, k.file)]));

export class ConfigError extends Error {}

export function configPath(explicit: string | undefined, dataDir: string): string | null {
  if (explicit) return explicit;
  const p = join(dataDir, 'config.yaml');
  return existsSync(p) ? p : null;
}

/** A loaded config file: its settings and the line each setting is on (by file key, e.g. "timeouts.dns"). */
export type LoadedConfig = ConfigFile & { readonly [LINES]?: Record<string, number> };
export const LINES: unique symbol = Symbol('config lines');

/** The line of a setting in the file it was loaded from, when known. */
export function lineOf(config: LoadedConfig | null, fileKey: string): number | null {
  return config?.[LINES]?.[fileKey] ?? null;
}

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

export type ValueSource = 'flag' | 'config' | 'default';

/**
 * Merges the config file under the flags: a value given on the command line wins, then the config
 * file, then the built-in default. Returns the merged options and where each came from.
 */
export function applyConfig<T extends Record<string, unknown>>(
  opts: T,
  config: ConfigFile | null,
  isFromCli: (key: string) => boolean,
): { options: T; sources: Record<string, ValueSource> } {
  const options: Record<string, unknown> = { ...opts };
  const sources: Record<string, ValueSource> = {};
  for (const [key, pick] of Object.entries(CONFIG_TO_OPTION)) {
    const fromConfig = config ? pick(config) : undefined;
    if (isFromCli(key)) sources[key] = 'flag';
    else if (fromConfig !== undefined) {
      options[key] = fromConfig;
      sources[key] = 'config';
    } else sources[key] = 'default';
  }
  return { options: options as T, sources };
}
