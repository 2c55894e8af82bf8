import { describe, expect, it } from 'vitest';
import { closure, importsOf, sourceFiles, type Import } from './helpers/imports.ts';

/**
 * The layering rules of issue #10 (README "Development", Layout), checked on the import graph of src/:
 * data flows model → net → measure → (pipeline) analyze → report/store, never backwards.
 */

const files = sourceFiles();
const under = (dir: string): string[] => files.filter((f) => f.startsWith(`${dir}/`));
const within = (f: string | null, dir: string): boolean => f !== null && f.startsWith(`${dir}/`);

/** `file imports spec` lines breaking `bad`, for a readable failure. */
function violations(dirFiles: readonly string[], bad: (i: Import, file: string) => boolean): string[] {
  return dirFiles.flatMap((f) => importsOf(f).filter((i) => bad(i, f)).map((i) => `${f} imports ${i.specifier}`));
}

/** Node modules and packages that do I/O: analysis must never reach them. */
const IO_MODULES = new Set([
  'node:fs', 'node:fs/promises', 'node:dgram', 'node:dns', 'node:dns/promises', 'node:tls', 'node:http', 'node:https',
  'node:http2', 'node:child_process', 'node:worker_threads', 'node:readline', 'undici', 'p-limit',
]);
/** node:net is allowed for its pure address helpers only (no sockets). */
const PURE_NET_NAMES = new Set(['isIP', 'isIPv4', 'isIPv6', 'BlockList']);
/** Pure modules outside analyze/ and model/ that analysis may use: address tables, host and port syntax, certificate parsing, the list parser, data tables, the catalogue of sentences (i18n/ imports only the model). */
const ANALYZE_MAY_IMPORT = ['model/', 'analyze/', 'data/', 'net/addresses.ts', 'net/endpoint.ts', 'net/certificate.ts', 'lists/services.ts', 'lists/endpoints.ts', 'lists/problem.ts', 'i18n/'];
/** findings/ (run-level findings) is as pure as analyze/, and may use it. */
const FINDINGS_MAY_IMPORT = [...ANALYZE_MAY_IMPORT, 'findings/'];

describe('layering of src/', () => {
  it('finds the source tree (the rules below are not vacuous)', () => {
    for (const dir of ['model', 'net', 'measure', 'analyze', 'report', 'store', 'lists', 'helper']) expect(under(dir).length, dir).toBeGreaterThan(0);
    expect(importsOf('pipeline.ts').some((i) => within(i.file, 'analyze'))).toBe(true);
  });

  it('model/ imports nothing of tekser outside model/', () => {
    expect(violations(under('model'), (i) => (i.file !== null && !within(i.file, 'model')) || (i.file === null && i.specifier !== 'zod'))).toEqual([]);
  });

  it('measure/ never imports analyze/ (not even through another module)', () => {
    const reached = closure(under('measure'));
    expect([...reached].filter((f) => within(f, 'analyze') || f === 'pipeline.ts')).toEqual([]);
  });

  it('analyze/ imports only the model and pure modules', () => {
    expect(violations(under('analyze'), (i) => i.file !== null && !ANALYZE_MAY_IMPORT.some((p) => i.file?.startsWith(p)))).toEqual([]);
  });

  it('findings/ imports only the model, analyze/ and pure modules, and reaches no I/O', () => {
    expect(under('findings').length).toBeGreaterThan(5);
    expect(violations(under('findings'), (i) => i.file !== null && !FINDINGS_MAY_IMPORT.some((p) => i.file?.startsWith(p)))).toEqual([]);
    const reached = [...closure(under('findings'))];
    const io = violations(reached, (i) => IO_MODULES.has(i.specifier) || (i.specifier === 'node:net' && (i.names.length === 0 || i.names.some((n) => !PURE_NET_NAMES.has(n)))));
    expect(io).toEqual([]);
    expect(reached.some((f) => within(f, 'measure') || within(f, 'cli') || within(f, 'store'))).toBe(false);
  });

  it('analyze/ reaches no network or file I/O (node:net only for isIP/BlockList)', () => {
    const reached = [...closure(under('analyze'))];
    const io = violations(reached, (i) => IO_MODULES.has(i.specifier) || (i.specifier === 'node:net' && (i.names.length === 0 || i.names.some((n) => !PURE_NET_NAMES.has(n)))));
    expect(io).toEqual([]);
    expect(reached.some((f) => within(f, 'measure') || within(f, 'net') && !['net/addresses.ts', 'net/endpoint.ts', 'net/certificate.ts'].includes(f))).toBe(false);
  });

  it('report/ does not import store/', () => {
    expect(violations(under('report'), (i) => within(i.file, 'store'))).toEqual([]);
  });

  it('lists/ does not import measure/', () => {
    expect(violations(under('lists'), (i) => within(i.file, 'measure'))).toEqual([]);
  });

  it('helper/ does not import measure/', () => {
    expect(violations(under('helper'), (i) => within(i.file, 'measure'))).toEqual([]);
  });

  it('the import scanner sees type imports, re-exports and named node:net imports', () => {
    const pipeline = importsOf('pipeline.ts');
    expect(pipeline.find((i) => i.file === 'model/run.ts')?.names).toContain('TargetResult');
    expect(importsOf('model/index.ts').map((i) => i.file)).toContain('model/run.ts');
    expect(importsOf('net/addresses.ts').find((i) => i.specifier === 'node:net')?.names).toEqual(['BlockList', 'isIP']);
  });
});
