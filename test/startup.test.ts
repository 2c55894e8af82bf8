import { describe, expect, it } from 'vitest';
import { runtimeClosure, runtimeImportsOf } from './helpers/imports.ts';

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

  it('the scanner sees value imports and required packages, and skips type-only imports', () => {
    // model/values.ts imports model/failure.ts for a value and the schema modules for types only.
    expect(runtimeImportsOf('model/values.ts')).toEqual(['model/failure.ts']);
    expect(runtimeImportsOf('net/dns.ts')).toContain('dns-packet');
    expect(runtimeImportsOf('model/run.ts')).toContain('zod');
  });
});
