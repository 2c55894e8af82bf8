import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runtimeClosure, runtimeImportsOf } from './helpers/imports.ts';
import { V8_FLAGS, v8FlagsFor } from '../src/cli/v8-flags.ts';
import { FLAT_MEMORY_V8_FLAGS } from '../src/cli/v8-flags.ts';

/**
 * Start-up (issue #13): what `tekser run` loads before its first DNS query. The launcher imports
 * cli/main.ts, which imports the run command; everything those reach statically loads before the
 * first packet. The heavy parts — zod (the model's schemas), undici, yaml, the block-page signature
 * tables, the analysis, findings, table and store — must load later, by `import()`, once the first
 * queries are out (pipeline.ts) or when first used (net/undici.ts for DoH and HTTP, the config
 * reader when there is a config file, the YAML reader for a service list). Timing is the
 * benchmark's business (`node test/bench/bench.mjs --only spawn`); this guards the structure.
 */

const RUN_PATH = ['cli/main.ts', 'cli/commands/run.ts'];
const HEAVY_PACKAGES = ['zod', 'undici', 'yaml', 'chalk', 'csv-stringify', 'tar-stream'];
/** Modules that must not load before the first query (each pulls one of the above, or is big). */
const HEAVY_MODULES = [/^data\/upstream\//, /^data\/signatures\.ts$/, /^analyze\/web/, /^analyze\/service\.ts$/, /^analyze\/blockpage\.ts$/, /^findings\/index\.ts$/, /^report\/(json|table|html|color)\.ts$/, /^store\/runs\.ts$/, /^config\/config\.ts$/, /^lists\/services\.ts$/, /^cli\/run-output\.ts$/, /^model\/(run|observation|measurement|target|verdict|finding|control|service-list)\.ts$/];

describe("start-up: the run command's path to its first DNS query", () => {
  const loaded = runtimeClosure(RUN_PATH);

  it('reaches the measurement and the DNS client (the scan is not vacuous)', () => {
    for (const f of ['pipeline.ts', 'measure/web.ts', 'net/dns.ts', 'lists/targets.ts', 'net/undici.ts']) expect(loaded, f).toContain(f);
    expect(loaded).toContain('dns-packet');
    expect(loaded).toContain('commander');
  });

  it('loads none of zod, undici, yaml (nor the other heavy packages) before the first query', () => {
    expect([...loaded].filter((f) => HEAVY_PACKAGES.some((p) => f === p || f.startsWith(`${p}/`)))).toEqual([]);
  });

  it('loads neither the signature tables, the analysis, the findings, the table, the store nor the zod schemas', () => {
    expect([...loaded].filter((f) => HEAVY_MODULES.some((re) => re.test(f)))).toEqual([]);
  });

  it("the analysis, findings and output a run loads once its first queries are out load no zod and no yaml either (fixed memory of a run)", () => {
    // What pipeline.ts and run.ts import lazily; the zod schemas are for reading stored data (the store loads them).
    const later = runtimeClosure(['analyze/web.ts', 'analyze/service.ts', 'findings/index.ts', 'report/json.ts', 'report/table.ts', 'report/color.ts']);
    expect(later).toContain('data/signatures.ts');
    expect([...later].filter((f) => f === 'zod' || f === 'yaml' || /^model\/(run|observation|measurement|target|verdict|finding|control|service-list)\.ts$/.test(f))).toEqual([]);
  });

  it('saving the run (the default) loads no zod before the first query either: run-output and the store\'s writer', () => {
    // run.ts imports cli/run-output.ts (lock, run directory, -o) before it measures.
    const saving = runtimeClosure(['cli/run-output.ts', 'store/writer.ts']);
    expect(saving).toContain('store/writer.ts');
    expect([...saving].filter((f) => HEAVY_PACKAGES.some((p) => f === p || f.startsWith(`${p}/`)) || HEAVY_MODULES.some((re) => re.test(f) && f !== 'cli/run-output.ts'))).toEqual([]);
  });

  it('the scanner sees value imports and required packages, and skips type-only imports', () => {
    // model/values.ts imports model/failure.ts for a value and the schema modules for types only.
    expect(runtimeImportsOf('model/values.ts')).toEqual(['model/failure.ts']);
    expect(runtimeImportsOf('net/dns.ts')).toContain('dns-packet');
    expect(runtimeImportsOf('model/run.ts')).toContain('zod');
  });
});

describe('V8 flags bin/tekser sets per command (src/cli/v8-flags.ts)', () => {
  it('are chosen by the command word, whatever options come first', () => {
    expect(v8FlagsFor(['node', 'tekser', 'lint', 'lists/'])).toBe(V8_FLAGS.lint);
    expect(v8FlagsFor(['node', 'tekser', '--no-color', 'run', '--list', 'x.csv'])).toBe(V8_FLAGS.run);
    expect(v8FlagsFor(['node', 'tekser', 'history'])).toBeNull();
    expect(v8FlagsFor(['node', 'tekser', '--version'])).toBeNull();
  });

  it('are flags this node knows (setFlagsFromString ignores a misspelt one; the command line does not)', () => {
    for (const flags of [...Object.values(V8_FLAGS), FLAT_MEMORY_V8_FLAGS]) {
      const r = spawnSync(process.execPath, [...flags.split(' '), '-e', '0'], { encoding: 'utf8' });
      expect(r.status, `${flags}: ${r.stderr}`).toBe(0);
    }
  });
});
