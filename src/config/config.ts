import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { cannotRead, ConfigError } from '../errors.ts';
import { CONFIG_KEYS, LINES, type LoadedConfig } from './keys.ts';
import { configSchema } from './schema.ts';

// The config file's reader (yaml, zod): loaded only when there is a config file.
export { configSchema, type ConfigFile } from './schema.ts';

/** Reads and validates a config file; errors say file and line. */
export function loadConfig(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: ${cannotRead(err)}`);
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
