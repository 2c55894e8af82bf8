import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFromHelper } from '../fleet/network.ts';
import { parseResolver } from '../net/dns.ts';
import { publicTrustStore } from '../net/tls.ts';
import { parseAsnTable } from './asn-table.ts';
import { helperNetwork } from './client.ts';
import { createHelperServer } from './server.ts';

const TABLE = `# prefix,asn,cc
95.56.0.0/15,9198,KZ
95.57.128.0/17,21299,KZ
2a00:1f00::/32,29355,kz
127.0.0.0/8,64500,KZ
`;

describe('the helper\'s IP-to-AS table', () => {
  it('finds the longest matching prefix, IPv4 (also inside IPv6) and IPv6; nothing for an address it does not hold', () => {
    const t = parseAsnTable(TABLE, 'asn.csv');
    expect(t.size).toBe(4);
    expect(t.lookup('95.56.1.1')).toEqual({ asn: 'AS9198', cc: 'KZ' });
    expect(t.lookup('95.57.200.1')).toEqual({ asn: 'AS21299', cc: 'KZ' });
    expect(t.lookup('::ffff:95.57.1.1')).toEqual({ asn: 'AS9198', cc: 'KZ' });
    expect(t.lookup('2a00:1f00:1::5')).toEqual({ asn: 'AS29355', cc: 'KZ' });
    expect(t.lookup('203.0.113.9')).toBeNull();
    expect(() => parseAsnTable('95.56.0.0/15,9198,KZ\n95.56.0.0/40,9198\n', 'asn.csv')).toThrow('asn.csv:2: expected prefix,asn,cc');
  });

  describe('GET /network on a loopback helper', () => {
    let base = '';
    let bare = '';
    const servers: Array<ReturnType<typeof createHelperServer>> = [];
    const listen = async (s: ReturnType<typeof createHelperServer>): Promise<string> => {
      servers.push(s);
      await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
      return `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
    };
    beforeAll(async () => {
      const common = { resolver: parseResolver('system'), trust: publicTrustStore([]) };
      base = await listen(createHelperServer({ ...common, asnTable: parseAsnTable(TABLE, 'asn.csv'), token: 'lab-token-123' }));
      bare = await listen(createHelperServer(common));
    });
    afterAll(() => servers.forEach((s) => s.close()));

    it('answers the caller\'s AS and country, never its address, and only with the token', async () => {
      expect(await helperNetwork(base, { timeoutMs: 5000, token: 'lab-token-123' })).toEqual({ asn: 'AS64500', cc: 'KZ' });
      const res = await fetch(new URL('network', base), { headers: { authorization: 'Bearer lab-token-123' } });
      expect(await res.text()).not.toContain('127.0.0.1');
      expect(await helperNetwork(base, { timeoutMs: 5000, token: 'wrong-token-1' })).toMatchObject({ problem: expect.stringMatching(/token/) });
    });

    it('run --network-from-helper fills only what the config and flags leave unset; a helper without a table changes nothing', async () => {
      const said: string[] = [];
      process.env.TEKSER_HELPER_TOKEN = 'lab-token-123';
      try {
        expect(await networkFromHelper({ networkName: 'Lab' }, [base], (t) => said.push(t))).toEqual({ networkAsn: 'AS64500', networkCc: 'KZ' });
        expect(await networkFromHelper({ networkAsn: '9198' }, [base], (t) => said.push(t))).toEqual({ networkCc: 'KZ' });
      } finally {
        delete process.env.TEKSER_HELPER_TOKEN;
      }
      expect(said).toEqual([]);
      expect(await networkFromHelper({}, [bare], (t) => said.push(t))).toEqual({});
      expect(said.join('')).toMatch(/did not say which network this is \(this helper has no IP-to-AS table/);
    });
  });
});
