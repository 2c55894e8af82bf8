import { said } from '../i18n/said.ts';
import { msg } from '../i18n/index.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, normalize, relative } from 'node:path';
import { UsageError } from '../errors.ts';

/**
 * `changed-only`: which lists a pull request touches, against its base branch. The global list is
 * still linted (its own duplicates) and every changed local list is checked against it; when the
 * global list or a category legend changes, every list depends on it, so all are linted.
 */
export interface ChangedSelection {
  /** What to lint: the changed lists and the global list, or the configured paths (all). */
  paths: string[];
  /** The base commit compared against; null when the event has none (then everything is linted). */
  base: string | null;
  /** The changed lists among the linted paths. */
  changed: string[];
  /** Why everything is linted, when it is. */
  all: string | null;
}

const LIST_EXTENSIONS = new Set(['.csv', '.yaml', '.yml']);
const isList = (file: string): boolean => LIST_EXTENSIONS.has(extname(file).toLowerCase()) && !basename(file).startsWith('.');

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

/** The commit a pull request is compared against (its base), or what a push replaced. */
export function baseCommitOf(eventPath: string | undefined): string | null {
  if (!eventPath || !existsSync(eventPath)) return null;
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { base?: { sha?: string } }; before?: string };
  const sha = event.pull_request?.base?.sha ?? event.before ?? null;
  return sha && /^[0-9a-f]{40}$/.test(sha) && !/^0+$/.test(sha) ? sha : null;
}

/** The base commit in this clone: fetched (one commit deep) when a shallow checkout lacks it. */
function haveCommit(cwd: string, sha: string): void {
  if (git(cwd, ['cat-file', '-e', `${sha}^{commit}`]).ok) return;
  git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
  if (!git(cwd, ['cat-file', '-e', `${sha}^{commit}`]).ok) {
    throw new UsageError(said(msg('cli.err.action-no-base', { sha: sha.slice(0, 12) })));
  }
}

/** Files added or modified since the merge base with `sha` (renamed ones count as added), relative to cwd. */
export function changedFiles(cwd: string, sha: string): string[] {
  haveCommit(cwd, sha);
  const mergeBase = git(cwd, ['merge-base', sha, 'HEAD']);
  const from = mergeBase.ok ? mergeBase.out.trim() : sha;
  const diff = git(cwd, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', from, 'HEAD', '--']);
  if (!diff.ok) throw new UsageError(said(msg('cli.err.action-diff', { sha: sha.slice(0, 12), tool: 'git diff' })));
  const top = git(cwd, ['rev-parse', '--show-toplevel']).out.trim() || cwd;
  return diff.out
    .split('\0')
    .filter((f) => f !== '')
    .map((f) => relative(cwd, join(top, f)));
}

/** Whether `file` is linted by one of `paths` (a file itself, or a list directly inside a directory: not recursive, like `tekser lint`). */
function coveredBy(file: string, paths: readonly string[]): boolean {
  const f = normalize(file);
  return paths.some((p) => normalize(p) === f || normalize(dirname(f)) === normalize(p));
}

export function selectChanged(cwd: string, paths: readonly string[], globalFile: string | null, eventPath: string | undefined): ChangedSelection {
  const base = baseCommitOf(eventPath);
  if (!base) return { paths: [...paths], base: null, changed: [], all: 'the event names no base commit' };
  const changed = changedFiles(cwd, base).filter((f) => isList(f) && coveredBy(f, paths));
  const isGlobal = (f: string): boolean => (globalFile ? normalize(f) === normalize(globalFile) : basename(f) === 'global.csv');
  const legend = changed.find((f) => basename(f).startsWith('00-'));
  const global = changed.find(isGlobal);
  if (legend || global) return { paths: [...paths], base, changed, all: `${legend ?? global} changed, and every list depends on it` };
  const lists = changed.filter((f) => existsSync(f));
  const globals = globalFile ? [globalFile] : [...new Set(lists.map((f) => join(dirname(f), 'global.csv')))].filter((g) => existsSync(g));
  return { paths: lists.length ? [...new Set([...lists, ...globals])].sort() : [], base, changed: lists, all: null };
}
