import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gunzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { DOH_LEAF, labRun, MITM_CA, MITM_LEAF, PROBER_PUBLIC_IP, URL_PASSWORD } from '../../test/fixtures/report-runs.ts';
import { buildEvidence, bundleFolder, EVIDENCE_SCHEMA_ID, manifestSchema, verifyEvidence } from './evidence.ts';

const NOW = new Date('2026-11-23T12:34:56.000Z');
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function unpack(bundle: Buffer): Promise<Array<{ header: tar.Header; body: Buffer }>> {
  const out: Array<{ header: tar.Header; body: Buffer }> = [];
  const extract = tar.extract();
  const reading = (async () => {
    for await (const entry of extract) out.push({ header: entry.header, body: await buffer(entry) });
  })();
  await Promise.all([pipeline(Readable.from([bundle]), createGunzip(), extract), reading]);
  return out;
}

async function repack(entries: Array<{ header: tar.Header; body: Buffer }>): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) pack.entry({ ...e.header, size: e.body.length }, e.body);
  pack.finalize();
  const gz = createGzip();
  const [, out] = await Promise.all([pipeline(pack, gz), buffer(gz)]);
  return out;
}

describe('evidence bundle', () => {
  const run = labRun();
  const folder = bundleFolder(run.record.id);

  it('holds run.json, measurements, every chain as PEM, the page, the OONI export and a manifest that verifies', async () => {
    const bundle = await buildEvidence(run, { now: NOW });
    expect(gunzipSync(bundle).length).toBeGreaterThan(bundle.length);
    const entries = await unpack(bundle);
    const names = entries.map((e) => e.header.name.slice(folder.length + 1));
    expect(entries.every((e) => e.header.name.startsWith(`${folder}/`))).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['run.json', 'measurements.jsonl', 'report.html', 'ooni.jsonl', 'manifest.json']));
    const pems = entries.filter((e) => e.header.name.endsWith('.pem'));
    // four distinct chains in the lab run: ok.lab, mitm.lab, the harmless-SNI probe of sni.lab, the control's DoH server
    expect(pems).toHaveLength(4);
    expect(pems.some((p) => p.header.name.endsWith('-cloudflare-dns.com-1.1.1.1.pem') && p.body.toString().includes(DOH_LEAF.sha256))).toBe(true);
    const mitm = pems.find((p) => p.header.name.includes('mitm.lab'))?.body.toString() ?? '';
    const blocks = [...mitm.matchAll(/-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=\n]+?)\n-----END CERTIFICATE-----/g)].map((m) => (m[1] as string).split('\n'));
    expect(blocks.map((lines) => lines.join(''))).toEqual([MITM_LEAF.der, MITM_CA.der]);
    expect(blocks.flat().every((line) => line.length <= 64)).toBe(true);
    expect(mitm).toContain(`# SHA-256 ${MITM_CA.sha256}`);
    expect(mitm).toContain('not trusted: SELF_SIGNED_CERT_IN_CHAIN');
    for (const e of entries) expect(e.header.mtime?.toISOString()).toBe(NOW.toISOString());

    const manifest = manifestSchema.parse(JSON.parse(entries.find((e) => e.header.name.endsWith('/manifest.json'))?.body.toString() ?? ''));
    expect(manifest).toMatchObject({ schema: EVIDENCE_SCHEMA_ID, createdAt: NOW.toISOString(), run: { id: run.record.id, settings: run.record.settings }, contents: { pageBodies: false } });
    expect(manifest.tekser.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    for (const f of manifest.files) expect(sha256(entries.find((e) => e.header.name === `${folder}/${f.path}`)?.body as Buffer)).toBe(f.sha256);

    const ooni = (entries.find((e) => e.header.name.endsWith('/ooni.jsonl'))?.body.toString() ?? '').trim().split('\n');
    expect(ooni).toHaveLength(run.results.length);
    expect(JSON.parse(ooni[0] as string)).toMatchObject({ data_format_version: '0.2.0', probe_ip: '127.0.0.1' });

    const verified = await verifyEvidence(bundle);
    expect(verified).toMatchObject({ ok: true, files: manifest.files.length });
  });

  it('leaves out page bodies, the public IP and URL credentials, unless bodies are asked for', async () => {
    const entries = await unpack(await buildEvidence(run, { now: NOW }));
    for (const e of entries) {
      expect(e.body.toString(), e.header.name).not.toContain(PROBER_PUBLIC_IP);
      expect(e.body.toString(), e.header.name).not.toContain(URL_PASSWORD);
    }
    const withBodies = await unpack(await buildEvidence(run, { now: NOW, includeBodies: true }));
    expect(withBodies.find((e) => e.header.name.endsWith('/measurements.jsonl'))?.body.toString()).toContain(PROBER_PUBLIC_IP);
    expect(withBodies.some((e) => e.body.toString().includes(URL_PASSWORD))).toBe(false);
  });

  it('fails verification when a file was changed, added or removed, naming it', async () => {
    const entries = await unpack(await buildEvidence(run, { now: NOW }));
    const tampered = entries.map((e) => (e.header.name.endsWith('/report.html') ? { ...e, body: Buffer.from(e.body.toString().replace('blocked', 'accessible')) } : e));
    const changed = await verifyEvidence(await repack(tampered));
    expect(changed.ok).toBe(false);
    expect(!changed.ok && changed.reason).toMatch(/^report\.html: SHA-256 [0-9a-f]{64} \(\d+ bytes\) does not match the manifest's [0-9a-f]{64}/);

    const added = await verifyEvidence(await repack([...entries, { header: { ...(entries[0]?.header as tar.Header), name: `${folder}/extra.txt` }, body: Buffer.from('x') }]));
    expect(!added.ok && added.reason).toBe('extra.txt: in the bundle but not in the manifest');

    const removed = await verifyEvidence(await repack(entries.filter((e) => !e.header.name.endsWith('/ooni.jsonl'))));
    expect(!removed.ok && removed.reason).toBe('ooni.jsonl: listed in the manifest but missing from the bundle');

    const noManifest = await verifyEvidence(await repack(entries.filter((e) => !e.header.name.endsWith('/manifest.json'))));
    expect(!noManifest.ok && noManifest.reason).toBe('no manifest.json in the bundle');
  });

  it('says a file that is not a bundle is not one', async () => {
    const r = await verifyEvidence(Buffer.from('just some text, not gzip'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^not a readable evidence bundle/);
  });
});
