import { createHash, X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../model/observation.ts';

/** A certificate (DER) as the model records it. Pure (no I/O): analysis uses it too. `parsed`: the same certificate already parsed (from a TLS socket). */
export function certificateInfo(der: Buffer, parsed?: X509Certificate): CertificateInfo {
  const x = parsed ?? new X509Certificate(der);
  const spki = x.publicKey.export({ type: 'spki', format: 'der' });
  return {
    der: der.toString('base64'),
    sha256: createHash('sha256').update(der).digest('hex'),
    spkiSha256: createHash('sha256').update(spki).digest('hex'),
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    isCA: x.ca,
  };
}
