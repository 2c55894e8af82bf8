import { describe, expect, it } from 'vitest';
import { cert, dns, http, measurement, tcp, tls } from '../test/fixtures/observations.ts';
import { findFindings } from './findings/index.ts';
import { analyzeWeb } from './analyze/web.ts';
import { DEFAULT_TIMEOUTS, type MeasureContext } from './measure/context.ts';
import type { ServiceMeasurement, WebMeasurement } from './model/measurement.ts';
import type { InterceptionCa } from './model/verdict.ts';
import { parseServices } from './lists/services.ts';
import type { TargetResult, WebResult } from './model/run.ts';
import type { WebTarget } from './model/target.ts';
import { analyzePipeline, runPipeline, runTargets } from './pipeline.ts';
import { compactFindingRecord } from './findings/compact.ts';
import type { IngestItem } from './ingest/item.ts';
import { jsonDocumentRenderer, jsonlRenderer, tableRenderer } from './report/render.ts';
import { BUILTIN_INTERCEPTION_CAS } from './data/interception-cas.ts';
import { runDocumentSchema, runSummaryLineSchema, targetResultSchema, RUN_SCHEMA_ID } from './model/run.ts';
import type { TableRow } from './report/table.ts';

const result = (m: WebMeasurement): WebResult => ({ target: m.target, verdict: analyzeWeb(m), measurement: m });
const helperSees = (ip: string, port = 443) => ({ url: 'h', failure: null, response: { tcp_connect: { [`${ip}:${port}`]: { status: true, failure: null } }, tls_handshake: {}, http_request: { body_length: 1, failure: null, title: '', headers: {}, status_code: 200 }, dns: { failure: null, addrs: [] } } });
const ipBlocked = (host: string, ip: string): WebResult =>
  result(measurement(`https://${host}/`, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443, 'connection_refused')], helper: helperSees(ip) }));
const works = (host: string, ip: string, body = 1000, seconds = 0.05): WebResult => {
  const url = `https://${host}/`;
  const page = http(url, ip, 200, { tls: tls(ip, host), bodyLength: body, body: 'x'.repeat(2000), t0: 0.1, t: 0.1 + seconds });
  return result(measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, host)], http: [page] }));
};
const offline = (host: string): WebResult =>
  result(measurement(`https://${host}/`, { dns: { local: [dns('getaddrinfo', host, [], 'dns_temporary_failure')], control: [dns('doh', host, [], 'network_unreachable')] } }));
const sniProven = (host: string, ip: string): WebResult =>
  result(
    measurement(`https://${host}/`, {
      dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] },
      tcp: [tcp(ip, 443)],
      tls: [tls(ip, host, 'generic_timeout_error')],
      sniProbes: [
        { kind: 'same-ip-harmless-sni', handshake: tls(ip, 'example.org', null) },
        { kind: 'neutral-host-target-sni', handshake: tls('192.0.2.9', host, 'connection_reset') },
      ],
    }),
  );
const mitm = (host: string, ip: string, issuer: string): WebResult =>
  result(measurement(`https://${host}/`, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, host, 'ssl_unknown_authority', [cert(`CN=${host}`, issuer), cert(issuer, issuer)])] }));

