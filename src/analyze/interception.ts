import { X509Certificate } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { CertificateInfo } from '../model/observation.ts';
import type { InterceptionCa, InterceptionMatch } from '../model/verdict.ts';
import { certificateInfo } from '../net/certificate.ts';

const hex = z
  .string()
  .transform((s) => s.replace(/:/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex (64 digits)'));

/** The extension file: YAML (or JSON, which is YAML) listing more interception CAs. */
export const interceptionCaFileSchema = z.strictObject({
  interception_cas: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        country: z.string().default('ZZ'),
        notes: z.string().default(''),
        sha256: z.array(hex).default([]),
        spki_sha256: z.array(hex).default([]),
        names: z.array(z.string()).default([]),
        pem: z.string().includes('-----BEGIN CERTIFICATE-----').optional(),
      }),
    )
    .min(1),
});

/** Reads an extension file; errors name the file and YAML line. */
export function parseInterceptionCaFile(text: string, file: string): InterceptionCa[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new Error(`${file}:${e?.linePos?.[0]?.line ?? 1}: YAML syntax error: ${e?.message.split('\n')[0]}`);
  }
  const parsed = interceptionCaFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const node = doc.getIn((issue?.path ?? []) as unknown[], true) as { range?: [number] } | undefined;
    const line = node?.range ? lc.linePos(node.range[0]).line : 1;
    throw new Error(`${file}:${line}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data.interception_cas.map((c) => {
    const fromPem = c.pem ? certificateInfo(Buffer.from(new X509Certificate(c.pem).raw)) : null;
    return {
      name: c.name,
      country: c.country,
      notes: c.notes,
      sha256: [...c.sha256, ...(fromPem ? [fromPem.sha256] : [])],
      spkiSha256: [...c.spki_sha256, ...(fromPem ? [fromPem.spkiSha256] : [])],
      names: c.names,
      ...(c.pem ? { pem: c.pem } : {}),
    };
  });
}

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
export function matchInterceptionCa(chain: readonly CertificateInfo[], table: readonly InterceptionCa[]): InterceptionMatch | null {
  const hit = (ca: InterceptionCa, matchedBy: InterceptionMatch['matchedBy'], cert: CertificateInfo): InterceptionMatch => ({ ca: ca.name, country: ca.country, matchedBy, certificate: cert.subject });
  for (const cert of chain) for (const ca of table) if (ca.sha256.includes(cert.sha256)) return hit(ca, 'sha256', cert);
  for (const cert of chain) for (const ca of table) if (ca.spkiSha256.includes(cert.spkiSha256)) return hit(ca, 'spki', cert);
  for (const cert of chain) for (const ca of table) if (ca.pem && issuedBy(cert, ca.pem)) return hit(ca, 'signature', cert);
  for (const cert of chain) {
    for (const ca of table) {
      if (ca.names.some((n) => cert.subject.includes(n) || cert.issuer.includes(n))) return hit(ca, 'name', cert);
    }
  }
  return null;
}
