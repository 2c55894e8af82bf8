import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory } from './helpers/cli.ts';
import { tempDir } from './helpers/tmp.ts';

const cli = (args: string[]) => runInMemory(args);

describe('tekser config', () => {
  it('shows values (not "(built-in default)") under the file\'s snake_case names', async () => {
    const dataDir = tempDir('config');
    const r = await cli(['config', '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('built-in default');
    expect(r.out).toMatch(/^lists\s+\S*test-lists\/kz\.csv, .*global\.csv.*\s+default$/m);
    expect(r.out).toMatch(/^control_resolvers\s+https:\/\/1\.1\.1\.1\/dns-query, https:\/\/8\.8\.8\.8\/dns-query\s+default$/m);
    expect(r.out).toMatch(/^timeouts\.dns\s+4\s+default$/m);
    expect(r.out).toMatch(/^max_runtime\s+\(no limit\)\s+default$/m);
    expect(r.out).not.toMatch(/controlResolver|dnsTimeout/);
  });

  it('--format json: each setting with its value and where it comes from', async () => {
    const dataDir = tempDir('config');
    writeFileSync(join(dataDir, 'config.yaml'), 'concurrency: 3\ntimeouts:\n  tls: 7\n');
    const r = await cli(['config', '--data-dir', dataDir, '--format', 'json', '--retries', '1']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const by = Object.fromEntries(doc.settings.map((s: { key: string }) => [s.key, s]));
    expect(doc.configFile).toBe(join(dataDir, 'config.yaml'));
    expect(by.concurrency).toEqual({ key: 'concurrency', value: 3, source: 'config', where: `${join(dataDir, 'config.yaml')}:1` });
    expect(by['timeouts.tls']).toMatchObject({ value: 7, source: 'config', where: `${join(dataDir, 'config.yaml')}:3` });
    expect(by.retries).toEqual({ key: 'retries', value: 1, source: 'flag', where: '--retries' });
    expect(by.resolver).toEqual({ key: 'resolver', value: 'system', source: 'default', where: 'default' });
  });

  it('validates the file with the rules of the flags: `resolver: 8.8.8.8` fails at load, file:line, exit 2', async () => {
    const dataDir = tempDir('config');
    const file = join(dataDir, 'config.yaml');
    writeFileSync(file, 'concurrency: 2\nresolver: 8.8.8.8\n');
    for (const cmd of ['config', 'run']) {
      const r = await cli([cmd, '--data-dir', dataDir, '--no-save'].filter((a) => cmd === 'run' || a !== '--no-save'));
      expect(r.code, cmd).toBe(2);
      expect(r.err.trimEnd().split('\n'), cmd).toHaveLength(1);
      expect(r.err, cmd).toBe(`tekser: config ${file}:2: resolver: resolver "8.8.8.8" is not "system", udp://IP[:port], tcp://IP[:port] or an https:// DoH URL\n`);
    }
    // ...the same words as the flag gets.
    const flag = await cli(['run', '--resolver', '8.8.8.8', '--no-save', '--data-dir', tempDir('config')]);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('resolver "8.8.8.8" is not "system", udp://IP[:port], tcp://IP[:port] or an https:// DoH URL');
  });

  it('rejects a plain-DNS control resolver and a helper that is not a URL, in the file as on the command line', async () => {
    const dataDir = tempDir('config');
    const file = join(dataDir, 'config.yaml');
    writeFileSync(file, 'control_resolvers:\n  - https://1.1.1.1/dns-query\n  - udp://1.1.1.1\n');
    const r = await cli(['config', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/config\.yaml:3: control_resolvers\.1: udp:\/\/1\.1\.1\.1: the control must be a DoH URL/);
    writeFileSync(file, 'control_helper: helper.example\n');
    expect((await cli(['config', '--data-dir', dataDir])).err).toMatch(/config\.yaml:1: control_helper: helper\.example: not a URL/);
    const flag = await cli(['config', '--data-dir', tempDir('config'), '--control-helper', 'helper.example']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('helper.example: not a URL');
    writeFileSync(file, 'control_helper: https://user:secret@helper.example/\n');
    const creds = await cli(['config', '--data-dir', dataDir]);
    expect(creds.code).toBe(2);
    expect(creds.err).toMatch(/config\.yaml:1: control_helper: no credentials in the URL/);
    expect(creds.err).not.toContain('secret');
    // Several helpers (failover), as --control-helper repeated.
    writeFileSync(file, 'control_helper: [https://h1.example/, https://h2.example/]\n');
    const two = await cli(['config', '--data-dir', dataDir, '--format', 'json']);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.out).settings.find((x: { key: string }) => x.key === 'control_helper').value).toEqual(['https://h1.example/', 'https://h2.example/']);
  });
});
