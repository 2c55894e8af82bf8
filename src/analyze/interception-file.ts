import { X509Certificate } from 'node:crypto';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { InterceptionCa } from '../model/verdict.ts';
import { certificateInfo } from '../net/certificate.ts';

// --interception-cas files (YAML, zod), apart from the matching (interception.ts): a run loads
// this only when the flag is given.

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
