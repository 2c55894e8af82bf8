import { describe, expect, it } from 'vitest';
import { BadInputError, BadListError, ConfigError, ConnectError, ERROR_CODES, EXIT, FleetError, HelperRequestError, isTekserError, LockedError, TekserError, UnreadableListError, UsageError } from '../src/errors.ts';
import { classifyError } from '../src/net/failure.ts';
import { FAILURES } from '../src/model/failure.ts';

describe('src/errors.ts: one base error, stable codes', () => {
  const all: TekserError[] = [
    new UsageError('x'),
    new ConfigError('c.yaml:3: x'),
    new UnreadableListError('a.csv', 'no such file'),
    new BadListError(['a.csv:2: x']),
    new BadInputError('m.json', 4, 'not JSON'),
    new LockedError('/d/lock', { pid: 1, host: 'h', startedAt: 't' }),
    new HelperRequestError(400, 'bad'),
    new ConnectError(FAILURES.refused, 'refused'),
    new FleetError('the fleet database cannot be reached'),
  ];

  it('every kind has its own code from the one table', () => {
    const codes = all.map((e) => e.code);
    expect(new Set(codes).size).toBe(all.length);
    expect([...codes].sort()).toEqual([...ERROR_CODES].sort());
    for (const e of all) expect(isTekserError(e)).toBe(true);
    expect(isTekserError(new Error('bug'))).toBe(false);
  });

  it('errors the user causes carry the exit code the CLI edge uses', () => {
    expect(new UsageError('x').exitCode).toBe(EXIT.usage);
    expect(new UsageError('x', EXIT.locked).exitCode).toBe(EXIT.locked);
    expect(new LockedError('/d/lock', { pid: 1, host: 'h', startedAt: 't' }).exitCode).toBe(EXIT.locked);
    expect(new UnreadableListError('a.csv', 'gone').message).toBe('a.csv: gone');
    expect(new BadInputError('m.json', 4, 'not JSON').message).toBe('m.json:4: not JSON');
  });

  it('a connect error keeps its classified failure through classifyError, also as a cause', () => {
    const e = new ConnectError(FAILURES.hostUnreachable, 'no route');
    expect(classifyError(e)).toBe(FAILURES.hostUnreachable);
    expect(classifyError(Object.assign(new Error('wrapped'), { cause: e }))).toBe(FAILURES.hostUnreachable);
    // A look-alike plain object is not one of ours: no string matching on codes.
    expect(classifyError({ code: 'TEKSER_CONNECT', failure: 'x', message: 'y' })).not.toBe('x');
  });
});
