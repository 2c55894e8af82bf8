import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_RECORD_SCHEMA_ID, RUN_SCHEMA_ID, type RunRecord, type ServiceResultJson, type WebResultJson } from '../src/model/run.ts';
import type { CheckVerdict } from '../src/model/verdict.ts';
import { reportId, testVersion, toOoni } from '../src/report/ooni.ts';
import { NO_BODIES_NOTE, parseProbeAsn, parseProbeCc, UNKNOWN_NETWORK_NOTE } from '../src/cli/commands/export.ts';
import { verdict as emptyVerdict, web, writeRuns } from './fixtures/report-runs.ts';
import { helperOk } from './fixtures/observations.ts';
import { runInMemory } from './helpers/cli.ts';
import { checkOoniMeasurement } from './ooni-schema.ts';

// Every fixture here is written by hand from OONI's specs (df-000 base, ts-017 web_connectivity,
// ts-018 whatsapp, ts-020 telegram, ts-029 signal) and tekser's model; none is copied from output.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Verdict = WebResultJson['verdict'];

const record = (network: RunRecord['network'] = { asn: 'AS9198', country: 'KZ' }): RunRecord => ({
  schema: RUN_RECORD_SCHEMA_ID,
  id: '20261123T090000Z-1a2b',
  status: 'complete',
  startedAt: '2026-11-23T09:00:00.000Z',
  finishedAt: '2026-11-23T09:01:00.000Z',
  tekserVersion: '0.1.0',
  pid: 1,
  lists: [],
  settings: {},
  network,
  targets: 1,
  measured: 1,
  summary: null,
  findings: null,
});

const verdict = (v: Partial<Verdict> & Pick<Verdict, 'status'>): Verdict => emptyVerdict({ reason: 'by hand', ...v });

const keys = (m: Json): Json => m.test_keys as Json;

describe('report_id and versions', () => {
  it("has OONI's shape: start time, test name without underscores, country, AS number, n0, 16 characters", () => {
    const id = reportId(record(), 'web_connectivity', { asn: 'AS9198', country: 'KZ', name: '' });
    expect(id).toMatch(/^20261123T090000Z_webconnectivity_KZ_9198_n0_[A-Za-z0-9]{16}$/);
  });

  it('is the same for the same run and test, and differs between tests and runs', () => {
    const n = { asn: 'AS9198', country: 'KZ', name: '' };
    expect(reportId(record(), 'signal', n)).toBe(reportId(record(), 'signal', n));
    expect(reportId(record(), 'signal', n)).not.toBe(reportId(record(), 'telegram', n));
    expect(reportId({ ...record(), id: '20261123T090000Z-ffff' }, 'signal', n)).not.toBe(reportId(record(), 'signal', n));
  });

  it("writes the nettest's version with tekser's as a PEP 440 local label", () => {
    expect(testVersion('0.2.5', '0.1.0')).toBe('0.2.5+tekser.0.1.0');
    expect(testVersion('0.4.3', '0.2.0-dev')).toBe('0.4.3+tekser.0.2.0.dev');
  });

  it('puts them in every measurement, with tekser as the software and engine', () => {
    const m = toOoni(web({ url: 'https://a.example/', verdict: verdict({ status: 'accessible' }) }), record()) as Json;
    expect(m.report_id).toMatch(/_webconnectivity_KZ_9198_n0_/);
    expect(m.test_version).toBe('0.4.3+tekser.0.1.0');
    expect([m.software_name, m.annotations.engine_name]).toEqual(['tekser', 'tekser']);
  });
});

