import { describe, expect, it } from 'vitest';
import { analyzeWeb } from '../src/analyze/web.ts';
import {
  BLOCKING_METHODS,
  CERT_FAILURE_CLASSES,
  dnsObservationSchema,
  httpObservationSchema,
  runDocumentSchema,
  targetResultSchema,
  tlsObservationSchema,
  VERDICT_STATUSES,
  verdictSchema,
  webMeasurementSchema,
  webTargetSchema,
} from '../src/model/index.ts';
import { serializeResult } from '../src/report/json.ts';
import { dns, helperOk, http, measurement, tcp, tls } from './fixtures/observations.ts';

const m = measurement('https://example.kz/', {
  dns: { local: [dns('udp', 'example.kz', ['198.51.100.7'])], control: [dns('doh', 'example.kz', ['198.51.100.7'], null, { resolver: 'https://dns.example/dns-query' })] },
  tcp: [tcp('198.51.100.7', 443)],
  tls: [tls('198.51.100.7', 'example.kz')],
  http: [http('https://example.kz/', '198.51.100.7', 200)],
  helper: { url: 'https://helper.example/', response: helperOk(['198.51.100.7:443']), failure: null },
});

describe('the measurement model (src/model)', () => {
  it('a measurement the code builds is one the schema accepts, unchanged', () => {
    expect(webMeasurementSchema.parse(m)).toEqual(m);
  });

  it('a verdict and a serialized result parse with the model schemas', () => {
    const verdict = analyzeWeb(m);
    expect(verdictSchema.parse(verdict)).toEqual(verdict);
    const json = serializeResult({ target: m.target, verdict, measurement: m }, { includeBodies: false });
    expect(targetResultSchema.safeParse(json).success).toBe(true);
  });

  it('statuses and methods are one enum each', () => {
    expect(verdictSchema.shape.status.options).toEqual([...VERDICT_STATUSES]);
    expect(verdictSchema.shape.method.unwrap().options).toEqual([...BLOCKING_METHODS]);
  });

  it('accepts the new optional fields, and rejects values outside their enums', () => {
    const handshake = { ...tls('198.51.100.7', 'example.kz'), certFailure: 'expired' as const };
    expect(tlsObservationSchema.parse(handshake).certFailure).toBe('expired');
    expect(tlsObservationSchema.safeParse({ ...handshake, certFailure: 'bad' }).success).toBe(false);
    expect(CERT_FAILURE_CLASSES).toContain('untrusted_root');
    const doh = dns('doh', 'example.kz', ['198.51.100.7'], null, { tls: handshake });
    expect(dnsObservationSchema.parse(doh).tls?.serverName).toBe('example.kz');
    const sampled = http('https://example.kz/', '198.51.100.7', 200, { samples: [{ t: 0.25, bytes: 1000 }, { t: 0.5, bytes: 4000 }] });
    expect(httpObservationSchema.parse(sampled).samples).toHaveLength(2);
    expect(webTargetSchema.parse({ ...m.target, role: 'canary' }).role).toBe('canary');
    expect(webTargetSchema.safeParse({ ...m.target, role: 'other' }).success).toBe(false);
    const failover = { ...m, helper: { url: 'https://b.example/', response: null, failure: null, attempts: [{ url: 'https://a.example/', failure: 'generic_timeout_error', t0: 0, t: 5 }] } };
    expect(webMeasurementSchema.parse(failover).helper?.attempts).toHaveLength(1);
    expect(runDocumentSchema.shape.controlCheck.safeParse([doh]).success).toBe(true);
  });
});
