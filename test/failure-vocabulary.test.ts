import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_STRINGS, FAILURES, UNKNOWN_FAILURE_PREFIX } from '../src/model/failure.ts';
import { classifyError } from '../src/net/failure.ts';
import { SRC, sourceFiles } from './helpers/imports.ts';

/**
 * The failure vocabulary is one closed table (src/model/failure.ts). A failure string written as a
 * literal anywhere else in src/ is a second, unchecked definition: this test names it.
 */

/** Where the table lives; data/ holds upstream tables (signatures), not failures. */
const TABLE = 'model/failure.ts';
const quoted = (s: string): string => `['"\`]${s}['"\`]`;
/** Table strings with an underscore: a plain word ("interrupted") is also a run status, so it is not scanned for. */
const KNOWN = new RegExp(quoted(`(?:${FAILURE_STRINGS.filter((f) => f.includes('_')).join('|')})`));
/** Failure-shaped words that are not in the table yet (a new one must be added there first). */
const SHAPED = [
  new RegExp(quoted('(?:ssl|dns)_[a-z0-9_]+')),
  new RegExp(quoted('[a-z]+_(?:[a-z]+_)*(?:error|failure|timeout|refused|reset|unreachable|denied|aborted|misbehaving)')),
  new RegExp(quoted('connection_[a-z_]+')),
  /['"`]unknown_failure/,
];

function strayLiterals(file: string): string[] {
  const lines = readFileSync(join(SRC, file), 'utf8').split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
    // An object key ('dns_experiment_failure': ...) names a field, not a failure.
    const values = code.replace(/['"`][a-z0-9_]+['"`]\s*:(?!:)/g, '');
    if (KNOWN.test(values) || SHAPED.some((re) => re.test(values))) out.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return out;
}

describe('the failure vocabulary is one closed table', () => {
  it('no failure string literal in src/ outside the table', () => {
    const files = sourceFiles().filter((f) => f !== TABLE && !f.startsWith('data/'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(strayLiterals)).toEqual([]);
  });

  it('the scan catches a stray literal (the check is not vacuous)', () => {
    const sample = [`return 'connection_refused';`, `x ?? "dns_no_answer"`, 'f = `ssl_unknown_authority`', `'unknown_failure: x'`];
    for (const s of sample) expect(KNOWN.test(s) || SHAPED.some((re) => re.test(s)), s).toBe(true);
    expect(SHAPED.some((re) => re.test(`'tls_handshake'`))).toBe(false);
  });

  it('the table has no duplicate strings', () => {
    expect(new Set(FAILURE_STRINGS).size).toBe(Object.keys(FAILURES).length);
  });

  it('every error classifyError maps lands in the table (or is an explicit unknown_failure)', () => {
    const codes = ['ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EACCES', 'EPERM', 'ENOTFOUND', 'ENODATA', 'ESERVFAIL', 'EREFUSED', 'EBADRESP', 'EAI_AGAIN', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_SOMETHING', 'HPE_INVALID', 'UND_ERR_SOCKET', 'UND_ERR_ABORTED'];
    const known = new Set<string>(FAILURE_STRINGS);
    for (const code of codes) expect(known.has(classifyError({ code, message: '' })), code).toBe(true);
    expect(classifyError({ code: 'EWHATEVER', message: 'odd' }).startsWith(UNKNOWN_FAILURE_PREFIX)).toBe(true);
  });
});
