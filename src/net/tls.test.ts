import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect, createServer as createTlsServer, TLSSocket, type DetailedPeerCertificate } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPki, type KeyPair } from '../../test/helpers/pki.ts';
import { classifyError } from './failure.ts';
import { certFailureClassOfCode } from '../model/failure.ts';
import { startClock } from './clock.ts';
import { CertificateCache, certificateCache, pinnedTrustStore, publicTrustStore, secureContextFor, tlsHandshake, type TrustStore } from './tls.ts';

const LO = '127.0.0.1';
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function listen(s: Server): Promise<number> {
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, LO, r));
  return (s.address() as { port: number }).port;
}
function tlsServer(opts: Parameters<typeof createTlsServer>[0]): Promise<number> {
  const s = createTlsServer(opts, (sock) => {
    sock.on('error', () => {});
    sock.end();
  });
  s.on('tlsClientError', () => {});
  return listen(s);
}

/** A leaf with chosen validity dates, signed by `ca` (openssl ca can set dates; x509 -req cannot). */
function datedLeaf(pki: TestPki, ca: KeyPair, name: string, start: string, end: string): KeyPair {
  const dir = pki.dir;
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    `[ca]\ndefault_ca=d\n[d]\ndatabase=${join(dir, 'index.txt')}\nserial=${join(dir, 'serial')}\nnew_certs_dir=${dir}\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\nunique_subject=no\n[p]\ncommonName=supplied\n`,
  );
  execFileSync('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`, '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.csr`)], { stdio: 'ignore' });
  execFileSync('openssl', ['ca', '-batch', '-config', join(dir, 'ca.cnf'), '-cert', ca.certFile, '-keyfile', ca.keyFile, '-startdate', start, '-enddate', end, '-in', join(dir, `${name}.csr`), '-out', join(dir, `${name}.crt`), '-notext'], { stdio: 'ignore' });
  return { cert: readFileSync(join(dir, `${name}.crt`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8'), certFile: join(dir, `${name}.crt`), keyFile: join(dir, `${name}.key`) };
}

let trust: TrustStore;
const ports: Record<string, number> = {};

beforeAll(async () => {
  const pki = new TestPki();
  const root = pki.root('root', '/CN=tekser tls test root');
  const inter = pki.issue('inter', '/CN=tekser tls test intermediate', root, { ca: true });
  const viaInter = pki.issue('via', '/CN=chain.test', inter, { names: ['chain.test'] });
  const ok = pki.issue('ok', '/CN=ok.test', root, { names: ['ok.test'] });
  const otherRoot = pki.root('other', '/CN=Some Interception CA');
  const intercepted = pki.issue('mitm', '/CN=ok.test', otherRoot, { names: ['ok.test'] });
  const self = pki.selfSigned('self', ['self.test']);
  const expired = datedLeaf(pki, root, 'expired.test', '20200101000000Z', '20200201000000Z');
  const future = datedLeaf(new TestPki(), root, 'future.test', '20990101000000Z', '20990201000000Z');
  trust = publicTrustStore([root.cert]);

  ports.ok = await tlsServer({ cert: ok.cert, key: ok.key });
  ports.expired = await tlsServer({ cert: expired.cert, key: expired.key });
  ports.future = await tlsServer({ cert: future.cert, key: future.key });
  ports.incomplete = await tlsServer({ cert: viaInter.cert, key: viaInter.key }); // intermediate not sent
  ports.withInter = await tlsServer({ cert: viaInter.cert + inter.cert, key: viaInter.key });
  const cnOnly = pki.issue('cn', '/CN=cn.test', root); // no subjectAltName: the name check falls back to the CN
  ports.cnOnly = await tlsServer({ cert: cnOnly.cert, key: cnOnly.key });
  // Out of order, with a stranger and the root: the recorded chain follows issuance, as Node's does.
  ports.shuffled = await tlsServer({ cert: viaInter.cert + otherRoot.cert + root.cert + inter.cert, key: viaInter.key });
  ports.untrusted = await tlsServer({ cert: intercepted.cert + otherRoot.cert, key: intercepted.key });
  ports.self = await tlsServer({ cert: self.cert, key: self.key });
  ports.tls10 = await tlsServer({ cert: ok.cert, key: ok.key, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' });
  // Garbage: answers the ClientHello with random bytes.
  ports.garbage = await listen(
    createTcpServer((sock) => {
      sock.on('error', () => {});
      sock.once('data', () => sock.end(randomBytes(4096)));
    }),
  );
  // A certificate with a ~100 KB subject (1,600 OU attributes of 64 characters).
  const huge = new TestPki();
  const subject = Array.from({ length: 1600 }, (_, i) => `/OU=${String(i).padStart(4, '0')}${'x'.repeat(60)}`).join('') + '/CN=huge.test';
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', subject, '-keyout', join(huge.dir, 'h.key'), '-out', join(huge.dir, 'h.crt')], { stdio: 'ignore' });
  ports.huge = await tlsServer({ cert: readFileSync(join(huge.dir, 'h.crt'), 'utf8'), key: readFileSync(join(huge.dir, 'h.key'), 'utf8') });
}, 60_000);

const hs = (port: number, sni: string | null) => tlsHandshake(LO, port, sni, { clock: startClock(), timeoutMs: 5000, trust });

describe('certificate failure classes (OpenSSL codes → class → OONI failure)', () => {
  it('a valid chain: no failure, no class', async () => {
    const r = await hs(ports.ok as number, 'ok.test');
    expect(r.observation).toMatchObject({ failure: null, chainTrusted: true, hostnameMatches: true });
    expect(r.observation.certFailure).toBeUndefined();
  });
  it('expired leaf → expired, ssl_invalid_certificate (not interception)', async () => {
    const r = await hs(ports.expired as number, 'expired.test');
    expect(r.observation).toMatchObject({ failure: 'ssl_invalid_certificate', chainError: 'CERT_HAS_EXPIRED', certFailure: 'expired' });
  });
  it('not yet valid → not_yet_valid', async () => {
    const r = await hs(ports.future as number, 'future.test');
    expect(r.observation).toMatchObject({ failure: 'ssl_invalid_certificate', chainError: 'CERT_NOT_YET_VALID', certFailure: 'not_yet_valid' });
  });
  it('a verified chain is recorded whole: the leaf the server sent, then the root from the trust store', async () => {
    // The chain comes from the detailed certificate Node builds for its identity hook on a verified
    // chain (tls.ts keeps it rather than building it again): it must be the same chain, root included.
    const r = await hs(ports.ok as number, 'ok.test');
    expect(r.observation.peerCertificates.map((c) => c.subject)).toEqual(['CN=ok.test', 'CN=tekser tls test root']);
  });
  it('wrong name → wrong_name, ssl_invalid_hostname', async () => {
    const r = await hs(ports.ok as number, 'other.test');
    expect(r.observation).toMatchObject({ failure: 'ssl_invalid_hostname', chainTrusted: true, hostnameMatches: false, certFailure: 'wrong_name' });
  });
  it('no SNI (an IP-literal URL): the name is checked against verifyName, and a wrong one still fails', async () => {
    const at = (verifyName: string) => tlsHandshake(LO, ports.ok as number, null, { clock: startClock(), timeoutMs: 5000, trust, verifyName });
    expect((await at('ok.test')).observation).toMatchObject({ failure: null, chainTrusted: true, hostnameMatches: true });
    expect((await at('other.test')).observation).toMatchObject({ failure: 'ssl_invalid_hostname', chainTrusted: true, hostnameMatches: false, certFailure: 'wrong_name' });
  });
  it('a certificate with no SAN: the name is checked against its CN, as Node does', async () => {
    expect((await hs(ports.cnOnly as number, 'cn.test')).observation).toMatchObject({ failure: null, hostnameMatches: true });
    expect((await hs(ports.cnOnly as number, 'other.test')).observation).toMatchObject({ failure: 'ssl_invalid_hostname', hostnameMatches: false, certFailure: 'wrong_name' });
  });
  it('missing intermediate → incomplete_chain, ssl_unknown_authority', async () => {
    const r = await hs(ports.incomplete as number, 'chain.test');
    expect(r.observation.certFailure).toBe('incomplete_chain');
    expect(r.observation.failure).toBe('ssl_unknown_authority');
    expect(['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']).toContain(r.observation.chainError);
  });
  it('a chain to a root nobody trusts → untrusted_root (what interception looks like)', async () => {
    const r = await hs(ports.untrusted as number, 'ok.test');
    expect(r.observation).toMatchObject({ failure: 'ssl_unknown_authority', chainError: 'SELF_SIGNED_CERT_IN_CHAIN', certFailure: 'untrusted_root' });
    expect(r.observation.peerCertificates.at(-1)?.subject).toContain('Some Interception CA');
  });
  it('a self-signed leaf → self_signed', async () => {
    const r = await hs(ports.self as number, 'self.test');
    expect(r.observation).toMatchObject({ failure: 'ssl_unknown_authority', chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT', certFailure: 'self_signed' });
  });
  it('a TLS 1.0-only server → ssl_failed_handshake, weak_or_unsupported_protocol (not a reset)', async () => {
    const r = await hs(ports.tls10 as number, 'ok.test');
    expect(r.observation.failure).toBe('ssl_failed_handshake');
    expect(r.observation.certFailure).toBe('weak_or_unsupported_protocol');
  });
  it('garbage instead of a ServerHello → ssl_failed_handshake, not a reset, no crash', async () => {
    const r = await hs(ports.garbage as number, 'ok.test');
    expect(r.observation.failure).toBe('ssl_failed_handshake');
    expect(r.socket).toBeNull();
  });
  it('a certificate with a 100 KB subject → a handshake failure or a recorded chain, never a crash or a reset', async () => {
    const r = await hs(ports.huge as number, 'huge.test');
    expect(r.observation.failure).not.toBe('connection_reset');
    expect(['ssl_failed_handshake', 'ssl_unknown_authority']).toContain(r.observation.failure);
  });
  it('the code table: every mapped verify code gives the same OONI string as classifyError', () => {
    for (const [code, cls] of [
      ['CERT_HAS_EXPIRED', 'expired'],
      ['CERT_NOT_YET_VALID', 'not_yet_valid'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'wrong_name'],
      ['UNABLE_TO_GET_ISSUER_CERT', 'incomplete_chain'],
      ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'incomplete_chain'],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'incomplete_chain'],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'untrusted_root'],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self_signed'],
      ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'weak_or_unsupported_protocol'],
      ['ERR_SSL_UNSUPPORTED_PROTOCOL', 'weak_or_unsupported_protocol'],
      ['ERR_SSL_WRONG_VERSION_NUMBER', 'other'],
    ] as const) {
      expect(certFailureClassOfCode(code), code).toBe(cls);
    }
    expect(classifyError({ code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' })).toBe('ssl_failed_handshake');
    expect(certFailureClassOfCode('ECONNRESET')).toBeNull();
  });
});

/** The chain as Node's getPeerCertificate(true) gives it, on a connection of its own: SHA-256s, leaf first. */
function nodeChain(port: number, servername: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const s = tlsConnect({ host: LO, port, servername, secureContext: secureContextFor(trust), rejectUnauthorized: false });
    s.once('error', reject);
    s.once('secureConnect', () => {
      const out: string[] = [];
      const seen = new Set<string>();
      for (let c: DetailedPeerCertificate | undefined = s.getPeerCertificate(true); c?.raw && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
        seen.add(c.fingerprint256);
        out.push(createHash('sha256').update(c.raw).digest('hex'));
      }
      s.destroy();
      resolve(out);
    });
  });
}

describe('the recorded chain is the one Node describes (getPeerCertificate(true)), built more cheaply', () => {
  const cases: Array<[string, string, number]> = [
    ['leaf only, root from the trust store', 'ok.test', 1],
    ['leaf and intermediate sent, root from the store', 'chain.test', 2],
    ['out of order, a stranger and the root sent', 'chain.test', 2],
    ['intermediate missing (incomplete)', 'chain.test', 0],
    ['an untrusted root sent', 'ok.test', 0],
    ['self-signed', 'self.test', 0],
    ['expired leaf', 'expired.test', 0],
  ];
  const portOf: Record<string, string> = {
    'leaf only, root from the trust store': 'ok',
    'leaf and intermediate sent, root from the store': 'withInter',
    'out of order, a stranger and the root sent': 'shuffled',
    'intermediate missing (incomplete)': 'incomplete',
    'an untrusted root sent': 'untrusted',
    'self-signed': 'self',
    'expired leaf': 'expired',
  };
  for (const [what, sni] of cases) {
    it(what, async () => {
      const port = ports[portOf[what] as string] as number;
      const r = await hs(port, sni);
      expect(r.observation.peerCertificates.length).toBeGreaterThan(0);
      expect(r.observation.peerCertificates.map((c) => c.sha256)).toEqual(await nodeChain(port, sni));
    });
  }
  it('the connection handed on keeps Node\'s own getPeerCertificate (the handshake-time shadow is gone)', async () => {
    const r = await tlsHandshake(LO, ports.ok as number, 'ok.test', { clock: startClock(), timeoutMs: 5000, trust, keepOpen: true });
    expect(r.socket).not.toBeNull();
    expect(Object.hasOwn(r.socket as object, 'getPeerCertificate')).toBe(false);
    expect(r.socket?.getPeerCertificate).toBe(TLSSocket.prototype.getPeerCertificate);
    r.socket?.destroy();
  });
  it('pinned stores: the same pins give the same store (one secure context), other pins another', () => {
    const a = pinnedTrustStore([trust.pems.at(-1) as string], false);
    expect(pinnedTrustStore([trust.pems.at(-1) as string], false)).toBe(a);
    expect(secureContextFor(pinnedTrustStore([trust.pems.at(-1) as string], false))).toBe(secureContextFor(a));
    expect(pinnedTrustStore([trust.pems.at(-1) as string], true)).not.toBe(a);
    expect(pinnedTrustStore([trust.pems[0] as string], false)).not.toBe(a);
  });
  it('a trust store given as one PEM bundle still supplies the root', async () => {
    const bundled = publicTrustStore([trust.pems.slice(-1).join('') + trust.pems[0]]);
    const r = await tlsHandshake(LO, ports.ok as number, 'ok.test', { clock: startClock(), timeoutMs: 5000, trust: bundled });
    expect(r.observation.peerCertificates.map((c) => c.subject)).toEqual(['CN=ok.test', 'CN=tekser tls test root']);
  });
});

describe('certificates are parsed once per run', () => {
  it('a second handshake with the same chain is served from the cache (same object, no re-parse)', async () => {
    const a = await hs(ports.ok as number, 'ok.test');
    const misses = certificateCache.misses;
    const hits = certificateCache.hits;
    const b = await hs(ports.ok as number, 'ok.test');
    expect(certificateCache.misses).toBe(misses);
    expect(certificateCache.hits).toBeGreaterThan(hits);
    expect(b.observation.peerCertificates[0]).toBe(a.observation.peerCertificates[0]);
    expect(b.observation.peerCertificates[0]?.subject).toBe('CN=ok.test');
  });
  it('the cache is bounded: the least recently used entry goes first', () => {
    const c = new CertificateCache(2);
    const der = Buffer.from('not a certificate');
    const a = c.info('a', der);
    c.info('b', der);
    c.info('a', der); // a is now the most recent
    c.info('c', der); // evicts b
    expect(c.size).toBe(2);
    expect(c.info('a', der)).toBe(a);
    const misses = c.misses;
    c.info('b', der);
    expect(c.misses).toBe(misses + 1);
    expect(a.subject).toBe('(unparseable)');
  });
});