describe('network', () => {
  const result = web({ url: 'https://a.example/', verdict: verdict({ status: 'accessible' }) });

  it("comes from the run's record", () => {
    expect(toOoni(result, record())).toMatchObject({ probe_asn: 'AS9198', probe_cc: 'KZ' });
  });

  it('is overridden by the export options', () => {
    expect(toOoni(result, record(), { asn: 'AS21299', country: 'UZ' })).toMatchObject({ probe_asn: 'AS21299', probe_cc: 'UZ' });
    expect(toOoni(result, record({ asn: null, country: null }), { asn: 'AS21299', country: 'UZ' })).toMatchObject({ probe_asn: 'AS21299', probe_cc: 'UZ' });
  });

  it('is AS0/ZZ when unknown', () => {
    expect(toOoni(result, record({ asn: null, country: null }))).toMatchObject({ probe_asn: 'AS0', probe_cc: 'ZZ' });
  });

  it('--probe-asn and --probe-cc accept what OONI writes and refuse the rest', () => {
    expect(parseProbeAsn('AS9198')).toBe('AS9198');
    expect(parseProbeAsn('9198')).toBe('AS9198');
    expect(parseProbeCc('kz')).toBe('KZ');
    expect(() => parseProbeAsn('Kazakhtelecom')).toThrow(/AS number/);
    expect(() => parseProbeCc('KAZ')).toThrow(/two letters/);
    expect(() => parseProbeCc('ZZ')).toThrow(/two letters/);
  });
});

describe('web_connectivity: blocking and accessible follow the verdict', () => {
  const cases: Array<[Verdict, unknown, unknown]> = [
    [verdict({ status: 'accessible' }), false, true],
    [verdict({ status: 'down' }), false, false],
    [verdict({ status: 'inconclusive' }), null, null],
    [verdict({ status: 'blocked', method: 'dns' }), 'dns', false],
    [verdict({ status: 'blocked', method: 'tcp_ip' }), 'tcp_ip', false],
    [verdict({ status: 'blocked', method: 'tls' }), 'http-failure', false],
    [verdict({ status: 'blocked', method: 'mitm' }), 'http-failure', false],
    [verdict({ status: 'blocked', method: 'http-diff' }), 'http-diff', false],
  ];
  it.each(cases)('%o → blocking %o, accessible %o', (v, blocking, accessible) => {
    expect(keys(toOoni(web({ url: 'https://a.example/', verdict: v }), record()))).toMatchObject({ blocking, accessible });
  });
});

describe('web_connectivity: comparison with the control page', () => {
  const helper = (page = {}) => ({ url: 'https://helper.example/', failure: null, response: helperOk(['203.0.113.10:443'], page) });

  it("writes the verdict's comparison", () => {
    const cmp = { statusCodeMatch: true, bodyProportion: 0.5, bodyLengthMatch: false, headersMatch: false, titleMatch: true, samePage: true };
    const k = keys(toOoni(web({ url: 'http://a.example/', verdict: verdict({ status: 'accessible', httpComparison: cmp }), http: [{}], helper: helper() }), record()));
    expect(k).toMatchObject({ status_code_match: true, body_proportion: 0.5, body_length_match: false, headers_match: false, title_match: true });
  });

  it('compares the final page with the helper\'s when the verdict did not need to (an HTTPS page)', () => {
    // 5120 bytes here, 5000 there: ratio 0.977 > 0.7; the uncommon header x-site on both sides; same title words.
    const k = keys(toOoni(web({ url: 'https://a.example/', verdict: verdict({ status: 'accessible' }), http: [{ headers: { 'x-site': '1' }, title: 'Example News Today' }], helper: helper({ body_length: 5000 }) }), record()));
    expect(k.status_code_match).toBe(true);
    expect(k.body_proportion).toBeCloseTo(5000 / 5120);
    expect(k).toMatchObject({ body_length_match: true, headers_match: true, title_match: true });
  });

  it('leaves every comparison key null (body_proportion 0) without a control page, and without a page', () => {
    const none = { status_code_match: null, body_length_match: null, headers_match: null, title_match: null, body_proportion: 0 };
    expect(keys(toOoni(web({ url: 'https://a.example/', verdict: verdict({ status: 'accessible' }), http: [{}] }), record()))).toMatchObject(none);
    const failed = web({ url: 'https://a.example/', verdict: verdict({ status: 'blocked', method: 'http-failure' }), http: [{ failure: 'connection_reset', status: null, bodyLength: 0 }], helper: helper() });
    expect(keys(toOoni(failed, record()))).toMatchObject(none);
  });

  it('keeps body_length_match and body_proportion consistent (match iff proportion > 0.7)', () => {
    for (const bodyLength of [100, 3500, 3501, 5000]) {
      const k = keys(toOoni(web({ url: 'https://a.example/', verdict: verdict({ status: 'accessible' }), http: [{ bodyLength }], helper: helper({ body_length: 5000 }) }), record()));
      expect(k.body_length_match, String(bodyLength)).toBe(k.body_proportion > 0.7);
    }
  });
});

