// @ts-expect-error plain JavaScript shared with the network lab
import { TestPki as JsTestPki } from '../servers/pki.mjs';
import { tempDir } from './tmp.ts';

/** A certificate and its key, PEM, with the files they were written to. */
export interface KeyPair {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}

interface PkiApi {
  dir: string;
  root(name: string, subject: string): KeyPair;
  issue(name: string, subject: string, issuer: KeyPair, opts?: { names?: string[]; ca?: boolean }): KeyPair;
  selfSigned(name: string, names: string[]): KeyPair;
}

/** Typed face of test/servers/pki.mjs, in a temporary directory removed after the test file. */
export class TestPki {
  private readonly impl: PkiApi;
  readonly dir: string;
  constructor() {
    this.dir = tempDir('pki');
    this.impl = new JsTestPki(this.dir) as PkiApi;
  }
  root(name: string, subject: string): KeyPair {
    return this.impl.root(name, subject);
  }
  issue(name: string, subject: string, issuer: KeyPair, opts: { names?: string[]; ca?: boolean } = {}): KeyPair {
    return this.impl.issue(name, subject, issuer, opts);
  }
  selfSigned(name: string, names: string[]): KeyPair {
    return this.impl.selfSigned(name, names);
  }
}
