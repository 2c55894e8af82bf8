import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionSpans, longFunctions, MAX_FUNCTION_LINES } from './helpers/functions.ts';
import { importsOf, SRC, sourceFiles } from './helpers/imports.ts';

/**
 * The house rules of issue #19, as tests: no import circles (type imports count), no import from a
 * lower layer to a higher one, no function longer than MAX_FUNCTION_LINES, and host/port spelled only
 * in src/net/endpoint.ts.
 */

const files = sourceFiles();

/** Relative imports of each src file (type imports and re-exports included), to files that exist. */
const edges = new Map(files.map((f) => [f, [...new Set(importsOf(f).flatMap((i) => (i.file && files.includes(i.file) ? [i.file] : [])))]]));

/** Strongly connected components of more than one file (Tarjan's algorithm), each sorted. */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/**
 * The floors of the house, bottom up. A file may import its own folder and any lower floor, never a
 * higher one. Folders on the same floor do not import each other unless listed in SIDEWAYS.
 */
export const FLOORS: readonly (readonly string[])[] = [
  ['errors.ts', 'version.ts', 'words.ts'],
  ['model/'],
  ['i18n/'],
  ['data/', 'net/'],
  ['lists/'],
  ['helper/', 'analyze/', 'lint/'],
  ['measure/', 'findings/'],
  ['report/'],
  ['store/', 'config/'],
  ['ingest/'],
  ['pipeline.ts', 'fleet/'],
  ['cli/'],
  // Entries beside the CLI: the GitHub Action's lint step, the single executable's start.
  ['action/', 'sea/'],
  ['index.ts'],
];
const roomOf = (f: string): string => FLOORS.flat().find((r) => (r.endsWith('/') ? f.startsWith(r) : f === r)) ?? f;
const floorOf = (f: string): number => FLOORS.findIndex((rooms) => rooms.includes(roomOf(f)));

describe('the house (issue #19)', () => {
  it('every src file stands on a floor', () => {
    expect(files.filter((f) => floorOf(f) < 0)).toEqual([]);
  });

  it('has no import circles, type imports included', () => {
    expect(circles(edges)).toEqual([]);
    // The check finds a circle when there is one.
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });

  it('no file imports a higher floor, or a sibling room of its own floor', () => {
    const bad = [...edges].flatMap(([f, to]) =>
      to.filter((t) => floorOf(t) > floorOf(f) || (floorOf(t) === floorOf(f) && roomOf(t) !== roomOf(f))).map((t) => `${f} imports ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it(`has no function longer than ${MAX_FUNCTION_LINES} lines`, () => {
    expect(longFunctions().map((s) => `${s.file}:${s.line} ${s.name} (${s.lines} lines)`)).toEqual([]);
    // The measure sees a long arrow function inside an object.
    const long = `const x = {\n  f: () => {\n${'    a();\n'.repeat(MAX_FUNCTION_LINES)}  },\n};\n`;
    expect(functionSpans('x.ts', long).map((s) => [s.name, s.lines])).toEqual([['f', MAX_FUNCTION_LINES + 2]]);
  });

  it('spells host and port only in net/endpoint.ts', () => {
    const patterns: [string, RegExp][] = [
      ['[${host}]:${port} join', /\[\$\{[^}]+\}\]:/],
      ['bracket strip', /replace\(\/\^\\\[\|\\\]\$\/g/],
      ['default port', /443\s*:\s*80\b/],
      ["includes(':') ? `[", /includes\(':'\)\s*\?\s*`\[/],
    ];
    const stray = files
      .filter((f) => f !== 'net/endpoint.ts')
      .flatMap((f) => {
        const lines = readFileSync(join(SRC, f), 'utf8').split('\n');
        return lines.flatMap((l, i) => patterns.filter(([, re]) => re.test(l)).map(([what]) => `${f}:${i + 1}: ${what}`));
      });
    expect(stray).toEqual([]);
  });
});
