import { X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../model/observation.ts';
import type { InterceptionCa, InterceptionMatch } from '../model/verdict.ts';

function issuedBy(cert: CertificateInfo, caPem: string): boolean {
  try {
    const child = new X509Certificate(Buffer.from(cert.der, 'base64'));
    const ca = new X509Certificate(caPem);
    return child.checkIssued(ca) && child.verify(ca.publicKey);
  } catch {
    return false;
  }
}

/** Names the interception CA behind a chain, if it is a known one. */
export function matchInterceptionCa(chain: readonly CertificateInfo[], interceptionCas: readonly InterceptionCa[]): InterceptionMatch | null {
  const hit = (ca: InterceptionCa, matchedBy: InterceptionMatch['matchedBy'], cert: CertificateInfo): InterceptionMatch => ({ ca: ca.name, country: ca.country, matchedBy, certificate: cert.subject });
  for (const cert of chain) for (const ca of interceptionCas) if (ca.sha256.includes(cert.sha256)) return hit(ca, 'sha256', cert);
  for (const cert of chain) for (const ca of interceptionCas) if (ca.spkiSha256.includes(cert.spkiSha256)) return hit(ca, 'spki', cert);
  for (const cert of chain) for (const ca of interceptionCas) if (ca.pem && issuedBy(cert, ca.pem)) return hit(ca, 'signature', cert);
  for (const cert of chain) {
    for (const ca of interceptionCas) {
      if (ca.names.some((n) => cert.subject.includes(n) || cert.issuer.includes(n))) return hit(ca, 'name', cert);
    }
  }
  return null;
}
