import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchInterceptionCa } from '../src/analyze/interception.ts';
import { parseInterceptionCaFile } from '../src/analyze/interception-file.ts';
import { runCli } from '../src/cli/main.ts';
import { memoryIO } from '../src/cli/io.ts';
import { certificateInfo } from '../src/net/certificate.ts';
import { X509Certificate } from 'node:crypto';
import { TestPki } from './helpers/pki.ts';

const info = (pem: string) => certificateInfo(Buffer.from(new X509Certificate(pem).raw));

describe('known interception CAs: extension file and matching', () => {
  const pki = new TestPki();
  const evilRoot = pki.root('evil', '/C=ZZ/CN=Totally Legit National Root');
  const inter = pki.issue('evil-inter', '/C=ZZ/CN=Evil Intermediate', evilRoot, { ca: true });
  const leaf = pki.issue('evil-leaf', '/CN=news.example', inter, { names: ['news.example'] });
  const fp = info(evilRoot.cert).sha256;

  it('reads a YAML extension file and matches a chain by the root fingerprint', () => {
    const table = parseInterceptionCaFile(`interception_cas:\n  - name: Evil Root\n    country: ZZ\n    sha256: ["${fp.toUpperCase().match(/../g)?.join(':')}"]\n`, 'cas.yaml');
    expect(table[0]?.sha256).toEqual([fp]);
    expect(matchInterceptionCa([info(leaf.cert), info(inter.cert), info(evilRoot.cert)], table)).toMatchObject({ ca: 'Evil Root', matchedBy: 'sha256' });
  });

  it('with a PEM, matches a chain that omits the root by signature', () => {
    const table = parseInterceptionCaFile(JSON.stringify({ interception_cas: [{ name: 'Evil Root', pem: evilRoot.cert }] }), 'cas.json');
    expect(matchInterceptionCa([info(leaf.cert), info(inter.cert)], table)).toMatchObject({ ca: 'Evil Root', matchedBy: 'signature', certificate: 'C=ZZ, CN=Evil Intermediate' });
  });

  it('reports a bad entry with its file and line', () => {
    expect(() => parseInterceptionCaFile('interception_cas:\n  - name: X\n    sha256: [nothex]\n', 'cas.yaml')).toThrow(/^cas\.yaml:3: interception_cas\.0\.sha256\.0: a SHA-256 in hex/);
  });

  it('tekser certs finds a known root in a trust bundle (exit 1) and says how to remove it; a clean bundle exits 0', async () => {
    const dir = pki.dir;
    const bad = join(dir, 'bundle-bad.pem');
    const clean = join(dir, 'bundle-clean.pem');
    const cas = join(dir, 'cas.yaml');
    writeFileSync(bad, leaf.cert + evilRoot.cert);
    writeFileSync(clean, leaf.cert);
    writeFileSync(cas, `interception_cas:\n  - name: Evil Root\n    sha256: [${fp}]\n`);
    const io = memoryIO();
    expect(await runCli(['node', 'tekser', 'certs', '--store', bad, '--interception-cas', cas], io)).toBe(1);
    expect(io.out.join('')).toMatch(/FOUND "Evil Root" \(ZZ\) in .*bundle-bad\.pem/);
    expect(io.out.join('')).toContain('update-ca-certificates');
    expect(await runCli(['node', 'tekser', 'certs', '--store', clean, '--interception-cas', cas], memoryIO())).toBe(0);
  });

  it('the built-in table names Kazakh CAs by name when the fingerprint is new', () => {
    const kz = pki.root('kz', '/C=KZ/O=ISCA/CN=Information Security Certification Authority');
    const m = matchInterceptionCa([info(kz.cert)], parseInterceptionCaFile('interception_cas:\n  - name: Information Security Certification Authority\n    country: KZ\n    names: ["CN=Information Security Certification Authority"]\n', 'x.yaml'));
    expect(m).toMatchObject({ matchedBy: 'name', country: 'KZ' });
  });
});
