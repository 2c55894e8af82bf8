import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './helpers/cli.ts';
import { TestPki } from './helpers/pki.ts';

// Issue #25 item 4: `certs --store` says how many certificates it read; a file with none is an error
// that says what the file looked like, never an all-clear.

describe('tekser certs --store', () => {
  const pki = new TestPki();
  const root = pki.root('plain', '/C=ZZ/CN=Plain Root');

  it('says how many certificates it read', async () => {
    const file = join(pki.dir, 'one.pem');
    writeFileSync(file, root.cert);
    const r = await runInMemory(['certs', '--store', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`checked ${file}: 1 certificate read\n`);
  });

  for (const [name, bytes, looks] of [
    ['kz.csv', 'url,category_code\nhttps://orda.kz/,NEWS\n', 'it is text without a BEGIN CERTIFICATE block (it starts "url,category_code")'],
    ['empty.pem', '', 'it is empty'],
    ['key.pem', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', 'it holds PRIVATE KEY blocks, not certificates'],
  ] as const) {
    it(`${name}: no certificate is exit 2 with what the file looked like`, async () => {
      const file = join(pki.dir, name);
      writeFileSync(file, bytes);
      const r = await runInMemory(['certs', '--store', file]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`tekser: --store ${file}: no certificate read: ${looks}\n`);
      expect(r.out).not.toContain('No known interception certificate');
    });
  }

  it('a DER file: exit 2, named as binary with the way to convert it', async () => {
    const file = join(pki.dir, 'root.der');
    writeFileSync(file, new X509Certificate(root.cert).raw);
    const r = await runInMemory(['certs', '--store', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no certificate read: it is binary (a DER certificate? convert it: openssl x509 -inform der');
  });
});
