import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../model/observation.ts';
import { certificateInfo } from '../net/certificate.ts';
import { matchInterceptionCa } from './interception.ts';
import type { InterceptionCa, InterceptionMatch } from '../model/verdict.ts';

export interface StoreFinding {
  store: string;
  certificate: CertificateInfo;
  match: InterceptionMatch;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM bundle (unparsable blocks are skipped). */
export function certificatesInBundle(text: string): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const pem of text.match(PEM_BLOCK) ?? []) {
    try {
      out.push(certificateInfo(Buffer.from(new X509Certificate(pem).raw)));
    } catch {
      // not a certificate we can read: nothing to match
    }
  }
  return out;
}

/** Pure: which certificates of which stores are known interception CAs. */
export function auditStores(stores: ReadonlyArray<{ name: string; pem: string }>, interceptionCas: readonly InterceptionCa[]): StoreFinding[] {
  return stores.flatMap(({ name, pem }) =>
    certificatesInBundle(pem).flatMap((certificate) => {
      const match = matchInterceptionCa([certificate], interceptionCas);
      return match ? [{ store: name, certificate, match }] : [];
    }),
  );
}
