import v8 from 'node:v8';

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
 * `run` and `analyze` also ask for FLAT_MEMORY_V8_FLAGS themselves (preferFlatMemory, below), when
 * they start measuring or analysing.
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

/**
 * Flat memory needs V8 to collect old garbage sooner: a target's observations live across its
 * network waits, so they are promoted before they die, and by default the old generation grows to
 * several times the live heap before a full collection (10k healthy targets peak at ~190 MiB RSS
 * with ~20 MiB live). `--heap-growing-percent=10` lets the old generation grow only 10 % past what
 * survived the last full collection: 10k targets peak at ~125 MiB. It replaced
 * `--optimize-for-size` (~120 MiB), which also makes the compiled code smaller and slower: ~1 ms
 * more CPU per healthy target (bench, 1,000 targets: 8.5–8.9 → 6.8–7.7 ms). Set by the run and
 * analyze commands, not on import.
 */
export const FLAT_MEMORY_V8_FLAGS = '--heap-growing-percent=10';
export function preferFlatMemory(): void {
  v8.setFlagsFromString(FLAT_MEMORY_V8_FLAGS);
}
