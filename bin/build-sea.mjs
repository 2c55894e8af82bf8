// `npm run build:sea`: tekser as one executable file (Node's single executable applications) for the
// system it runs on: dist/sea/tekser (tekser.exe on Windows). Needs the devDependencies esbuild (to
// bundle the ESM source and its dependencies into one CommonJS script, which is what a Node 20
// single executable runs) and postject (to put that script into a copy of this node binary).
//
//   1. esbuild: src/sea/entry.ts and everything it imports → dist/sea/tekser.cjs. Each module's
//      `import.meta.url` becomes a URL under a directory of the shipped files (src/sea/embedded.ts),
//      `createRequire(import.meta.url)('pkg')` a plain require that esbuild bundles.
//   2. node --experimental-sea-config → dist/sea/sea-prep.blob.
//   3. copy process.execPath, inject the blob (postject), and on macOS re-sign it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR: somewhere else than dist/sea (the test builds into a temporary directory).
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? resolve(process.argv[outFlag + 1] ?? '') : join(root, 'dist', 'sea');
const requireHere = createRequire(join(root, 'package.json'));
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function need(name) {
  try {
    return requireHere(name);
  } catch {
    process.stderr.write(`build:sea: ${name} is not installed (a devDependency: npm install)\n`);
    process.exit(2);
  }
}

/** The files tekser reads beside its code at run time: its version and the shipped lists. */
function embeddedFiles() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const files = { 'package.json': JSON.stringify({ name: pkg.name, version: pkg.version }) };
  for (const name of readdirSync(join(root, 'test-lists')).sort()) files[`test-lists/${name}`] = readFileSync(join(root, 'test-lists', name), 'utf8');
  const id = `${pkg.version}-${createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 12)}`;
  return { id, files };
}

/** esbuild plugin: per-module import.meta.url, and bundled requires. */
const moduleUrls = {
  name: 'tekser-module-urls',
  setup(build) {
    build.onLoad({ filter: /[/\\]src[/\\].*\.ts$/ }, (args) => {
      const rel = relative(root, args.path).split('\\').join('/');
      const contents = readFileSync(args.path, 'utf8')
        .replace(/createRequire\(import\.meta\.url\)\(/g, 'require(')
        .replace(/import\.meta\.url/g, `__tekserModuleUrl(${JSON.stringify(rel)})`);
      return { contents, loader: 'ts' };
    });
  },
};

async function bundle() {
  const esbuild = need('esbuild');
  const script = join(out, 'tekser.cjs');
  await esbuild.build({
    entryPoints: [join(root, 'src', 'sea', 'entry.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    inject: [join(root, 'src', 'sea', 'embedded.ts')],
    define: { __TEKSER_EMBEDDED__: JSON.stringify(JSON.stringify(embeddedFiles())) },
    plugins: [moduleUrls],
    legalComments: 'eof',
    logLevel: 'warning',
  });
  return script;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`build:sea: ${cmd} ${args.join(' ')} failed\n`);
    process.exit(1);
  }
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const script = await bundle();
  const blob = join(out, 'sea-prep.blob');
  const config = join(out, 'sea-config.json');
  writeFileSync(config, JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true }));
  run(process.execPath, ['--experimental-sea-config', config]);
  const exe = join(out, process.platform === 'win32' ? 'tekser.exe' : 'tekser');
  copyFileSync(process.execPath, exe);
  chmodSync(exe, 0o755);
  if (process.platform === 'darwin') run('codesign', ['--remove-signature', exe]);
  const { inject } = need('postject');
  await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE, ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}) });
  if (process.platform === 'darwin') run('codesign', ['--sign', '-', exe]);
  process.stdout.write(`build:sea: ${relative(root, exe)}\n`);
}

await main();
