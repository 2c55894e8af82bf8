import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';

/** The config file (YAML): defaults for `tekser run`; command-line flags override it. */
export const configSchema = z.strictObject({
  lists: z.array(z.string()).optional(),
  resolver: z.string().optional(),
  control_resolvers: z.array(z.string()).optional(),
  control_helper: z.string().optional(),
  ca_files: z.array(z.string()).optional(),
  interception_cas: z.array(z.string()).optional(),
  concurrency: z.number().int().min(1).optional(),
  retries: z.number().int().min(0).max(5).optional(),
  timeouts: z
    .strictObject({
      dns: z.number().positive().optional(),
      tcp: z.number().positive().optional(),
      tls: z.number().positive().optional(),
      http: z.number().positive().optional(),
      target: z.number().positive().optional(),
    })
    .optional(),
  max_runtime: z.number().positive().optional(),
});
export type ConfigFile = z.infer<typeof configSchema>;

/** Config keys mapped to the `run` options they set (commander's camelCase names). */
export const CONFIG_TO_OPTION: Record<string, (c: ConfigFile) => unknown> = {
  list: (c) => c.lists,
  resolver: (c) => c.resolver,
  controlResolver: (c) => c.control_resolvers,
  controlHelper: (c) => c.control_helper,
  caFile: (c) => c.ca_files,
  interceptionCas: (c) => c.interception_cas,
  concurrency: (c) => c.concurrency,
  retries: (c) => c.retries,
  dnsTimeout: (c) => c.timeouts?.dns,
  tcpTimeout: (c) => c.timeouts?.tcp,
  tlsTimeout: (c) => c.timeouts?.tls,
  httpTimeout: (c) => c.timeouts?.http,
  targetTimeout: (c) => c.timeouts?.target,
  maxRuntime: (c) => c.max_runtime,
};

export class ConfigError extends Error {}

export function configPath(explicit: string | undefined, dataDir: string): string | null {
  if (explicit) return explicit;
  const p = join(dataDir, 'config.yaml');
  return existsSync(p) ? p : null;
}

/** Reads and validates a config file; errors say file and line. */
export function loadConfig(file: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new ConfigError(`${file}:${doc.errors[0]?.linePos?.[0]?.line ?? 1}: YAML syntax error`);
  const parsed = configSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const node = doc.getIn((issue?.path ?? []) as unknown[], true) as { range?: [number] } | undefined;
    throw new ConfigError(`${file}:${node?.range ? lc.linePos(node.range[0]).line : 1}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message}`);
  }
  return parsed.data;
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
