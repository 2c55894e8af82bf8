import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRecordSchema } from '../model/run.ts';
import { startRun } from '../store/writer.ts';
import { runInMemory } from '../../test/helpers/cli.ts';
import { tempDir } from '../../test/helpers/tmp.ts';
import { networkLabel, networkOf } from './network.ts';

describe("a run's network identity", () => {
  it('comes from the options as AS number, country and name, normalised; absent parts are null', () => {
    expect(networkOf({ networkAsn: 9198, networkCc: 'kz', networkName: ' Kazakhtelecom ' })).toEqual({ asn: 'AS9198', country: 'KZ', name: 'Kazakhtelecom' });
    expect(networkOf({ networkAsn: 'as21299' })).toEqual({ asn: 'AS21299', country: null, name: null });
    expect(networkOf({})).toEqual({ asn: null, country: null, name: null });
    expect(networkLabel({ asn: 'AS9198', country: 'KZ', name: null })).toBe('AS9198 (KZ)');
    expect(networkLabel({ asn: 'AS9198', country: 'KZ', name: 'Kazakhtelecom' })).toBe('Kazakhtelecom');
  });

  it('is kept in run.json (and a run.json without a name still reads)', () => {
    const dataDir = tempDir('network-record');
    const w = startRun(dataDir, { tekserVersion: '0', lists: [], settings: {}, targets: 0, network: networkOf({ networkAsn: '9198', networkCc: 'KZ', networkName: 'Kazakhtelecom' }) });
    w.finish('complete', { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, []);
    const record = runRecordSchema.parse(JSON.parse(readFileSync(join(w.dir, 'run.json'), 'utf8')));
    expect(record.network).toEqual({ asn: 'AS9198', country: 'KZ', name: 'Kazakhtelecom' });
    expect(runRecordSchema.parse({ ...record, network: { asn: null, country: null } }).network.name).toBeUndefined();
  });

  it('config network: {asn, cc, name} and fleet_url are read, flags override them, bad values are refused with file:line', async () => {
    const dataDir = tempDir('network-config');
    writeFileSync(join(dataDir, 'config.yaml'), 'network: {asn: 9198, cc: KZ, name: Kazakhtelecom}\nfleet_url: postgres://probe_kt:pw@fleet.example.org/tekser?sslmode=verify-full\n');
    const r = await runInMemory(['config', '--format', 'json', '--data-dir', dataDir, '--network-name', 'Beeline']);
    expect(r.code).toBe(0);
    const settings = Object.fromEntries((JSON.parse(r.out) as { settings: Array<{ key: string; value: unknown; source: string }> }).settings.map((s) => [s.key, s]));
    expect(settings['network.asn']).toMatchObject({ value: 9198, source: 'config' });
    expect(settings['network.name']).toMatchObject({ value: 'Beeline', source: 'flag' });
    expect(settings.fleet_url?.value).toBe('postgres://probe_kt:***@fleet.example.org/tekser?sslmode=verify-full');
    writeFileSync(join(dataDir, 'config.yaml'), 'concurrency: 4\nnetwork: {asn: 9198, cc: Kazakhstan}\n');
    const bad = await runInMemory(['config', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/config\.yaml:2: network\.cc: Kazakhstan: a country is two letters/);
    expect((await runInMemory(['run', '--network-asn', 'AS0x', '--data-dir', dataDir])).err).toMatch(/an AS number is/);
  });
});
