import { accessSync, constants, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { msg, verbatim } from '../i18n/index.ts';
import { cannotReadMessage } from '../i18n/said.ts';
import type { Message } from '../model/message.ts';
import { meanMessage, keyPlace, valuePlace, type Place } from '../lists/yaml-words.ts';
import { CONFIG_KEYS } from './keys.ts';
import type { ConfigFile } from './schema.ts';

// Every problem of a config file at once, each at its own key's line, in tekser's words.

type Path = readonly (string | number)[];

/** "file:line: name: problem": each setting has a line of its own (the column is given for YAML syntax errors, where it matters). */
const at = (file: string, place: Place, name: string | Message, problem: Message): Message => msg('err.config.at', { file, line: place.line, name, problem });

/** Where a setting's problem is shown: its key's own line, or for a list item the item's line. */
function settingPlace(doc: Document, lc: LineCounter, path: Path): Place {
  const last = path[path.length - 1];
  if (typeof last === 'string') return keyPlace(doc, lc, path.slice(0, -1), last) ?? valuePlace(doc, lc, path);
  return valuePlace(doc, lc, path);
}

/** The setting names that can stand at `path` ("" for the top level, "timeouts" under timeouts:). */
function knownKeysAt(path: Path): string[] {
  const prefix = path.length ? `${path.join('.')}.` : '';
  return [...new Set(CONFIG_KEYS.filter((k) => k.file.startsWith(prefix)).map((k) => k.file.slice(prefix.length).split('.')[0] as string))];
}

/** The value a path points to in the parsed file. */
function valueAt(json: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), json);
}

/** What a YAML value is, in words. */
function kindOf(v: unknown): Message {
  if (v === null || v === undefined) return msg('err.config.kind.empty');
  if (Array.isArray(v)) return msg('err.config.kind.list');
  if (typeof v === 'object') return msg('err.config.kind.keys');
  if (typeof v === 'number') return msg('err.config.kind.number', { n: v });
  if (typeof v === 'boolean') return msg('err.config.kind.bool', { value: `${v}` });
  return msg('err.config.kind.text', { text: String(v) });
}

const WANTED: Readonly<Record<string, (v: unknown) => Message>> = {
  array: (v) => msg('err.config.want.array', { example: typeof v === 'string' ? v : 'a, b' }),
  string: () => msg('err.config.want.string'),
  number: () => msg('err.config.want.number'),
  object: () => msg('err.config.want.object'),
};

/** One zod issue in words, with the key it is about: a rule's own message (rules.ts) when the issue carries one. */
function issueWords(issue: z.core.$ZodIssue, json: unknown): Message {
  if (issue.code === 'invalid_type') {
    const v = valueAt(json, issue.path as Path);
    return msg('err.config.is', { kind: kindOf(v), want: WANTED[issue.expected]?.(v) ?? msg('err.config.want.other', { expected: issue.expected }) });
  }
  const why = issue.code === 'custom' ? (issue.params as { why?: Message } | undefined)?.why : undefined;
  return why ?? verbatim(issue.message.replace(/^Invalid input: /, ''));
}

/** Every schema problem, each "file:line: key: words", the unknown keys at their own line with the nearest setting. */
export function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[], json: unknown, doc: Document, lc: LineCounter): Message[] {
  const out: Array<{ line: number; col: number; text: Message }> = [];
  for (const issue of issues) {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const place = keyPlace(doc, lc, path, key) ?? { line: 1, col: 1 };
        const name = [...path, key].join('.');
        out.push({ ...place, text: at(file, place, name, msg('err.config.not-setting', { mean: meanMessage(key, knownKeysAt(path)) })) });
      }
      continue;
    }
    const place = settingPlace(doc, lc, path);
    out.push({ ...place, text: at(file, place, path.join('.') || msg('err.config.top-level'), issueWords(issue, json)) });
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col).map((p) => p.text);
}

/** The settings that name files: resolved from the config file's own directory, as cron starts elsewhere. */
const PATH_KEYS = ['lists', 'ca_files', 'interception_cas'] as const;

/** Relative paths in the file, made absolute from the file's directory. */
export function resolvePaths(config: ConfigFile, file: string): ConfigFile {
  const base = dirname(resolve(file));
  const out: ConfigFile = { ...config };
  for (const key of PATH_KEYS) {
    const paths = config[key];
    if (paths) out[key] = paths.map((p) => (isAbsolute(p) ? p : resolve(base, p)));
  }
  return out;
}

/** Why a file a setting names cannot be read, or null. */
function unreadable(path: string): Message | null {
  try {
    if (statSync(path).isDirectory()) return cannotReadMessage({ code: 'EISDIR' });
    accessSync(path, constants.R_OK);
    return null;
  } catch (err) {
    return cannotReadMessage(err);
  }
}

/** Every file a setting names that `run` could not read, at its line in the config file. */
export function pathProblems(file: string, written: ConfigFile, resolved: ConfigFile, doc: Document, lc: LineCounter): Message[] {
  const out: Message[] = [];
  for (const key of PATH_KEYS) {
    (resolved[key] ?? []).forEach((path, i) => {
      const problem = unreadable(path);
      const as = written[key]?.[i] ?? path;
      const what = as === path ? msg('err.config.path', { path, problem: problem ?? '' }) : msg('err.config.path-resolved', { as, path, problem: problem ?? '' });
      if (problem) out.push(at(file, valuePlace(doc, lc, [key, i]), key, what));
    });
  }
  return out;
}