describe('slim records: what findings need, nothing more', () => {
  const slim = (r: TargetResult) => compactFindingRecord(r, BUILTIN_INTERCEPTION_CAS);
  const sets: Record<string, TargetResult[]> = {
    collateral: [ipBlocked('a.example', '203.0.113.7'), ipBlocked('b.example', '203.0.113.7'), works('d.example', '203.0.113.10')],
    shutdown: [offline('a.example'), offline('b.example'), offline('c.example')],
    sniAndMitm: [sniProven('rfe.example', '203.0.113.22'), mitm('www.facebook.com', '203.0.113.30', 'C=KZ, CN=Qaznet Trust Network'), mitm('x.example', '203.0.113.31', 'CN=Corporate Proxy CA')],
    throttling: [...Array.from({ length: 4 }, (_, i) => works(`fast${i}.example`, `198.51.100.${i + 1}`, 300_000, 0.01)), works('slow.example', '198.51.100.9', 300_000, 3)],
  };
  for (const [name, rs] of Object.entries(sets)) {
    it(`findings over compacted slim records equal findings over full ones: ${name}`, () => {
      const full = findFindings(rs);
      expect(full.length).toBeGreaterThan(0);
      expect(findFindings(rs.map(slim))).toEqual(full);
    });
  }

  it('keeps no page, certificate or evidence, and shares what repeats between healthy targets', () => {
    const a = slim(works('a.example', '198.51.100.1'));
    const b = slim(works('b.example', '198.51.100.1', 300_000));
    expect(JSON.stringify(a)).not.toContain('xxxx');
    expect(JSON.stringify(slim(mitm('x.example', '203.0.113.31', 'CN=Proxy')))).not.toContain('AAAA'); // the certificate's DER
    expect(a.verdict).toBe(b.verdict);
    expect(a.tcpOk).toBe(b.tcpOk);
    expect(a.control).toBe(b.control);
    expect(a.hostname).toBe('a.example');
  });
});

const ctx = { timeouts: { ...DEFAULT_TIMEOUTS, targetMs: 2000 }, localResolver: { kind: 'system' }, interceptionCas: [] } as unknown as MeasureContext;
const targets: WebTarget[] = Array.from({ length: 12 }, (_, i) => ({ kind: 'web', url: `https://t${i}.example/`, category: null, source: 'test' }));
const fakeMeasurers = (log: string[]) => ({
  web: async (t: WebTarget) => {
    log.push(`measure ${t.url}`);
    await new Promise((r) => setTimeout(r, 1));
    return works(new URL(t.url).hostname, '198.51.100.1').measurement;
  },
  service: async () => {
    throw new Error('no services here');
  },
});

describe('runPipeline: measure → analyze → findings, streaming', () => {
  it('writes each full result to the store and the output before measuring the next (concurrency 1)', async () => {
    const log: string[] = [];
    const stored: unknown[] = [];
    const outcome = await runPipeline({
      targets: targets.slice(0, 3),
      ctx,
      concurrency: 1,
      measurers: fakeMeasurers(log),
      serialize: { includeBodies: false },
      store: { append: (l) => void (stored.push(l), log.push(`store ${l.target.url}`)) },
      output: { result: (l) => void log.push(`out ${l.target.url}`), finish: () => void log.push('finish') },
    });
    expect(log).toEqual(['t0', 't1', 't2'].flatMap((t) => [`measure https://${t}.example/`, `store https://${t}.example/`, `out https://${t}.example/`]));
    expect(outcome.summary).toMatchObject({ total: 3, accessible: 3 });
    expect(stored.every((l) => targetResultSchema.safeParse(l).success)).toBe(true);
  });

  it('stops scheduling when the signal fires; targets in flight finish', async () => {
    const stop = new AbortController();
    const log: string[] = [];
    const outcome = await runPipeline({
      targets,
      ctx,
      concurrency: 2,
      signal: stop.signal,
      measurers: fakeMeasurers(log),
      serialize: { includeBodies: false },
      output: { result: () => stop.abort(), finish: () => {} },
    });
    expect(outcome.summary.total).toBeLessThan(targets.length);
    expect(outcome.summary.total).toBe(log.length);
  });
});

