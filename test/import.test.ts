import { describe, expect, it } from 'vitest';

describe('the package entry point', () => {
  it('imports without side effects: no process listeners, no output', async () => {
    const before = { exit: process.listenerCount('exit'), sigint: process.listenerCount('SIGINT'), sigterm: process.listenerCount('SIGTERM') };
    const writes: unknown[] = [];
    const orig = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: unknown) => (writes.push(chunk), true)) as typeof process.stdout.write;
    try {
      const lib = await import('../src/index.ts');
      expect(typeof lib.runCli).toBe('function');
      expect(typeof lib.analyzeWeb).toBe('function');
      expect(lib.serviceListSchema.safeParse({ version: 1, services: [] }).success).toBe(false);
    } finally {
      process.stdout.write = orig;
    }
    expect(writes).toEqual([]);
    expect({ exit: process.listenerCount('exit'), sigint: process.listenerCount('SIGINT'), sigterm: process.listenerCount('SIGTERM') }).toEqual(before);
  });
});
