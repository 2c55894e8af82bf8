import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import { z } from 'zod';
import { renderRunHtml } from '../report/html.ts';
import { toOoni } from '../report/ooni.ts';
import { runRecordSchema, type TargetResultJson } from '../model/run.ts';
import { stripUrlCredentials, type ReportRun } from '../report/timeline.ts';
import { TEKSER_VERSION } from '../version.ts';

/**
 * `tekser evidence`: one run as a bundle that stands on its own (tar.gz, written with tar-stream and
 * Node's zlib): run.json, measurements.jsonl, every certificate chain seen as PEM, the report page,
 * the OONI export, and manifest.json with the SHA-256 of each file. `verifyEvidence` checks it.
 */

export const EVIDENCE_SCHEMA_ID = 'tekser/evidence/v1';
export const MANIFEST = 'manifest.json';
/** An archive that unpacks to more than this is refused, not read into memory. */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

const fileEntrySchema = z.object({ path: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() });

export const manifestSchema = z.object({
  schema: z.literal(EVIDENCE_SCHEMA_ID),
  /** When the bundle was made, UTC. */
  createdAt: z.string(),
  tekser: z.object({ version: z.string(), node: z.string() }),
  /** The run's record, less its results and counts: what was measured, when, how, and by which tekser. */
  run: runRecordSchema.pick({ id: true, status: true, startedAt: true, finishedAt: true, tekserVersion: true, settings: true, lists: true, network: true }),
  contents: z.object({ pageBodies: z.boolean(), urlCredentials: z.literal(false), publicIp: z.literal(false) }),
  /** SHA-256 of run.json and measurements.jsonl as kept in the data directory, before bodies and URL credentials were taken out. */
  source: z.record(z.string(), z.string()),
  files: z.array(fileEntrySchema),
});
export type EvidenceManifest = z.infer<typeof manifestSchema>;

export interface EvidenceOptions {
  /** Keep page bodies the run stored (runs made with --include-bodies): they may show the prober's address. */
  includeBodies?: boolean;
  now?: Date;
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Every string through `stripUrlCredentials`; page bodies dropped unless kept on purpose. */
function clean<V>(value: V, includeBodies: boolean): V {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return stripUrlCredentials(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) {
        if (k === 'body' && !includeBodies && 'bodyLength' in o) continue;
        out[k] = walk(x);
      }
      return out;
    }
    return v;
  };
  return walk(value) as V;
}

interface SeenChain {
  ip: string;
  port: number;
  serverName: string | null;
  chainTrusted: boolean | null;
  chainError: string | null;
  peerCertificates: Array<{ der: string; sha256: string; subject: string; issuer: string }>;
}

/** Every TLS handshake in the run (probe, redirects, SNI probes, services, the control's DoH), found by shape. */
function chainsIn(values: readonly unknown[]): SeenChain[] {
  const out = new Map<string, SeenChain>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.peerCertificates) && o.peerCertificates.length > 0) {
      const chain = o as unknown as SeenChain;
      const key = chain.peerCertificates.map((c) => c.sha256).join('/');
      if (!out.has(key)) out.set(key, chain);
    }
    Object.values(o).forEach(walk);
  };
  walk(values);
  return [...out.values()];
}

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9.-]+/g, '_').slice(0, 60);

function pem(chain: SeenChain): string {
  const trust = chain.chainTrusted === true ? 'trusted by the public roots' : `not trusted${chain.chainError ? `: ${chain.chainError}` : ''}`;
  const head = `# chain served by ${chain.ip}:${chain.port} for ${chain.serverName ? `name ${chain.serverName}` : 'no name (no SNI)'}, ${trust}\n# leaf first; each certificate as issuer -> subject\n`;
  return (
    head +
    chain.peerCertificates
      .map((c, i) => `# ${i + 1}: ${c.issuer} -> ${c.subject}\n# SHA-256 ${c.sha256}\n-----BEGIN CERTIFICATE-----\n${(c.der.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`)
      .join('')
  );
}

