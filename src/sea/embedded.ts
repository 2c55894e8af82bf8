import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The single executable's files (src/sea/, built by bin/build-sea.mjs). tekser reads its shipped
 * lists and its version from files beside its code (`new URL('../../test-lists/kz.csv',
 * import.meta.url)`). Node 20's single executables carry one script and no other files (SEA assets
 * came in Node 21.7), so the build puts those files into the script (`__TEKSER_EMBEDDED__`, the JSON
 * of a path → text table) and gives each module an `import.meta.url` under a directory holding them:
 * written once per version and content into the user's cache directory, then only read.
 */
declare const __TEKSER_EMBEDDED__: string | undefined;

/** Where a user's cache lives: XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows. */
export function cacheHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches');
  return env.XDG_CACHE_HOME || join(homedir(), '.cache');
}

let root: string | null = null;

/** Writes the embedded files to a fresh directory, then moves it into place whole (a crash never leaves half a tree). */
function unpack(dir: string, files: Record<string, string>): void {
  const partial = `${dir}.partial-${process.pid}`;
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(partial, rel)), { recursive: true });
    writeFileSync(join(partial, rel), text);
  }
  try {
    renameSync(partial, dir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(dir)) throw err;
  }
}

function embeddedRoot(): string {
  if (root) return root;
  if (typeof __TEKSER_EMBEDDED__ === 'undefined') throw new Error('src/sea/embedded.ts is for the single executable (npm run build:sea)');
  const { id, files } = JSON.parse(__TEKSER_EMBEDDED__) as { id: string; files: Record<string, string> };
  for (const base of [cacheHome(), tmpdir()]) {
    const dir = join(base, 'tekser', `files-${id}`);
    try {
      if (!existsSync(join(dir, 'package.json'))) unpack(dir, files);
      return (root = dir);
    } catch {
      // Not writable (a read-only home): the next place.
    }
  }
  throw new Error('tekser: cannot write its shipped lists anywhere (the cache directory and the temporary directory are not writable)');
}

/** `import.meta.url` of the module that was `rel` (a path from the package root, e.g. src/version.ts) in the source tree. */
export function __tekserModuleUrl(rel: string): string {
  return pathToFileURL(join(embeddedRoot(), rel)).href;
}
