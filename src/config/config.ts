import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../errors.ts';
import { msg } from '../i18n/index.ts';
import { cannotReadMessage, said } from '../i18n/said.ts';
import type { Message } from '../model/message.ts';
import { at, yamlErrorWords } from '../lists/yaml-words.ts';
import { CONFIG_KEYS, LINES, type LoadedConfig } from './keys.ts';
import { pathProblems, resolvePaths, schemaProblems } from './problems.ts';
import { configSchema } from './schema.ts';

// The config file's reader (yaml, zod): loaded only when there is a config file.
export { configSchema, type ConfigFile } from './schema.ts';

/** The problems one under the other, indented: a chain of messages, each in the reader's language. */
function lines(problems: readonly Message[]): Message {
  const [first, ...rest] = problems as [Message, ...Message[]];
  return rest.length ? msg('err.config.then', { first, rest: lines(rest) }) : first;
}

/** Every problem at once: one line for one, a count and the list for several. */
function fail(file: string, problems: readonly Message[]): never {
  throw new ConfigError(said(problems.length === 1 ? (problems[0] as Message) : msg('err.config.problems', { file, count: problems.length, lines: lines(problems) })));
}

function readConfigText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(said(msg('err.at-file', { file, problem: cannotReadMessage(err) })));
  }
}

/** The file as plain values (an empty file is no settings), or every YAML syntax problem at its place. */
function parseYaml(file: string, doc: Document): unknown {
  if (doc.errors.length) fail(file, doc.errors.map((e) => yamlErrorWords(e)).map(({ place, why }) => msg('err.config.yaml', { place: at(file, place), problem: why as Message })));
  try {
    // A config file needs no aliases to speak of: a cap keeps an alias bomb from eating memory.
    return doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (err) {
    throw new ConfigError(said(msg('cli.err.config-yaml', { file, problem: (err as Error).message })));
  }
}

/** The line each setting is on (by file key, e.g. "timeouts.dns"). */
function settingLines(doc: Document, lc: LineCounter): Record<string, number> {
  const lines: Record<string, number> = {};
  for (const k of CONFIG_KEYS) {
    const node = doc.getIn(k.file.split('.'), true) as { range?: [number] } | undefined;
    if (node?.range) lines[k.file] = lc.linePos(node.range[0]).line;
  }
  return lines;
}

/**
 * Reads and validates a config file: every problem at once, each at its key's line, with the
 * nearest setting for a misspelt one. Paths are resolved from the file's own directory and must be
 * readable, so `tekser config` checks what `tekser run` would.
 */
export function loadConfig(file: string): LoadedConfig {
  const lc = new LineCounter();
  const doc = parseDocument(readConfigText(file), { lineCounter: lc });
  const json = parseYaml(file, doc);
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) fail(file, schemaProblems(file, parsed.error.issues, json, doc, lc));
  const resolved = resolvePaths(parsed.data, file);
  const missing = pathProblems(file, parsed.data, resolved, doc, lc);
  if (missing.length) fail(file, missing);
  return Object.assign(resolved, { [LINES]: settingLines(doc, lc) });
}
