import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Message } from '../model/message.ts';
import { msg, render } from '../i18n/index.ts';
import { fsProblemMessage } from '../i18n/said.ts';

/** Where results live by default: XDG on Linux, the usual places on macOS and Windows. */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.TEKSER_DATA_DIR) return env.TEKSER_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'tekser');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'tekser');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'tekser');
}

/** What keeps `path` from being listed, in words; null when it can be, or does not exist. */
function unlistable(path: string): Message | null {
  try {
    readdirSync(path);
    return null;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : msg('err.data-dir.unreadable', { problem: fsProblemMessage(err) });
  }
}

/**
 * What keeps `dir` from being a data directory, in words; null when it is one or can be created.
 * A directory this user cannot read is a problem, never an empty history.
 */
export function dataDirProblem(dir: string): string | null {
  const m = dataDirProblemMessage(dir);
  return m && render('en', m);
}

/** dataDirProblem as a message, for the reader's language. */
export function dataDirProblemMessage(dir: string): Message | null {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? null : msg('err.data-dir.unreadable', { problem: fsProblemMessage(err) }); // missing: created when a run is saved
  }
  if (!isDir) return msg('err.data-dir.file');
  return unlistable(dir) ?? unlistable(join(dir, 'runs'));
}

/** How deep a data directory may be nested below its nearest existing parent. */
const MAX_NEW_LEVELS = 64;

/**
 * Creates `dir` and its missing parents one level at a time (never Node's recursive mkdir, which
 * loops forever on paths like /proc/self/x): either it exists afterwards or this throws the first
 * file-system error, at once.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); missing.length <= MAX_NEW_LEVELS; d = dirname(d)) {
    try {
      if (statSync(d).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(d) === d) throw err;
      missing.unshift(d);
    }
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
