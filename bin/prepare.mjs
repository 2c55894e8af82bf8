// npm's `prepare`: builds dist/ when tekser is installed from git (`npm install github:…`), from a
// directory (`npm install /path`), or by `npm install` / `npm ci` in a clone. Where TypeScript is not
// installed (`npm ci --omit=dev` after a build) it says so and leaves dist/ as it is, never failing
// the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = process.cwd();
let tsc;
try {
  tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  const built = existsSync(join(root, 'dist', 'cli', 'main.js'));
  process.stderr.write(`tekser: TypeScript is not installed (--omit=dev?): not building; ${built ? 'using the existing dist/' : 'run `npm install` (with dev dependencies) to build'}\n`);
  process.exit(0);
}
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