describe('renderers', () => {
  const collect = () => {
    const out: string[] = [];
    return { out, write: (t: string) => void out.push(t) };
  };
  const head = { schema: RUN_SCHEMA_ID as typeof RUN_SCHEMA_ID, tekser: { version: 'x', node: 'y', openssl: 'z' }, startedAt: 'a', settings: { localResolver: 'system', controlResolvers: [] as string[], controlHelper: null, trustStore: 't', concurrency: 1, lists: [] as string[] } };

  it('the streamed JSON document is one valid document (runDocumentSchema), empty or not', async () => {
    for (const n of [0, 1, 3]) {
      const { out, write } = collect();
      const r = jsonDocumentRenderer(write, head);
      const rs = targets.slice(0, n);
      const outcome = await runPipeline({ targets: rs, ctx, concurrency: 2, measurers: fakeMeasurers([]), serialize: { includeBodies: false }, output: r });
      await r.finish({ finishedAt: 'b', ...outcome, extra: { agreement: { total: 0 } } });
      const doc = JSON.parse(out.join(''));
      expect(runDocumentSchema.safeParse(doc).success).toBe(true);
      expect(doc.results).toHaveLength(n);
      expect(doc.agreement).toEqual({ total: 0 });
      // The text is written piece by piece: no single write holds the whole document.
      expect(out.length).toBeGreaterThanOrEqual(n + 2);
    }
  });

  it('JSONL: one line per result, then the run-summary line', async () => {
    const { out, write } = collect();
    const r = jsonlRenderer(write, 'a');
    const outcome = await runPipeline({ targets: targets.slice(0, 2), ctx, concurrency: 1, measurers: fakeMeasurers([]), serialize: { includeBodies: false }, output: r });
    await r.finish({ finishedAt: 'b', ...outcome });
    const lines = out.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(runSummaryLineSchema.safeParse(lines[2]).success).toBe(true);
  });

  it('the table keeps rows without evidence unless verbose', async () => {
    let rows: TableRow[] = [];
    const r = tableRenderer((rs) => void (rows = rs), false);
    await runPipeline({ targets: targets.slice(0, 2), ctx, concurrency: 1, measurers: fakeMeasurers([]), serialize: { includeBodies: false }, output: r });
    await r.finish({ finishedAt: 'b', summary: { total: 0, accessible: 0, blocked: 0, partiallyBlocked: 0, down: 0, inconclusive: 0 }, findings: [] });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.verdict.evidence).toEqual([]);
  });
});

describe('analyzePipeline', () => {
  it('analyses items one at a time, writes their source and the verdict they came with, and makes findings per network', async () => {
    const previous = { status: 'blocked', method: 'dns', reason: 'r', evidence: [] } as const;
    async function* items(): AsyncGenerator<IngestItem> {
      for (const r of [offline('a.example'), offline('b.example'), offline('c.example')]) yield { kind: 'web', measurement: r.measurement, group: 'AS1', source: { format: 'tekser', where: 'x' } };
      yield { kind: 'web', measurement: works('d.example', '198.51.100.1').measurement, group: 'AS2', previous: previous as never };
    }
    const lines: Record<string, unknown>[] = [];
    const outcome = await analyzePipeline({ items: items(), knowledge: { interceptionCas: [] }, serialize: { includeBodies: false }, output: { result: (l) => void lines.push(l), finish: () => {} } });
    expect(lines.map((l) => (l.source as { where?: string } | undefined)?.where ?? (l.previousVerdict as { changed: boolean }).changed)).toEqual(['x', 'x', 'x', true]);
    expect(outcome.summary).toMatchObject({ total: 4, accessible: 1, inconclusive: 3 });
    // Without groups, 3 of 4 offline with one working would be no finding; within AS1, it is a shutdown.
    expect(outcome.findings.map((f) => f.kind)).toEqual(['no-connectivity']);
    expect(outcome.findings[0]?.title).toMatch(/^\[AS1\] No connectivity/);
  });
});

const shortCtx = { timeouts: { ...DEFAULT_TIMEOUTS, targetMs: 200 }, localResolver: { kind: 'system' }, interceptionCas: [] } as unknown as MeasureContext;
const twenty: WebTarget[] = Array.from({ length: 20 }, (_, i) => ({ kind: 'web', url: `https://t${i}.example/`, category: null, source: 'test' }));

