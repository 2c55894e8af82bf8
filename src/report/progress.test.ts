import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

describe('progress line warnings', () => {
  it('prints the warning once above the line and keeps a short mark on it', () => {
    let t = 0;
    const out: string[] = [];
    const p = createProgress(10, (s) => out.push(s), true, () => t);
    t = 1000;
    p.tick(false);
    expect(p.warn('the control failed for the first 3 targets', 'control failing')).toBe(true);
    expect(out).toContain('\r\x1b[Ktekser: ! the control failed for the first 3 targets\n');
    t = 2000;
    p.tick(false);
    expect(out.at(-1)).toMatch(/^\r\x1b\[Ktekser: 2\/10 done, 0 blocked, .* — ! control failing$/);
  });

  it('without a status line (pipe, CI) it says it could not show the warning', () => {
    const p = createProgress(10, () => {}, false);
    expect(p.warn('x', 'y')).toBe(false);
  });
});
