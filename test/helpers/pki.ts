import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './tmp.ts';

/** A certificate and its key, PEM. */
export interface KeyPair {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Test PKI made with openssl at test time: nothing long-lived is committed, nothing expires in the repo. */
export class TestPki {
  readonly dir: string;
  private serial = 1;
  constructor() {
    this.dir = tempDir('pki');
  }

  private pair(name: string): KeyPair {
    const certFile = join(this.dir, `${name}.crt`);
    const keyFile = join(this.dir, `${name}.key`);
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, keyFile };
  }

  /** A self-signed root CA. */
  root(name: string, subject: string): KeyPair {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', subject,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout', `${name}.key`, '-out', `${name}.crt`], this.dir);
    return this.pair(name);
  }

  /** A certificate signed by `issuer`: a leaf for `names` (DNS names and IPs), or an intermediate CA. */
  issue(name: string, subject: string, issuer: KeyPair, opts: { names?: string[]; ca?: boolean; selfSigned?: boolean } = {}): KeyPair {
    const ext = join(this.dir, `${name}.ext`);
    const lines = opts.ca
      ? ['basicConstraints=critical,CA:TRUE,pathlen:0', 'keyUsage=critical,keyCertSign,cRLSign']
      : ['basicConstraints=CA:FALSE', 'keyUsage=digitalSignature', 'extendedKeyUsage=serverAuth'];
    if (opts.names?.length) {
      lines.push(`subjectAltName=${opts.names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}`);
    }
    writeFileSync(ext, `${lines.join('\n')}\n`);
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.csr`], this.dir);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', issuer.certFile, '-CAkey', issuer.keyFile, '-set_serial', String(this.serial++),
      '-days', '30', '-extfile', ext, '-out', `${name}.crt`], this.dir);
    return this.pair(name);
  }

  /** A self-signed leaf: the classic "this site's certificate is its own". */
  selfSigned(name: string, names: string[]): KeyPair {
    const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', `/CN=${names[0]}`,
      '-addext', `subjectAltName=${san}`, '-keyout', `${name}.key`, '-out', `${name}.crt`], this.dir);
    return this.pair(name);
  }
}
