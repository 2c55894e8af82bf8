import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeService } from '../src/analyze/service.ts';
import { analyzeWay, analyzeWays, type JudgedWay } from '../src/analyze/ways/index.ts';
import { waysOutFinding } from '../src/findings/ways-out.ts';
import { CATALOGUES } from '../src/i18n/catalogue.ts';
import { render, textOf, type Lang } from '../src/i18n/index.ts';
import { ingestOoni } from '../src/ingest/ooni.ts';
import { serviceLookup } from '../src/ingest/sources.ts';
import { bridgeWay, endpointWay } from '../src/lists/bridges.ts';
import { parseServices } from '../src/lists/services.ts';
import { echoWays, waysFromEntries } from '../src/lists/ways.ts';
import { wayVerdictSchema, type WayPlan } from '../src/model/check.ts';
import { FAILURES } from '../src/model/failure.ts';
import type { Finding } from '../src/model/finding.ts';
import type { Message } from '../src/model/message.ts';
import type { Verdict } from '../src/model/verdict.ts';
import { latinWords } from './helpers/latin.ts';
import { cert, dns, tls } from './fixtures/observations.ts';
import { measure, svc } from './fixtures/services.ts';
import { base, doh, ech, echo, measured, port, rendezvous, stun, tcp, tls as wayTls, way, type ProbeFate } from './fixtures/ways.ts';

/**
 * Issue #22 for the service verdicts and the ways out (service.* and ways.* in src/i18n/<lang>.json):
 * every sentence is built from fixtures through the real code path, then rendered in Russian and
 * Kazakh. No English word is left beside the technical tokens, the English rendering is the stored
 * English byte for byte, and every key of the part is reached by some fixture (or said unreachable).
 */

/** Product names that stay as they are in every language (the bridges' channels, a VPN's name). */
const PRODUCT_NAMES = ['Gmail', 'Riseup', 'Browser', 'RiseupVPN'];
const reached = new Set<string>();
const LANGS_OTHER: Lang[] = ['ru', 'kk'];

function walk(m: Message): void {
  reached.add(m.key);
  for (const p of Object.values(m.params ?? {})) if (p !== null && typeof p === 'object' && !Array.isArray(p)) walk(p as Message);
}

/** One stored sentence and its message: the same English, and no English left in ru and kk. */
function sentence(english: string, message: Message | undefined): void {
  expect(message, english).toBeDefined();
  if (!message) return;
  walk(message);
  expect(render('en', message)).toBe(english);
  for (const lang of LANGS_OTHER) {
    const text = textOf(lang, message, english);
    expect(latinWords(text, PRODUCT_NAMES), `${lang}: ${text}`).toEqual([]);
    expect(text, `${lang}: a key or a placeholder left`).not.toMatch(/\{\w+(?::\w+)?\}|\b(?:service|ways)\.[a-z-]+\.[a-z]/);
  }
}

function verdictSentences(v: Verdict): void {
  sentence(v.reason, v.reasonMessage);
  expect(v.evidenceMessages).toHaveLength(v.evidence.length);
  v.evidence.forEach((e, i) => sentence(e, v.evidenceMessages?.[i]));
}

function findingSentences(f: Finding | null): void {
  expect(f).not.toBeNull();
  if (!f) return;
  sentence(f.title, f.titleMessage);
  expect(f.detailMessages).toHaveLength(f.details.length);
  f.details.forEach((d, i) => sentence(d, f.detailMessages?.[i]));
}

function waySentences(v: JudgedWay): void {
  sentence(v.reason, v.reasonMessage);
  if (v.how !== null) sentence(v.how, v.howMessage ?? undefined);
}

const QAZNET = { ...cert('C=KZ, CN=Qaznet Trust Network', 'C=KZ, CN=Qaznet Trust Network'), sha256: '00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2' };
const intercepted = [cert('CN=chat.signal.org', 'C=KZ, CN=Security Certificate'), cert('C=KZ, CN=Security Certificate', 'C=KZ, CN=Qaznet Trust Network'), QAZNET];
const controlTls = (failure: string | null, chain: ReturnType<typeof cert>[]) => ({ ...tls('198.51.100.53', 'dns.example', failure, chain), chainTrusted: false, chainError: 'SELF_SIGNED_CERT_IN_CHAIN' });

