import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseServices } from './services.ts';

const base = `version: 1
services:
  - id: demo
    name: Demo
    kind: messenger
    category_code: COMT
    checks:
      - id: web
        title: web
        protocol: https
        endpoints: [https://demo.example/]
`;
const problemsOf = (text: string) => parseServices(text, 'demo.yaml').problems.map((p) => [p.ruleId, p.line, p.message]);

describe('service list YAML', () => {
  it('accepts a minimal list and fills defaults', () => {
    const { list, problems } = parseServices(base, 'demo.yaml');
    expect(problems).toEqual([]);
    expect(list?.services[0]?.checks[0]).toMatchObject({ blocked_when: 'all_endpoints_blocked', http_status: 'ignore', public_roots: true });
  });

  it('reports a wrong enum value at the line of the value', () => {
    const [p] = problemsOf(base.replace('protocol: https', 'protocol: quic'));
    expect(p?.[0]).toBe('yaml-schema');
    expect(p?.[1]).toBe(10);
    expect(p?.[2]).toMatch(/^services\.0\.checks\.0\.protocol: /);
  });

  it('reports a missing key at the line of its parent, and unknown keys at their own line', () => {
    expect(problemsOf(base.replace('    name: Demo\n', ''))).toEqual([['yaml-schema', 3, expect.stringMatching(/^services\.0\.name: /)]]);
    expect(problemsOf(base.replace('        title: web\n', '        title: web\n        colour: red\n'))[0]?.[1]).toBe(10); // the unknown key's own line (issue #25 item 13; was its parent's, two lines up)
  });

  it('checks endpoints against the protocol, pinned CA names and PEMs', () => {
    const bad = base
      .replace('endpoints: [https://demo.example/]', 'endpoints: [http://demo.example/]\n        pinned_cas: [nope]')
      .replace('    checks:', '    cas:\n      broken: "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----"\n    checks:');
    const ps = problemsOf(bad);
    expect(ps).toEqual([
      ['yaml-schema', 8, 'services.0.cas.broken: CA "broken" is not a parsable PEM certificate'],
      ['yaml-schema', 13, 'services.0.checks.0.endpoints.0: "http://demo.example/" must be a https:// URL for protocol https'],
      ['yaml-schema', 14, 'services.0.checks.0.pinned_cas: pinned CA "nope" is not defined under cas'],
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const ps = problemsOf(base.replace('    name: Demo', '    name: [Demo'));
    expect(ps[0]?.[0]).toBe('yaml-syntax');
    expect(ps[0]?.[1]).toBeGreaterThanOrEqual(4);
  });

  it('the shipped messenger list parses, with both Signal roots', () => {
    const text = readFileSync(new URL('../../test-lists/messengers.yaml', import.meta.url), 'utf8');
    const { list, problems } = parseServices(text, 'messengers.yaml');
    expect(problems).toEqual([]);
    expect(list?.services.map((s) => s.id)).toEqual(['whatsapp', 'telegram', 'signal', 'facebook-messenger']);
    const signal = list?.services.find((s) => s.id === 'signal');
    expect(Object.keys(signal?.cas ?? {})).toEqual(['signal-2013', 'signal-2022']);
    const wa = list?.services[0]?.checks[0];
    expect(wa?.endpoints).toHaveLength(16);
    expect(wa?.ports).toEqual([443, 5222]);
  });
});

describe('service list YAML: hostile input', () => {
  it('refuses an alias bomb as a problem at the first alias line instead of throwing', () => {
    const text = `${base}x: &x [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\ny: &y [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x]\nz: &z [*y, *y, *y, *y, *y, *y, *y, *y, *y, *y]\n`;
    const { list, problems } = parseServices(text, 'bomb.yaml');
    expect(list).toBeNull();
    expect(problems.map((p) => [p.ruleId, p.line])).toEqual([['yaml-syntax', 13]]);
    expect(problems[0]?.message).toMatch(/aliases expand too far/);
  });
});
