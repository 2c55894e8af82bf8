import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchBlockpage, matchDnsBlockAnswer } from '../analyze/blockpage.ts';
import { z } from 'zod';
import { interceptionCaSchema } from '../model/verdict.ts';
import { BUILTIN_INTERCEPTION_CAS } from './interception-cas.ts';
import shippedCas from './interception-cas.json' with { type: 'json' };
import { censoredPlanetSignatures, citizenLabDnsSignatures, citizenLabHttpSignatures } from './signatures.ts';

interface ManifestFile {
  path: string;
  sha256: string;
  upstreamSha256: string;
  filter?: { rowsKept: number; rowsDropped: number };
  transform?: string;
}
interface Manifest {
  sources: Array<{ id: string; upstream: string; commit: string; licence: string; files: ManifestFile[] }>;
  local: Array<{ path: string; sha256: string }>;
}

const dataFileUrl = (path: string): URL => new URL(path, import.meta.url);
const manifest = JSON.parse(readFileSync(dataFileUrl('SOURCES.json'), 'utf8')) as Manifest;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(dataFileUrl(path))).digest('hex');

describe('shipped data files (src/data)', () => {
  it('the interception-CA table matches the model schema (it is not parsed at start-up)', () => {
    expect(z.array(interceptionCaSchema).parse(shippedCas.interceptionCas)).toEqual(BUILTIN_INTERCEPTION_CAS);
    expect(BUILTIN_INTERCEPTION_CAS.length).toBeGreaterThan(0);
  });

  it('every file matches the sha256 recorded in SOURCES.json, with its upstream commit', () => {
    expect(manifest.sources.map((s) => s.id)).toEqual(['censoredplanet-assets', 'citizenlab-filtering-annotations']);
    for (const src of manifest.sources) {
      expect(src.commit).toMatch(/^[0-9a-f]{40}$/);
      for (const f of src.files) {
        expect(sha256(f.path), f.path).toBe(f.sha256);
        // Unfiltered files are upstream's bytes; filtered ones say what they dropped.
        if (f.filter) expect(f.filter.rowsKept).toBeGreaterThan(0);
        else if (!f.transform) expect(f.sha256, f.path).toBe(f.upstreamSha256);
      }
    }
    for (const l of manifest.local) expect(sha256(l.path), l.path).toBe(l.sha256);
  });

  it('each upstream ships with its licence beside its data', () => {
    for (const src of manifest.sources) {
      const licence = src.files.find((f) => /\/LICEN[CS]E(\.md)?$/.test(f.path));
      expect(licence, src.id).toBeDefined();
      expect(readFileSync(dataFileUrl(licence?.path ?? ''), 'utf8')).toMatch(/Redistribution and use in source and binary forms/);
      const dirs = new Set(src.files.map((f) => f.path.split('/').slice(0, -1).join('/')));
      expect(dirs.size).toBe(1);
    }
  });

  it('package.json ships every data file with its licence (tsc also carries the imported JSON into dist/)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { files: string[]; scripts: Record<string, string> };
    const shipped = (p: string) => pkg.files.some((f) => `src/data/${p}` === f || `src/data/${p}`.startsWith(`${f}/`));
    for (const p of [...manifest.sources.flatMap((s) => s.files.map((f) => f.path)), ...manifest.local.map((l) => l.path), 'SOURCES.json']) expect(shipped(p), p).toBe(true);
    expect(pkg.scripts['update-data']).toBe('node src/data/update.mjs');
    expect(existsSync(new URL('./update.mjs', import.meta.url))).toBe(true);
  });

  it('loads the tables as before: 643 + 463 Censored Planet, 343 Citizen Lab HTTP (no benign injections), 127 DNS', () => {
    const cp = censoredPlanetSignatures();
    expect(cp.blockpages).toHaveLength(643);
    expect(cp.falsePositives).toHaveLength(463);
    expect(cp.blockpages[0]).toEqual({ fingerprint: 'a_prod_barracuda_1', pattern: '<th>Barracuda NextGen Firewall:</th>' });
    const http = citizenLabHttpSignatures();
    expect(http).toHaveLength(343);
    expect(http.some((s) => s.scope === 'injb')).toBe(false);
    expect(http[0]).toEqual({ name: 'inst_corp_etisalat', pattern: 'it-security-operations@etisalat.ae', location: 'body', scope: 'inst', countries: ['AE'] });
    expect(http.find((s) => s.name === 'prod_bluecoat_notify_forward')?.countries).toEqual([]);
    const dns = citizenLabDnsSignatures();
    expect(dns).toHaveLength(127);
    expect(dns[0]).toEqual({ name: 'dns_br_1234', response: '1.2.3.4', scope: 'br', countries: [] });
    expect(BUILTIN_INTERCEPTION_CAS.map((c) => c.name)).toContain('Qaznet Trust Network');
  });

  it('the matchers use the loaded data', () => {
    expect(matchDnsBlockAnswer('1.2.3.4')).toEqual({ fingerprint: 'dns_br_1234', countries: [] });
    expect(matchBlockpage(200, { server: 'Barracuda/NGFirewall' }, '')?.fingerprint).toBe('a_prod_barracuda_2');
    expect(matchBlockpage(200, {}, '<p>mail it-security-operations@etisalat.ae</p>')).toMatchObject({ fingerprint: 'inst_corp_etisalat', source: 'citizenlab' });
  });
});
