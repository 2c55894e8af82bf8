import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from './helpers/imports.ts';

/** Issue #19 item 8: the model's modules import each other one way only, type imports included. */
describe('model/ has no import circle', () => {
  const model = sourceFiles().filter((f) => f.startsWith('model/'));

  /** Each file that reaches itself back through model/ imports (type imports and re-exports count). */
  function circles(): string[] {
    const next = (f: string): string[] => importsOf(f).map((i) => i.file).filter((x): x is string => x !== null && x.startsWith('model/'));
    return model.filter((start) => {
      const seen = new Set<string>();
      const todo = next(start);
      while (todo.length) {
        const f = todo.pop() as string;
        if (f === start) return true;
        if (seen.has(f)) continue;
        seen.add(f);
        todo.push(...next(f));
      }
      return false;
    });
  }

  it('scans the model (not vacuous)', () => {
    expect(model).toContain('model/values.ts');
    expect(importsOf('model/values.ts').map((i) => i.file)).toContain('model/measurement.ts');
  });

  it('no model file reaches itself', () => {
    expect(circles()).toEqual([]);
  });
});
