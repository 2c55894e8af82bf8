import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigFile } from './schema.ts';

// The config file's keys, where it is, and how it merges under the flags: what a run needs when
// there is no config file, without yaml and zod (config.ts, the reader, and schema.ts load only for a file).

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
  { file: 'network.asn', option: 'networkAsn', flag: '--network-asn' },
  { file: 'network.cc', option: 'networkCc', flag: '--network-cc' },
  { file: 'network.name', option: 'networkName', flag: '--network-name' },
  { file: 'network.from_helper', option: 'networkFromHelper', flag: '--network-from-helper' },
  { file: 'fleet_url', option: 'fleetUrl', flag: '--fleet-url' },
  { file: 'lang', option: 'lang', flag: '--lang' },
];

const pick = (c: ConfigFile, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), c);

/** Config keys mapped to the `run` options they set (commander's camelCase names). */
export const CONFIG_TO_OPTION: Record<string, (c: ConfigFile) => unknown> = Object.fromEntries(CONFIG_KEYS.map((k) => [k.option, (c: ConfigFile) => pick(c, k.file)]));

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
