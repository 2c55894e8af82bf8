import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where results live by default: XDG on Linux, the usual places on macOS and Windows. */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.TEKSER_DATA_DIR) return env.TEKSER_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'tekser');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'tekser');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'tekser');
}
