import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dns, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import { serviceTargetsFromYaml } from '../lists/service-targets.ts';
import { encodeResult } from './codec.ts';
import { decodeResult } from './codec-decode.ts';
import type { TargetResult, TargetResultJson } from './run.ts';
import type { Verdict } from './verdict.ts';

const GOLDEN = fileURLToPath(new URL('../../test/golden/', import.meta.url));
const SERVICES = fileURLToPath(new URL('../../test-lists/messengers.yaml', import.meta.url));
const services = (() => {
  const byId = new Map(serviceTargetsFromYaml(SERVICES).map((t) => [t.service.id, t.service]));
  return (id: string) => byId.get(id) ?? null;
})();
const digest = (body: string): string => `sha(${body})`;
const verdict: Verdict = { status: 'accessible', method: null, reason: 'ok', evidence: ['e'], dnsConsistency: 'consistent', blockpage: null, httpComparison: null, untrustedIssuer: null, interceptionCa: null, sniProof: null };

function decoded(value: unknown): TargetResult {
  const d = decodeResult(value, 'here', services);
  if ('error' in d || d.kind === 'skipped') throw new Error(JSON.stringify(d));
  return { target: d.measurement.target, verdict: d.previous, measurement: d.measurement } as TargetResult;
}

describe('the result-line codec (model/codec.ts writes, model/codec-decode.ts reads)', () => {
  it('a web result with its bodies: encode then decode gives the same result back', () => {
    const url = 'https://a.example/';
    const m = measurement(url, { dns: { local: [dns('udp', 'a.example', ['192.0.2.1'])], control: [dns('doh', 'a.example', ['192.0.2.1'])] }, tcp: [tcp('192.0.2.1', 443)], tls: [tls('192.0.2.1', 'a.example')], http: [http(url, '192.0.2.1', 200, { body: '<title>a</title>', bodyLength: 16 })] });
    const r: TargetResult = { target: m.target, verdict, measurement: m };
    const line = encodeResult(r, { includeBodies: true }, digest);
    expect((line.measurement as { http: Array<{ bodySha256: string | null }> }).http[0]?.bodySha256).toBe('sha(<title>a</title>)');
    expect(decoded(JSON.parse(JSON.stringify(line)))).toEqual(r);
  });

  it('without bodies the line keeps the digest, and decoding says the bodies are missing', () => {
    const url = 'https://b.example/';
    const m = measurement(url, { http: [http(url, '192.0.2.2', 200, { body: 'page', bodyLength: 4 })] });
    const line = encodeResult({ target: m.target, verdict, measurement: m }, { includeBodies: false }, digest);
    expect(JSON.stringify(line)).not.toContain('"body"');
    const d = decodeResult(JSON.parse(JSON.stringify(line)), 'here', services);
    expect(d).toMatchObject({ kind: 'web', lacks: ['page bodies (the run was saved without --include-bodies)'] });
  });

  it('every line of the golden runs: decode then encode writes the same line back (digests and the helper\'s attempt list aside)', () => {
    let lines = 0;
    for (const scenario of readdirSync(GOLDEN, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const text = readFileSync(join(GOLDEN, scenario.name, 'measurement.json'), 'utf8');
      for (const raw of text.split('\n').filter((l) => l.trim())) {
        const value = JSON.parse(raw) as Record<string, unknown>;
        if (value.type === 'run-summary') continue;
        const d = decodeResult(value, 'here', services);
        if ('error' in d || d.kind === 'skipped') continue;
        lines++;
        // A line saved without bodies: re-encoding digests '' where the run digested the page.
        const again = encodeResult(decoded(value), { includeBodies: raw.includes('"body":') }, () => 'DIGEST');
        const want = JSON.parse(raw.replace(/"bodySha256":"[0-9a-f]{64}"/g, '"bodySha256":"DIGEST"')) as TargetResultJson;
        // The reader keeps the helper's answer, not the list of helpers tried (as before the codec was one).
        const helper = (want.measurement as { helper?: { attempts?: unknown } | null }).helper;
        if (helper) delete helper.attempts;
        expect(again, `${scenario.name}: ${raw.slice(0, 120)}`).toEqual(want);
      }
    }
    expect(lines).toBeGreaterThan(20);
  });

  it('a line that is not a result is an error in words, not a throw', () => {
    expect(decodeResult({ schema: 'tekser/run/v1' }, 'here', services)).toMatchObject({ error: expect.stringMatching(/^not a tekser result line/) });
  });
});

describe('the codec and start-up', () => {
  it('the writing half (and the report that uses it) loads no zod: the run path imports it before its first queries', async () => {
    const { runtimeClosure } = await import('../../test/helpers/imports.ts');
    const writer = runtimeClosure(['report/json.ts']);
    expect(writer).toContain('model/codec.ts');
    expect([...writer].filter((f) => f === 'zod' || f === 'model/codec-decode.ts' || f === 'model/run.ts')).toEqual([]);
    expect(runtimeClosure(['model/codec-decode.ts'])).toContain('zod');
  });
});