describe('runTargets', () => {
  it('never measures more than --concurrency targets at once, and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const finished: string[] = [];
    const results = await runTargets(twenty, shortCtx, {
      concurrency: 4,
      onResult: (r) => finished.push(r.target.url),
      measurers: {
        web: async (t) => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 5 + (t.url.length % 3) * 5));
          inFlight--;
          return measurement(t.url);
        },
        service: async () => {
          throw new Error('no services here');
        },
      },
    });
    expect(peak).toBe(4);
    expect(results.map((r) => r.target.url)).toEqual(twenty.map((t) => t.url));
    expect(finished).toHaveLength(20);
  });

  it('a target that outlives the whole-target deadline comes back inconclusive, and the run goes on', async () => {
    const results = await runTargets(twenty.slice(0, 2), shortCtx, {
      concurrency: 2,
      measurers: {
        web: (t) => (t.url.includes('t0') ? new Promise(() => {}) : Promise.resolve(measurement(t.url))),
        service: async () => {
          throw new Error('unused');
        },
      },
    });
    expect(results[0]?.measurement.deadlineExceeded).toBe(true);
    expect(results[0]?.verdict).toMatchObject({ status: 'inconclusive', reason: 'The measurement ran out of time before it could conclude' });
  });

  it('stops scheduling when the signal aborts', async () => {
    const stop = new AbortController();
    let started = 0;
    const results = await runTargets(twenty, shortCtx, {
      concurrency: 1,
      signal: stop.signal,
      measurers: {
        web: async (t) => {
          if (++started === 3) stop.abort();
          return measurement(t.url);
        },
        service: async () => {
          throw new Error('unused');
        },
      },
    });
    expect(results).toHaveLength(3);
  });
});

describe('services in a run use the run\'s interception-CA table', () => {
  const yaml = `version: 1
description: test
services:
  - id: corpchat
    name: Corp chat
    kind: messenger
    category_code: COMT
    checks:
      - id: web
        title: the web client
        protocol: https
        endpoints: [https://chat.example/]
        blocked_when: all_endpoints_blocked
`;
  const service = parseServices(yaml, 'corp.yaml').list?.services[0];
  if (!service) throw new Error('the test service did not parse');
  const ip = '198.51.100.9';
  const chain = [cert('CN=chat.example', 'CN=Corp Interceptor'), cert('CN=Corp Interceptor', 'CN=Corp Interceptor')];
  const m: ServiceMeasurement = {
    target: { kind: 'service', service, url: 'service:corpchat', source: 'test' },
    startedAt: '2026-11-23T00:00:00Z',
    runtime: 1,
    localResolver: 'udp://192.0.2.53:53',
    controlAnswered: true,
    deadlineExceeded: false,
    checks: [{ checkId: 'web', attempts: [{ label: 'https://chat.example/', host: 'chat.example', port: 443, dns: { local: [dns('udp', 'chat.example', [ip])], control: [dns('doh', 'chat.example', [ip])] }, tcp: [], tls: [], http: http('https://chat.example/', ip, null, { failure: 'ssl_unknown_authority', failedOperation: 'tls_handshake', tls: tls(ip, 'chat.example', 'ssl_unknown_authority', chain) }) }] }],
  };
  const corp: InterceptionCa = { name: 'Corp Interceptor', country: 'ZZ', notes: 'given with --interception-cas', sha256: [], spkiSha256: [], names: ['CN=Corp Interceptor'] };
  const measurers = { web: async (): Promise<WebMeasurement> => { throw new Error('unused'); }, service: async () => m };

  it('a CA given with --interception-cas names the interception of a service, as it does for web targets', async () => {
    const [named] = await runTargets([m.target], { ...shortCtx, interceptionCas: [...BUILTIN_INTERCEPTION_CAS, corp] }, { concurrency: 1, measurers });
    expect(named?.verdict).toMatchObject({ method: 'mitm', interceptionCa: { ca: 'Corp Interceptor' } });
    const [unnamed] = await runTargets([m.target], { ...shortCtx, interceptionCas: BUILTIN_INTERCEPTION_CAS }, { concurrency: 1, measurers });
    expect(unnamed?.verdict.interceptionCa).toBeFalsy();
  });
});