describe('web_connectivity: control, bodies and block pages', () => {
  it("keeps tekser's DoH control lookups out of the probe's queries", () => {
    const k = keys(toOoni(web({ url: 'https://a.example/', verdict: verdict({ status: 'accessible' }) }), record()));
    expect(k.queries.map((q: Json) => q.engine)).toEqual(['getaddrinfo']);
    expect(k.x_tekser_control_queries.map((q: Json) => [q.engine, q.tags])).toEqual([['doh', ['control']]]);
  });

  it('sets control_failure only when the control helper could not be reached, never for a control NXDOMAIN', () => {
    const nx = web({ url: 'https://gone.example/', verdict: verdict({ status: 'down' }), localFailure: 'dns_nxdomain_error', controlFailure: 'dns_nxdomain_error', tcp: [] });
    expect(keys(toOoni(nx, record()))).toMatchObject({ control_failure: null, x_tekser_control_resolver_failure: 'dns_nxdomain_error' });
    const helperDown = web({ url: 'https://a.example/', verdict: verdict({ status: 'inconclusive' }), helper: { url: 'https://helper.example/', failure: 'generic_timeout_error', response: null } });
    expect(keys(toOoni(helperDown, record()))).toMatchObject({ control_failure: 'generic_timeout_error', control: {} });
  });

  it('names the block-page signature tekser matched', () => {
    const blockpage = { fingerprint: 'f_kz_1', source: 'citizenlab' as const, generic: false };
    const k = keys(toOoni(web({ url: 'http://a.example/', verdict: verdict({ status: 'blocked', method: 'http-diff', blockpage }), http: [{}] }), record()));
    expect(k.x_tekser_blockpage).toEqual(blockpage);
    expect(keys(toOoni(web({ url: 'http://b.example/', verdict: verdict({ status: 'accessible' }), http: [{}] }), record())).x_tekser_blockpage).toBeNull();
  });

  it('never writes the hash of nothing for a page that had a length (a re-analysed run without bodies)', () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const r = web({ url: 'http://a.example/', verdict: verdict({ status: 'accessible' }), http: [{ bodyLength: 325, bodySha256: empty }] });
    expect(keys(toOoni(r, record())).requests[0].response.x_body_sha256).toBeNull();
  });

  it('leaves bodies out unless asked, saying how long the page was', () => {
    const r = web({ url: 'http://a.example/', verdict: verdict({ status: 'accessible' }), http: [{ body: '<html>blocked</html>', bodyLength: 20 }] });
    expect(keys(toOoni(r, record())).requests[0].response).toMatchObject({ body: null, x_body_length: 20 });
    expect(keys(toOoni(r, record(), { includeBodies: true })).requests[0].response).toMatchObject({ body: '<html>blocked</html>' });
  });
});

// ——— messengers ———

const endpoint = (name: string, status: 'ok' | 'blocked' | 'inconclusive', failure: string | null = null) => ({ endpoint: name, status, step: failure ? ('tcp' as const) : null, failure, failedPorts: [] });
const check = (id: string, status: CheckVerdict['status'], endpoints: CheckVerdict['endpoints'], method: CheckVerdict['method'] = null): CheckVerdict => ({ id, title: id, status, method, endpoints });

