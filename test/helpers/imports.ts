import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { REPO_ROOT } from './paths.ts';

export const SRC = join(REPO_ROOT, 'src');

/** Every non-test TypeScript file under src/, as a path relative to src/ ("analyze/web.ts"). */
export function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push(relative(SRC, p));
    }
  };
  walk(SRC);
  return out.sort();
}

export interface Import {
  /** As written: "node:net", "zod", "../model/run.ts". */
  specifier: string;
  /** For a relative import: the file it names, relative to src/ ("model/run.ts"); null for a package. */
  file: string | null;
  /** The names imported (empty for `import * as`, side-effect imports and re-exports of everything). */
  names: string[];
}

const STATIC = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** One src file's text with its comments stripped (an import named in a comment is no import). */
function sourceText(file: string): string {
  return readFileSync(join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Everything reachable from `start` by `next`, `start` included. */
function reachable(start: readonly string[], next: (f: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const n of next(f)) if (!seen.has(n)) todo.push(n);
  }
  return seen;
}

/** The imports (and re-exports) of one src file. Comments are stripped first. */
export function importsOf(file: string): Import[] {
  const text = sourceText(file);
  const out: Import[] = [];
  const add = (specifier: string, clause: string): void => {
    const file2 = specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : null;
    const names = /\{([^}]*)\}/.exec(clause)?.[1]?.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '').filter(Boolean) ?? [];
    out.push({ specifier, file: file2, names });
  };
  for (const m of text.matchAll(STATIC)) add(m[2] ?? '', m[1] ?? '');
  for (const m of text.matchAll(BARE)) add(m[1] ?? '', '');
  for (const m of text.matchAll(DYNAMIC)) add(m[1] ?? '', '');
  return out;
}

/** Every src file reachable from `start` through relative imports, `start` included. */
export function closure(start: readonly string[]): Set<string> {
  return reachable(start, (f) => importsOf(f).flatMap((i) => (i.file ? [i.file] : [])));
}

const RUNTIME_STATIC = /(?:^|\n)\s*(import|export)\s+(?!type[\s{*])([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/g;
/** A package required at load: a top-level `const … = createRequire(import.meta.url)('pkg')` (not one inside a function). */
const REQUIRED = /^(?:const|let)\s[^=]+=\s*\(?createRequire\(import\.meta\.url\)\(\s*['"]([^'"]+)['"]\s*\)/gm;

/**
 * What loading one src file loads before it runs: its static imports and re-exports that survive
 * compilation (not `import type` / `export type`: verbatimModuleSyntax drops exactly those), bare
 * imports, and packages it require()s at load (createRequire). Dynamic `import()` is not followed.
 */
export function runtimeImportsOf(file: string): string[] {
  const text = sourceText(file);
  const specs = [...[...text.matchAll(RUNTIME_STATIC)].map((m) => m[3] ?? ''), ...[...text.matchAll(BARE)].map((m) => m[1] ?? ''), ...[...text.matchAll(REQUIRED)].map((m) => m[1] ?? '')];
  return specs.map((s) => (s.startsWith('.') ? normalize(join(dirname(file), s)) : s));
}

/** Everything loaded with `start` before any of its code runs: src files (relative to src/) and package names. */
export function runtimeClosure(start: readonly string[]): Set<string> {
  return reachable(start, (f) => (f.endsWith('.ts') ? runtimeImportsOf(f) : []));
}