describe('service verdicts in Russian and Kazakh', () => {
  const cases: Array<[string, () => Verdict]> = [
    ['everything up', () => analyzeService(measure(svc('whatsapp')))],
    ['one port fails everywhere, the other answers', () => analyzeService(measure(svc('whatsapp'), (_l, p) => (p === 5222 ? { tcp: 'generic_timeout_error' } : {})))],
    ['some servers blocked, the web by TLS', () => analyzeService(measure(svc('whatsapp'), (l) => (['e1.whatsapp.net', 'e2.whatsapp.net'].includes(l) ? { tcp: 'connection_refused' } : l.includes('web.whatsapp') ? { tls: 'connection_reset' } : {})))],
    ['everything blocked by IP', () => analyzeService(measure(svc('whatsapp'), () => ({ tcp: 'generic_timeout_error' })))],
    ['data centres failing over HTTP', () => analyzeService(measure(svc('telegram'), (l) => (l.startsWith('http://') ? { http: 'connection_reset' } : {})))],
    ['DNS tampered', () => analyzeService(measure(svc('signal'), () => ({ dns: 'dns_nxdomain_error' })))],
    ['a pinned chain that does not validate', () => analyzeService(measure(svc('signal'), (l) => (l.startsWith('https://') ? { tls: 'ssl_unknown_authority', chain: [cert('CN=chat.signal.org', 'CN=Someone-Else')] } : {})))],
    ['blocked by different methods on one check', () => analyzeService(measure(svc('signal'), (l) => (l.includes('chat.') ? { tcp: 'generic_timeout_error' } : l.includes('storage.') ? { http: 'connection_reset' } : {})))],
    ['DNS answers outside the expected network', () => analyzeService(measure(svc('facebook-messenger'), () => ({ dns: ['203.0.113.66'] })))],
    ['Tor authorities blocked, the site up', () => analyzeService(measure(svc('tor'), (l) => (/^\d/.test(l) ? { tcp: 'generic_timeout_error' } : {})))],
    ['a known interception CA', () => analyzeService(measure(svc('signal'), (l) => (l.startsWith('https://') ? { tls: 'ssl_unknown_authority', chain: intercepted } : {})))],
    ['the control unreachable too', () => analyzeService(measure(svc('whatsapp'), () => ({ tcp: 'network_unreachable' }), false))],
    ['the control intercepted by an unknown issuer', () => controlIntercepted([cert('CN=dns.example', 'CN=Corp-Proxy'), cert('CN=Corp-Proxy', 'CN=Corp-Proxy')], 'ssl_unknown_authority')],
    ['the control intercepted by a known CA', () => controlIntercepted(intercepted, 'ssl_unknown_authority')],
    ['the control intercepted, no chain recorded', () => controlIntercepted(null, 'ssl_unknown_authority')],
    ['the control intercepted, no chain, no failure', () => controlIntercepted([], null)],
    ['ran out of time', () => analyzeService({ ...measure(svc('whatsapp')), deadlineExceeded: true })],
    ['down for everyone', () => downForEveryone()],
    ['the service as its own control', () => ownControl()],
  ];
  for (const [what, build] of cases) it(what, () => verdictSentences(build()));

  it('says the checks in the language asked (Facebook Messenger, partly blocked, in Russian)', () => {
    const v = analyzeService(measure(svc('facebook-messenger'), () => ({ dns: ['203.0.113.66'] })));
    expect(textOf('ru', v.reasonMessage, v.reason)).toMatch(/^мессенджер Facebook: ответы DNS внутри сети Facebook \(AS32934\): заблокировано \(DNS: dns_answer_outside_expected_network: 203\.0\.113\.66\)/);
    expect(textOf('kk', v.evidenceMessages?.[0], v.evidence[0] ?? '')).toBe('dns b-api.facebook.com: бұғатталған (dns: dns_answer_outside_expected_network: 203.0.113.66)');
  });
});

function controlIntercepted(chain: ReturnType<typeof cert>[] | null, failure: string | null): Verdict {
  const check = [dns('doh', 'example.org', failure ? [] : ['192.0.2.80'], failure, chain === null ? {} : { tls: controlTls(null, chain) })];
  return analyzeService(measure(svc('whatsapp'), () => ({ tcp: 'generic_timeout_error' }), false), svc('whatsapp'), undefined, check);
}

function downForEveryone(): Verdict {
  const m = measure(svc('signal'), () => ({ dns: 'dns_nxdomain_error' }));
  for (const c of m.checks) for (const a of c.attempts) if (a.dns) a.dns.control = [dns('doh', a.host, [], 'dns_nxdomain_error')];
  return analyzeService(m);
}