function service(id: string, name: string, v: Partial<Verdict> & Pick<Verdict, 'status'>, checks: ServiceResultJson['measurement']['checks'] = []): ServiceResultJson {
  return {
    schema: RUN_SCHEMA_ID,
    target: { kind: 'service', url: `service:${id}`, id, name, serviceKind: 'messenger', source: 'messengers.yaml' },
    verdict: verdict(v),
    measurement: { startedAt: '2026-11-23T09:00:02.000Z', runtime: 12, localResolver: 'system', controlAnswered: v.status === 'inconclusive' ? false : true, deadlineExceeded: false, checks },
  };
}

const T = 'generic_timeout_error';
/** A shutdown: every endpoint times out and the control is unreachable too, so tekser cannot tell. */
const shutdown = {
  whatsapp: service('whatsapp', 'WhatsApp', {
    status: 'inconclusive',
    checks: [check('endpoints', 'inconclusive', [endpoint('e1.whatsapp.net', 'inconclusive', T)]), check('registration', 'inconclusive', [endpoint('https://v.whatsapp.net/v2/register', 'inconclusive', T)]), check('web', 'inconclusive', [endpoint('https://web.whatsapp.com/', 'inconclusive', T)])],
  }),
  telegram: service('telegram', 'Telegram', { status: 'inconclusive', checks: [check('datacenters', 'inconclusive', [endpoint('198.51.100.30:80', 'inconclusive', T)]), check('web', 'inconclusive', [endpoint('https://web.telegram.org/', 'inconclusive', T)])] }, [
    { checkId: 'datacenters', attempts: [{ label: 'http://198.51.100.30/', host: '198.51.100.30', port: 80, dns: null, tcp: [{ ip: '198.51.100.30', port: 80, failure: T, t0: 0, t: 10 }], tls: [], http: null }] },
  ]),
  signal: service('signal', 'Signal', { status: 'inconclusive', checks: [check('backend', 'inconclusive', [endpoint('https://chat.signal.org/', 'inconclusive', T)])] }),
};

