import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where results live by default: XDG on Linux, the usual places on macOS and Windows. */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.TEKSER_DATA_DIR) return env.TEKSER_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'tekser');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'tekser');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'tekser');
}

/** What keeps `dir` from being a data directory, in words; null when it is one or can be created. */
export function dataDirProblem(dir: string): string | null {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return null; // missing: created when a run is saved
  }
  return isDir ? null : 'this is a file, not a directory (give a directory, or remove the file)';
}
