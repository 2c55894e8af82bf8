import { accessSync, constants, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { fsProblem } from '../errors.ts';
import { didYouMean, keyPlace, valuePlace, type Place } from '../lists/yaml-words.ts';
import { CONFIG_KEYS } from './keys.ts';
import type { ConfigFile } from './schema.ts';

// Every problem of a config file at once, each at its own key's line, in tekser's words.

type Path = readonly (string | number)[];

/** "file:line": each setting has a line of its own (the column is given for YAML syntax errors, where it matters). */
const at = (file: string, place: Place): string => `${file}:${place.line}`;

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
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a set of keys';
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return `the text "${String(v)}"`;
}

const WANTED: Readonly<Record<string, (v: unknown) => string>> = {
  array: (v) => `give a list: [${typeof v === 'string' ? v : 'a, b'}], or one "- item" per line`,
  string: () => 'give text (a URL, a path or a name)',
  number: () => 'give a number',
  object: () => 'give its settings indented under it',
};

/** One zod issue in words, with the key it is about. */
function issueWords(issue: z.core.$ZodIssue, json: unknown): string {
  if (issue.code === 'invalid_type') {
    const v = valueAt(json, issue.path as Path);
    return `is ${kindOf(v)}; ${WANTED[issue.expected]?.(v) ?? `give ${issue.expected}`}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/** Every schema problem, each "file:line: key: words", the unknown keys at their own line with the nearest setting. */
export function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[], json: unknown, doc: Document, lc: LineCounter): string[] {
  const out: Array<{ line: number; col: number; text: string }> = [];
  for (const issue of issues) {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const place = keyPlace(doc, lc, path, key) ?? { line: 1, col: 1 };
        const name = [...path, key].join('.');
        out.push({ ...place, text: `${at(file, place)}: ${name}: not a setting${didYouMean(key, knownKeysAt(path))}` });
      }
      continue;
    }
    const place = settingPlace(doc, lc, path);
    out.push({ ...place, text: `${at(file, place)}: ${path.join('.') || '(top level)'}: ${issueWords(issue, json)}` });
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
function unreadable(path: string): string | null {
  try {
    if (statSync(path).isDirectory()) return 'cannot read: this is a directory (EISDIR)';
    accessSync(path, constants.R_OK);
    return null;
  } catch (err) {
    return `cannot read: ${fsProblem(err)}`;
  }
}

/** Every file a setting names that `run` could not read, at its line in the config file. */
export function pathProblems(file: string, written: ConfigFile, resolved: ConfigFile, doc: Document, lc: LineCounter): string[] {
  const out: string[] = [];
  for (const key of PATH_KEYS) {
    (resolved[key] ?? []).forEach((path, i) => {
      const problem = unreadable(path);
      const as = written[key]?.[i] ?? path;
      if (problem) out.push(`${at(file, valuePlace(doc, lc, [key, i]))}: ${key}: ${as}${as === path ? '' : ` (${path})`}: ${problem}`);
    });
  }
  return out;
}