describe('messengers: keys follow tekser’s evidence', () => {
  it('in a shutdown (inconclusive), claims nothing: statuses and blocking flags null, the failures seen kept', () => {
    expect(keys(toOoni(shutdown.whatsapp, record()))).toMatchObject({
      whatsapp_endpoints_status: null,
      registration_server_status: null,
      registration_server_failure: T,
      whatsapp_web_status: null,
      whatsapp_web_failure: T,
    });
    expect(keys(toOoni(shutdown.telegram, record()))).toMatchObject({ telegram_tcp_blocking: null, telegram_http_blocking: null, telegram_web_status: null, telegram_web_failure: T });
    expect(keys(toOoni(shutdown.signal, record()))).toMatchObject({ signal_backend_status: null, signal_backend_failure: T });
  });

  it('writes failed_operation and failure (null, as OONI\'s messenger nettests do) in every messenger measurement', () => {
    for (const r of Object.values(shutdown)) expect(keys(toOoni(r, record()))).toMatchObject({ failed_operation: null, failure: null });
  });

  it('says "ok" where tekser found the part reachable and "blocked" where it found it blocked', () => {
    const w = service('whatsapp', 'WhatsApp', {
      status: 'partially blocked',
      method: 'tcp_ip',
      checks: [check('endpoints', 'blocked', [endpoint('e1.whatsapp.net', 'blocked', T)], 'tcp_ip'), check('registration', 'accessible', [endpoint('https://v.whatsapp.net/v2/register', 'ok')]), check('web', 'accessible', [endpoint('https://web.whatsapp.com/', 'ok')])],
    });
    expect(keys(toOoni(w, record()))).toMatchObject({ whatsapp_endpoints_status: 'blocked', whatsapp_endpoints_blocked: ['e1.whatsapp.net'], registration_server_status: 'ok', registration_server_failure: null, whatsapp_web_status: 'ok' });
    const s = service('signal', 'Signal', { status: 'blocked', method: 'dns', checks: [check('backend', 'blocked', [endpoint('https://chat.signal.org/', 'blocked', 'dns_nxdomain_error')], 'dns')] });
    expect(keys(toOoni(s, record()))).toMatchObject({ signal_backend_status: 'blocked', signal_backend_failure: 'dns_nxdomain_error' });
  });

  it('telegram_tcp_blocking is false when a data centre connected though the POST then failed (http-failure)', () => {
    const t = service('telegram', 'Telegram', { status: 'partially blocked', method: 'http-failure', checks: [check('datacenters', 'blocked', [endpoint('198.51.100.30:80', 'blocked', 'connection_reset')], 'http-failure'), check('web', 'accessible', [endpoint('https://web.telegram.org/', 'ok')])] }, [
      {
        checkId: 'datacenters',
        attempts: [{ label: 'http://198.51.100.30/', host: '198.51.100.30', port: 80, dns: null, tcp: [], tls: [], http: { url: 'http://198.51.100.30/', method: 'POST', ip: '198.51.100.30', port: 80, failure: 'connection_reset', failedOperation: 'http_round_trip', status: null, headers: {}, bodyLength: 0, bodyTruncated: false, title: null, tls: null, responseAt: null, t0: 0, t: 0.2, bodySha256: null } }],
      },
    ]);
    expect(keys(toOoni(t, record()))).toMatchObject({ telegram_tcp_blocking: false, telegram_http_blocking: true, telegram_web_status: 'ok' });
  });

  it("carries tekser's verdict, check by check, in x_tekser_verdict", () => {
    expect(keys(toOoni(shutdown.signal, record())).x_tekser_verdict).toMatchObject({ status: 'inconclusive', checks: [{ id: 'backend', status: 'inconclusive', method: null }] });
  });

  it('every export validates against the spec schema', () => {
    for (const r of [...Object.values(shutdown), web({ url: 'https://a.example/', verdict: verdict({ status: 'accessible' }) })]) expect(checkOoniMeasurement(toOoni(r, record()))).toEqual([]);
  });
});

describe('tekser export --ooni', () => {
  const dataDir = (network: RunRecord['network']): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tekser-export-'));
    writeRuns(dir, [{ record: record(network), results: [shutdown.signal] }]);
    return dir;
  };

  it('says on stderr that OONI drops the measurements when the network is unknown, and how to set it', async () => {
    const r = await runInMemory(['export', '--ooni', 'last', '--data-dir', dataDir({ asn: null, country: null })]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(UNKNOWN_NETWORK_NOTE);
    expect(r.err).toMatch(/--probe-asn/);
  });

  it('says nothing when the run knows its network, or the flags give it', async () => {
    expect((await runInMemory(['export', '--ooni', 'last', '--data-dir', dataDir({ asn: 'AS9198', country: 'KZ' })])).err).toBe('');
    const r = await runInMemory(['export', '--ooni', 'last', '--data-dir', dataDir({ asn: null, country: null }), '--probe-asn', '9198', '--probe-cc', 'kz']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ probe_asn: 'AS9198', probe_cc: 'KZ' });
  });

  it('says so when --include-bodies finds no body the run kept', async () => {
    const r = await runInMemory(['export', '--ooni', 'last', '--data-dir', dataDir({ asn: 'AS9198', country: 'KZ' }), '--include-bodies']);
    expect(r.err).toBe(NO_BODIES_NOTE);
  });

  it('refuses a malformed --probe-asn with a usage error', async () => {
    const r = await runInMemory(['export', '--ooni', 'last', '--data-dir', dataDir({ asn: null, country: null }), '--probe-asn', 'Kazakhtelecom']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--probe-asn/);
  });
});