/** The bundle's files (paths relative to its folder) before archiving. */
export function evidenceFiles(run: ReportRun & { dir?: string }, opts: EvidenceOptions = {}): Map<string, Buffer> {
  const includeBodies = Boolean(opts.includeBodies);
  const now = opts.now ?? new Date();
  const record = clean(run.record, includeBodies);
  const results = run.results.map((r) => clean(r, includeBodies));
  const files = new Map<string, Buffer>();
  files.set('run.json', Buffer.from(`${JSON.stringify(record, null, 2)}\n`));
  files.set('measurements.jsonl', Buffer.from(results.map((r) => `${JSON.stringify(r)}\n`).join('')));
  chainsIn([...results, record]).forEach((c, i) => files.set(`certs/${String(i + 1).padStart(2, '0')}-${safeName(c.serverName ?? 'no-sni')}-${safeName(c.ip)}.pem`, Buffer.from(pem(c))));
  files.set('report.html', Buffer.from(renderRunHtml({ record, results }, { includeBodies, now })));
  files.set('ooni.jsonl', Buffer.from(results.map((r) => `${JSON.stringify(toOoni(r, record))}\n`).join('')));
  const source: Record<string, string> = {};
  if (run.dir) for (const f of ['run.json', 'measurements.jsonl']) if (existsSync(join(run.dir, f))) source[f] = sha256(readFileSync(join(run.dir, f)));
  const manifest: EvidenceManifest = {
    schema: EVIDENCE_SCHEMA_ID,
    createdAt: now.toISOString(),
    tekser: { version: TEKSER_VERSION, node: process.version },
    run: {
      id: record.id,
      status: record.status,
      startedAt: record.startedAt,
      finishedAt: record.finishedAt,
      tekserVersion: record.tekserVersion,
      settings: record.settings,
      lists: record.lists,
      network: record.network,
    },
    contents: { pageBodies: includeBodies, urlCredentials: false, publicIp: false },
    source,
    files: [...files].map(([path, b]) => ({ path, sha256: sha256(b), bytes: b.length })),
  };
  files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/** The folder every file of a bundle sits in. */
export const bundleFolder = (runId: string): string => `tekser-evidence-${safeName(runId)}`;

/** The bundle as .tar.gz bytes: files under one folder, mtime the bundle's creation time (UTC). */
export async function buildEvidence(run: ReportRun & { dir?: string }, opts: EvidenceOptions = {}): Promise<Buffer> {
  const now = opts.now ?? new Date();
  const files = evidenceFiles(run, { ...opts, now });
  const folder = bundleFolder(run.record.id);
  const pack = tar.pack();
  for (const [path, body] of files) pack.entry({ name: `${folder}/${path}`, size: body.length, mode: 0o644, mtime: now, uid: 0, gid: 0, uname: '', gname: '' }, body);
  pack.finalize();
  const gzip = createGzip({ level: 9 });
  const [, out] = await Promise.all([pipeline(pack, gzip), buffer(gzip)]);
  return out;
}

export type VerifyResult = { ok: true; manifest: EvidenceManifest; files: number } | { ok: false; reason: string };

/** Reads a bundle and checks every file against manifest.json: present, same size and SHA-256, nothing extra. */
export async function verifyEvidence(bundle: Buffer): Promise<VerifyResult> {
  const found = new Map<string, Buffer>();
  let total = 0;
  try {
    const extract = tar.extract();
    const reading = (async () => {
      try {
        await readEntries();
      } catch (e) {
        extract.destroy(e as Error);
        throw e;
      }
    })();
    async function readEntries(): Promise<void> {
      for await (const entry of extract) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) {
          total += (chunk as Buffer).length;
          if (total > MAX_UNPACKED_BYTES) throw new Error(`unpacks to more than ${MAX_UNPACKED_BYTES} bytes`);
          chunks.push(chunk as Buffer);
        }
        if (entry.header.type === 'file') found.set(entry.header.name, Buffer.concat(chunks));
      }
    }
    await Promise.all([pipeline(Readable.from([bundle]), createGunzip(), extract), reading]);
  } catch (e) {
    const msg = (e as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || /header check|unexpected end/i.test((e as Error).message) ? 'not a gzip file' : (e as Error).message;
    return { ok: false, reason: `not a readable evidence bundle: ${msg}` };
  }
  const manifestName = [...found.keys()].find((n) => n === MANIFEST || n.endsWith(`/${MANIFEST}`));
  if (!manifestName) return { ok: false, reason: `no ${MANIFEST} in the bundle` };
  const prefix = manifestName.slice(0, -MANIFEST.length);
  let manifest: EvidenceManifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse((found.get(manifestName) as Buffer).toString('utf8')));
    if (!parsed.success) return { ok: false, reason: `${MANIFEST} is not a tekser evidence manifest (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'})` };
    manifest = parsed.data;
  } catch {
    return { ok: false, reason: `${MANIFEST} is not JSON` };
  }
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(prefix + f.path);
    const body = found.get(prefix + f.path);
    if (!body) return { ok: false, reason: `${f.path}: listed in the manifest but missing from the bundle` };
    const actual = sha256(body);
    if (actual !== f.sha256 || body.length !== f.bytes) return { ok: false, reason: `${f.path}: SHA-256 ${actual} (${body.length} bytes) does not match the manifest's ${f.sha256} (${f.bytes} bytes)` };
  }
  for (const name of found.keys()) if (name !== manifestName && !listed.has(name)) return { ok: false, reason: `${name.slice(prefix.length)}: in the bundle but not in the manifest` };
  return { ok: true, manifest, files: manifest.files.length };
}
