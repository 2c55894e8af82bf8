import { said } from '../i18n/said.ts';
import { msg } from '../i18n/index.ts';
import { UsageError } from '../errors.ts';
import type { LintFormat } from '../lint/format.ts';

/**
 * The GitHub Action's inputs (action.yml), read from the environment the way its lint step passes
 * them (`INPUT_<NAME>`, dashes as underscores; action.yml sets each from `inputs.*` in the step's env, never inside the
 * script, so a list name cannot inject shell).
 */
export const ACTION_FORMATS = ['annotations', 'text', 'json', 'sarif'] as const;
export type ActionFormat = (typeof ACTION_FORMATS)[number];
export const FAIL_ON = ['errors', 'warnings'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  /** Lists and directories to lint, relative to the workspace. */
  paths: string[];
  /** The global list; empty: global.csv beside each list, as `tekser lint` does. */
  global: string | null;
  format: ActionFormat;
  /** Where to write a SARIF file as well (for code scanning); null: none. */
  sarif: string | null;
  failOn: FailOn;
  changedOnly: boolean;
}

const input = (env: NodeJS.ProcessEnv, name: string): string => (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim();

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(said(msg('cli.err.action-choice', { name, value, allowed: allowed.join(', ') })));
}

function yesNo(name: string, value: string): boolean {
  if (value === '' || /^(false|no|0)$/i.test(value)) return false;
  if (/^(true|yes|1)$/i.test(value)) return true;
  throw new UsageError(said(msg('cli.err.action-yes-no', { name, value, yes: 'true', no: 'false' })));
}

/** Paths are separated by new lines or spaces (a YAML block list or one line). */
export function splitPaths(value: string): string[] {
  return value.split(/\s+/).filter((p) => p !== '');
}

export function readActionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const paths = splitPaths(input(env, 'paths'));
  return {
    paths: paths.length ? paths : ['lists'],
    global: input(env, 'global') || null,
    format: oneOf('format', input(env, 'format'), ACTION_FORMATS, 'annotations'),
    sarif: input(env, 'sarif') || null,
    failOn: oneOf('fail-on', input(env, 'fail-on'), FAIL_ON, 'errors'),
    changedOnly: yesNo('changed-only', input(env, 'changed-only')),
  };
}

/** The `tekser lint` format that prints `format` in the job's log. */
export function lintFormatOf(format: ActionFormat): LintFormat {
  return format === 'annotations' ? 'github' : format;
}
