import { describe, expect, it } from 'vitest';
import { fleetError } from './client.ts';
import { redactUrl } from './url.ts';

describe('fleet URLs in messages', () => {
  it('never repeat a password, written as user:password@ or ?password=', () => {
    expect(redactUrl('postgres://probe_kt:hunter2@db.example.org/tekser?sslmode=verify-full')).toBe('postgres://probe_kt:***@db.example.org/tekser?sslmode=verify-full');
    expect(redactUrl('postgres://probe_kt@db.example.org/tekser?sslmode=verify-full&password=hunter2')).toBe('postgres://probe_kt@db.example.org/tekser?sslmode=verify-full&password=***');
    expect(redactUrl('postgres://db.example.org/tekser')).toBe('postgres://db.example.org/tekser');
    const e = fleetError(Object.assign(new Error('password authentication failed for user "probe_kt"'), { code: '28P01' }), 'cannot reach the fleet database', 'postgres://probe_kt:hunter2@db.example.org/tekser');
    expect(e.message).not.toContain('hunter2');
    expect(e.message).toMatch(/the password was refused/);
    expect(e.sqlState).toBe('28P01');
    expect(e.exitCode).toBe(6);
  });
});
