import { describe, expect, it } from 'vitest';
import { makeChalk } from './color.ts';

describe('colour decision', () => {
  it('colours a terminal, not a pipe', () => {
    expect(makeChalk({ isTTY: true, env: {} }).level).toBeGreaterThan(0);
    expect(makeChalk({ isTTY: false, env: {} }).level).toBe(0);
  });
  it('honours NO_COLOR and TERM=dumb on a terminal (chalk 5 alone does not)', () => {
    expect(makeChalk({ isTTY: true, env: { NO_COLOR: '1' } }).level).toBe(0);
    expect(makeChalk({ isTTY: true, env: { TERM: 'dumb' } }).level).toBe(0);
  });
  it('FORCE_COLOR colours a pipe; --no-color wins over everything', () => {
    expect(makeChalk({ isTTY: false, env: { FORCE_COLOR: '1' } }).level).toBeGreaterThan(0);
    expect(makeChalk({ isTTY: true, env: { FORCE_COLOR: '1' }, color: false }).level).toBe(0);
  });
});
