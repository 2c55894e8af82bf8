// Test PKI made with openssl at run time (shared by loopback tests and the network lab):
// nothing long-lived is committed, nothing in the repo expires.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const isAddress = (n) => /^[\d.]+$|:/.test(n);
const san = (names) => names.map((n) => (isAddress(n) ? `IP:${n}` : `DNS:${n}`)).join(',');

export class TestPki {
  constructor(dir) {
    this.dir = dir;
    this.serial = 1;
  }

  openssl(args) {
    execFileSync('openssl', args, { cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'] });
  }

  pair(name) {
    const certFile = join(this.dir, `${name}.crt`);
    const keyFile = join(this.dir, `${name}.key`);
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, keyFile };
  }

  /** A self-signed root CA; subject like "/C=KZ/CN=Qaznet Trust Network". */
  root(name, subject) {
    this.openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', subject,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout', `${name}.key`, '-out', `${name}.crt`]);
    return this.pair(name);
  }

  /** A certificate signed by `issuer`: a leaf for `names` (DNS names and IPs), or an intermediate CA. */
  issue(name, subject, issuer, opts = {}) {
    const ext = join(this.dir, `${name}.ext`);
    const lines = opts.ca
      ? ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign']
      : ['basicConstraints=CA:FALSE', 'keyUsage=digitalSignature', 'extendedKeyUsage=serverAuth'];
    if (opts.names?.length) lines.push(`subjectAltName=${san(opts.names)}`);
    writeFileSync(ext, `${lines.join('\n')}\n`);
    this.openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.csr`]);
    this.openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', issuer.certFile, '-CAkey', issuer.keyFile, '-set_serial', String(this.serial++),
      '-days', '30', '-extfile', ext, '-out', `${name}.crt`]);
    return this.pair(name);
  }

  /** A self-signed leaf: the classic "this site's certificate is its own". */
  selfSigned(name, names) {
    this.openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', `/CN=${names[0]}`,
      '-addext', `subjectAltName=${san(names)}`, '-keyout', `${name}.key`, '-out', `${name}.crt`]);
    return this.pair(name);
  }
}