/** An OONI Signal measurement where one host is NXDOMAIN while the same resolver resolves the others. */
function ownControl(): Verdict {
  const m = JSON.parse(readFileSync(new URL('./fixtures/ooni/signal.json', import.meta.url), 'utf8')) as { test_keys: { queries: Array<Record<string, unknown>> } };
  m.test_keys.queries = m.test_keys.queries.map((q) => (q.hostname === 'storage.signal.org' ? { ...q, failure: 'dns_nxdomain_error', answers: [] } : q.hostname === 'uptime.signal.org' ? { ...q, failure: null, answers: [{ answer_type: 'A', ipv4: '127.0.0.1', ttl: null }] } : q));
  const r = ingestOoni(m, 'fixture:1', serviceLookup());
  if ('error' in r || r.kind !== 'service') throw new Error('expected a service measurement');
  const v = analyzeService(r.measurement);
  expect(v.reason).toMatch(/while the same resolver resolves the service's other hosts/);
  return v;
}

const FP = '0123456789ABCDEF0123456789ABCDEF01234567';
const circumvention = parseServices(readFileSync(new URL('../test-lists/circumvention.yaml', import.meta.url), 'utf8'), 'circumvention.yaml').list;
const shippedWays = waysFromEntries(circumvention?.ways ?? []);
const planned = (plan: WayPlan | null): WayPlan => {
  if (!plan) throw new Error('no plan');
  return plan;
};
const ok = (): ProbeFate => ({ failure: null });
const lost = (): ProbeFate => ({ failure: FAILURES.timeout });

describe('ways out in Russian and Kazakh', () => {
  it('the shipped ways, each answering: titles from the catalogue, what works said once', () => {
    const vs = analyzeWays(shippedWays.map((w) => measured(w)));
    for (const v of vs) waySentences(v);
    findingSentences(waysOutFinding(vs));
  });

  it('the shipped ways, none answering: nothing reaches outside, and where to get bridges', () => {
    const vs = analyzeWays(shippedWays.map((w) => measured(w, lost)));
    for (const v of vs) waySentences(v);
    findingSentences(waysOutFinding(vs));
  });

  it('Snowflake fronts: the CDN front blocked by SNI, the AMP cache answering, STUN silent; DoH works', () => {
    const front = planned(shippedWays.find((w) => w.id === 'snowflake-front') ?? null);
    const amp = planned(shippedWays.find((w) => w.id === 'snowflake-amp') ?? null);
    const stunWay = planned(shippedWays.find((w) => w.id === 'snowflake-stun') ?? null);
    const vs = analyzeWays([measured(front, (p) => (p.check === 'rendezvous' ? lost() : ok())), measured(amp), measured(stunWay, lost), ...shippedWays.filter((w) => w.id.startsWith('doh')).map((w) => measured(w))]);
    expect(vs[0]?.how).toBe('by SNI');
    for (const v of vs) waySentences(v);
    findingSentences(waysOutFinding(vs));
    findingSentences(waysOutFinding(vs.filter((v) => v.kind === 'snowflake' && v.status !== 'works')));
  });

  it("the user's bridges and endpoints, private and revealed, and the helper's echo ports", () => {
    const plans = [
      bridgeWay(`obfs4 192.0.2.5:3785 ${FP} cert=x iat-mode=0`),
      bridgeWay(`obfs4 192.0.2.5:3785 ${FP} cert=x iat-mode=0`, { reveal: true }),
      bridgeWay(`192.0.2.6:443 ${FP}`),
      bridgeWay(`192.0.2.6:443 ${FP}`, { reveal: true }),
      bridgeWay(`snowflake 192.0.2.3:80 ${FP} fingerprint=${FP} url=https://broker.example/ fronts=front1.example ice=stun:stun.example:3478`),
      ...['tcp://192.0.2.9:8080', 'tls://192.0.2.9', 'https://proxy.example/health', 'stun://192.0.2.9:3478', 'quic://192.0.2.9:443', 'openvpn://192.0.2.9:1194', 'openvpn+tcp://192.0.2.9:443'].map((s) => endpointWay(s)),
      endpointWay('tcp://192.0.2.9:8080', { reveal: true }),
      ...echoWays('192.0.2.1', [{ transport: 'tcp', port: 179 }, { transport: 'tcp', port: 3785 }, { transport: 'udp', port: 3478 }, { transport: 'tcp', port: 443 }]),
    ].map(planned);
    for (const fates of [ok, lost]) {
      const vs = analyzeWays(plans.map((p) => measured(p, (probe) => (probe.port === 443 && probe.check === 'echo' ? lost() : fates()))));
      for (const v of vs) waySentences(v);
      findingSentences(waysOutFinding(vs));
    }
    // Only the WireGuard-shaped packet lost: blocked by signature; only ports and signatures tried.
    const pairs = analyzeWays(plans.filter((p) => p.kind === 'signature' || p.kind === 'port').map((p) => measured(p, (probe) => (probe.variant === 'wireguard' || probe.port === 443 ? lost() : ok()))));
    for (const v of pairs) waySentences(v);
    findingSentences(waysOutFinding(pairs));
    findingSentences(waysOutFinding(pairs.filter((v) => v.status === 'blocked')));
  });

  it('every rule: pairs, a transparent proxy, wrong answers, nothing dialled, no probe', () => {
    const notRelay = (detail: string) => ({ check: 'tor_or' as const, ...base, endpoint: '192.0.2.1:443', port: 443, failure: FAILURES.unexpectedAnswer, detail, serverName: null, tlsVersion: 'TLSv1.3', certificate: null, chainTrusted: null });
    const judged = [
      analyzeWay(way('ech-cloudflare', 'ech', 'TLS with Encrypted Client Hello (cloudflare-ech.com)', [ech('control', null), ech('grease_ech', FAILURES.reset)])),
      analyzeWay(way('ech-cloudflare', 'ech', 'TLS with Encrypted Client Hello (cloudflare-ech.com)', [ech('control', null), ech('grease_ech', null)])),
      analyzeWay(way('ech-cloudflare', 'ech', 'TLS with Encrypted Client Hello (cloudflare-ech.com)', [ech('control', FAILURES.timeout), ech('grease_ech', FAILURES.timeout)])),
      analyzeWay(way('ech-cloudflare', 'ech', 'TLS with Encrypted Client Hello (cloudflare-ech.com)', [ech('grease_ech', null)])),
      analyzeWay(way('wg', 'signature', 'WireGuard on UDP 51820', [echo('wireguard', null), echo('random', null)])),
      analyzeWay(way('wg', 'signature', 'WireGuard on UDP 51820', [echo('wireguard', FAILURES.timeout), echo('random', FAILURES.timeout)])),
      analyzeWay(way('snowflake-front', 'snowflake', 'Snowflake: the CDN-front rendezvous', [rendezvous(FAILURES.reset, null), wayTls('harmless.example', null, 'control')])),
      analyzeWay(way('x', 'proxy', 'your TCP endpoint on port 9', [tcp(9, FAILURES.notDialled)])),
      analyzeWay(way('x', 'proxy', 'your TCP endpoint on port 9', [{ ...tcp(9, FAILURES.notDialled), detail: 'not dialled: a local or private address' }])),
      analyzeWay(way('x', 'proxy', 'your TCP endpoint on port 9', [{ ...tcp(9, FAILURES.interrupted), detail: 'the run ended first' }])),
      analyzeWay(way('snowflake-front', 'snowflake', 'Snowflake: the CDN-front rendezvous', [rendezvous(FAILURES.reset, null), { ...wayTls('harmless.example', null, 'control'), serverName: null } as never])),
      analyzeWay(way('e', 'proxy', 'your TCP endpoint on port 7', [tcp(7, null, 'udp')])),
      analyzeWay(way('r', 'proxy', 'your HTTPS endpoint on port 443', [doh(null)])),
      analyzeWay(measured(planned(shippedWays.find((w) => w.id === 'tor-dirauths') ?? null), (p) => (p.check === 'tor_or' ? lost() : ok()))),
      analyzeWay(way('none', 'proxy', 'your TCP endpoint on port 9', [])),
      analyzeWay(way('q', 'quic', 'QUIC', [{ check: 'quic_ping', ...base, transport: 'udp', endpoint: '192.0.2.2:443', port: 443, failure: FAILURES.unexpectedAnswer, detail: '2 datagram(s) came back, none a Version Negotiation for this packet', versions: [] }])),
      analyzeWay(way('q', 'quic', 'QUIC', [{ check: 'quic_ping', ...base, transport: 'udp', endpoint: '192.0.2.2:443', port: 443, failure: FAILURES.unexpectedAnswer, detail: null, versions: [] }])),
      analyzeWay(way('r', 'vpn', 'RiseupVPN', [{ ...(rendezvous(FAILURES.unexpectedAnswer, 'TLSv1.3') as object), detail: 'TLS to front.example: the chain does not check out (ssl_unknown_authority)' } as never])),
      analyzeWay(way('s', 'proxy', 'your STUN server on port 3478', [stun(null), stun(FAILURES.timeout)])),
      analyzeWay(way('do53-public', 'dns', 'Plain DNS to public resolvers (UDP 53)', [{ ...(doh(null) as object), resolver: 'udp' } as never])),
      analyzeWay(way('t', 'tor', 'Tor', [notRelay("TLS completed, but with a certificate that is not a Tor relay's: something else answered")])),
    ];
    for (const v of judged) waySentences(v);
    for (const detail of ["TLS completed, but with a certificate that is not a Tor relay's (CN=tproxy): something else answered", null]) {
      const vs = analyzeWays([way('t', 'tor', 'Tor', [{ ...notRelay(''), detail } as never]), way('b', 'tor_bridge', 'Tor through the obfs4 bridge on port 3785', [tcp(3785, null)], 'obfs4'), port(179, null)]);
      expect(vs[1]?.rule).toBe('transparent-proxy');
      for (const v of vs) waySentences(v);
      findingSentences(waysOutFinding(vs));
    }
    findingSentences(waysOutFinding([judged[7]!]));
    // Ports all closed and Snowflake without an answer, beside a resolver that works: both said in the details.
    const doh1 = planned(shippedWays.find((w) => w.id === 'doh-cloudflare') ?? null);
    const front = planned(shippedWays.find((w) => w.id === 'snowflake-front') ?? null);
    const stunWay = planned(shippedWays.find((w) => w.id === 'snowflake-stun') ?? null);
    findingSentences(waysOutFinding(analyzeWays([port(443, FAILURES.timeout), port(80, FAILURES.timeout), measured(doh1), measured(front, (p) => (p.check === 'rendezvous' ? lost() : ok())), measured(stunWay, lost)])));
  });

  it('an older stored verdict without its messages is shown as it was stored', () => {
    // A run stored before ways had messages: the same verdict without them.
    const { reasonMessage: _r, howMessage: _h, ...older } = analyzeWay(way('doh', 'dns', 'DNS over HTTPS to 1.1.1.1', [doh(null)]));
    const stored = wayVerdictSchema.parse(older);
    expect(stored.reasonMessage).toBeUndefined();
    const f = waysOutFinding([stored]);
    expect(f?.detailMessages?.[0]).toEqual({ key: 'verbatim', params: { text: stored.reason } });
    walk(f!.detailMessages![0]!);
    expect(textOf('ru', f?.detailMessages?.[0], f?.details[0] ?? '')).toBe(stored.reason);
  });
});

describe('the service part of the catalogue', () => {
  /** Keys no fixture can reach, and why. */
  const UNREACHABLE: Record<string, string> = {
    'service.check.undecided': 'an undecided endpoint always carries its failure (every inconclusive outcome has one)',
    'service.evidence.ports': 'a failed port always comes with the failure of that attempt',
    'service.evidence.failure-no-step': "a reachable endpoint's failure always comes from a port that failed, so its ports are listed",
    'service.evidence.failure-ports': 'failed ports are listed for reachable endpoints only, which have no failed step',
    'ways.no-probe': 'a way with no probe is taken by the not-tried rule first ("no probe")',
    'ways.snowflake.blocked': 'every blocked verdict says how it is blocked',
    'service.method.http-diff': 'services are never judged by comparing pages: an HTTP failure is http-failure',
  };

  it('every key is reached by a fixture above, or said unreachable with a reason', () => {
    const keys = Object.keys(CATALOGUES.en).filter((k) => k.startsWith('service.') || k.startsWith('ways.'));
    const own = Object.keys(JSON.parse(readFileSync(new URL('../src/i18n/en.json', import.meta.url), 'utf8')) as object).filter((k) => k.startsWith('service.') || k.startsWith('ways.'));
    expect(keys.sort()).toEqual(own.sort());
    expect(own.filter((k) => !reached.has(k) && !(k in UNREACHABLE))).toEqual([]);
    expect(Object.keys(UNREACHABLE).filter((k) => reached.has(k))).toEqual([]);
  });
});
