/**
 * V8 flags for a command, set by bin/tekser with v8.setFlagsFromString before the CLI loads
 * (npm's bin shims pass no node flags, so they are set here rather than in a shebang). Measured on
 * issue #13's benchmarks; each must lower peak memory without costing CPU.
 *
 * - `--semi-space-growth-factor=1`: the young generation stays at its initial size instead of
 *   growing to 2 × 16 MiB. A run's garbage is short-lived (observations die when their target is
 *   written), so collecting it in a small nursery costs no CPU and keeps the peak flat: 100,000
 *   targets (synthetic) 156 → ~130 MiB, 30,000 102 → 90 MiB.
 * - `--no-opt` (lint only): lint is a batch job of a few hundred milliseconds; TurboFan's
 *   compilations cost it ~6 MiB and save it no time (39,206 rows: 63 → 51 MiB with both, CPU unchanged).
 *
 * `run` and `analyze` also ask for `--heap-growing-percent=10` themselves (pipeline.ts, preferFlatMemory).
 */
export const V8_FLAGS: Readonly<Record<string, string>> = {
  lint: '--no-opt --semi-space-growth-factor=1',
  run: '--semi-space-growth-factor=1',
};

/** The flags for the command named in an argv (the first word that is not an option), or null. */
export function v8FlagsFor(argv: readonly string[]): string | null {
  const command = argv.slice(2).find((a) => !a.startsWith('-'));
  return (command !== undefined && V8_FLAGS[command]) || null;
}
