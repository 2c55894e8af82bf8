import { describe, expect, it } from 'vitest';
import { cert, dns, helperOk, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import { both, deadHelper, H, handshake, helper, IP, P, S, tlsFails } from '../../test/fixtures/web-rules.ts';
import { latinWords } from '../../test/helpers/latin.ts';
import probeFailureFile from '../data/probe-failures.json' with { type: 'json' };
import type { FailureRow } from '../data/probe-failures.ts';
import { REFUSAL_KINDS } from '../data/site-refusals.ts';
import catalogueEn from '../i18n/en.json' with { type: 'json' };
/** The web area of the catalogue: its keys start with `web.`. */
const webEn = Object.fromEntries(Object.entries(catalogueEn).filter(([k]) => k.startsWith('web.')));
import { render, textOf, type Lang } from '../i18n/index.ts';
import { CERT_FAILURE_CLASSES } from '../model/failure.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import type { Message } from '../model/message.ts';
import type { TlsHandshakeObservation } from '../model/observation.ts';
import type { InterceptionCa, Verdict } from '../model/verdict.ts';
import { certFailureMessage } from './certificate.ts';
import { controlInterceptionMessage, whyOf } from './control.ts';
import { analyzeWeb, decidingRule, type AnalysisKnowledge } from './web.ts';

/**
 * Every web verdict sentence in Russian and Kazakh, through the real rules: each outcome built from a
 * small hand-written measurement, its reason and evidence rendered in ru and kk (no English left),
 * its English equal to its messages, and every `web.` key of the catalogue reached by some fixture.
 */

// Not a documentation range: those are bogons, DNS tampering by themselves (analysis only, never dialled).
const OTHER = '157.240.1.40';
const intercepted = (extra: Partial<Parameters<typeof dns>[4]> = {}) => dns('doh', H, [], 'ssl_unknown_authority', { tls: handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN', [cert('CN=dns.example', 'CN=Corp Proxy')]), ...extra });
const corpCa = (by: Partial<InterceptionCa>): InterceptionCa => ({ name: 'Corp Root', country: 'KZ', notes: '', sha256: [], spkiSha256: [], names: [], ...by });
/** Censored Planet's Kazakh corporate block page (d_corp_kz_ps). */
const KZ_BLOCK_PAGE = '<h1>Страница заблокирована</h1>';
const page = (status: number, title: string, opts: Parameters<typeof http>[3] = {}) => http(P, IP, status, { title, body: `<title>${title}</title>`, ...opts });

/**
 * Words of the fixtures' own data, not the product's: page titles and certificate names, failure
 * strings as the probe and the helper record them (interrupted, "unknown_failure: context canceled",
 * "refused to dial …"), and country codes of the block-answer table (IR).
 */
const FIXTURE_WORDS = ['Example', 'News', 'Today', 'Some', 'Corp', 'Proxy', 'Root', 'Middlebox', 'Just', 'moment', 'Access', 'denied', 'Other', 'page', 'interrupted', 'context', 'canceled', 'refused', 'to', 'dial', 'IR', 'Login', 'Unavailable'];

/** Each outcome: a name, a measurement and (optionally) the run's knowledge. */
const FIXTURES: Array<[string, WebMeasurement, Partial<AnalysisKnowledge>?]> = [
  ['deadline', measurement(S, { deadlineExceeded: true, dns: both(['10.0.0.1']) })],
  ['dns: injected reply', measurement(S, { dns: { local: [dns('udp', H, [IP], null, { lateAnswers: [[{ type: 'A', value: '10.10.34.35', ttl: 60 }]] })], control: [dns('doh', H, [IP])] } })],
  ['dns: NXDOMAIN at the control only', measurement(S, { dns: { local: [dns('udp', H, [OTHER])], control: [dns('doh', H, [], 'dns_nxdomain_error')] } })],
  ['dns: bogons, serving a block page', measurement(P, { dns: both(['10.10.34.35']), tcp: [tcp('10.10.34.35', 80)], http: [http(P, '10.10.34.35', 200, { body: KZ_BLOCK_PAGE, title: null })] })],
  ['dns: wrong-name server', measurement(S, { dns: both([OTHER]), tcp: [tcp(OTHER, 443)], tls: [{ ...handshake('ssl_invalid_hostname', 'ERR_TLS_CERT_ALTNAME_INVALID'), ip: OTHER }] })],
  ['dns: no answer here, addresses there', measurement(S, { dns: { local: [dns('udp', H, [], 'dns_nxdomain_error')], control: [dns('doh', H, [IP])] } })],
  ['dns: the probe judged inconsistent', measurement(S, { dns: both([OTHER]), probeDnsConsistency: 'inconsistent' })],
  ['page-loaded: DNS the probe judged consistent', measurement(P, { dns: both([OTHER]), probeDnsConsistency: 'consistent', tcp: [tcp(OTHER, 80)], http: [http(P, OTHER, 200)] })],
  ['page-loaded: DNS answers in the control\'s AS', measurement(P, { dns: { local: [dns('udp', H, [OTHER], null, { answers: [{ type: 'A', value: OTHER, ttl: 60, asn: 64500 }] })], control: [dns('doh', H, [IP], null, { answers: [{ type: 'A', value: IP, ttl: 60, asn: 64500 }] })] }, tcp: [tcp(OTHER, 80)], http: [http(P, OTHER, 200)] })],
  [
    'dns: another AS serving another page',
    measurement(P, {
      dns: { local: [dns('udp', H, [OTHER], null, { answers: [{ type: 'A', value: OTHER, ttl: 60, asn: 64501 }] })], control: [dns('doh', H, [IP], null, { answers: [{ type: 'A', value: IP, ttl: 60, asn: 64500 }] })] },
      tcp: [tcp(OTHER, 80)],
      http: [http(P, OTHER, 403, { title: 'Access denied', body: '<title>Access denied</title>', bodyLength: 50 })],
      helper: helper(),
    }),
  ],
  ['dns: loaded only from the control\'s address', measurement(P, { dns: both([OTHER]), tcp: [tcp(OTHER, 80, 'connection_refused'), tcp(IP, 80)], http: [http(P, IP, 200)] })],
  ['tcp-ip: DNS answers that differ, not validated', measurement(S, { dns: both([OTHER]), tcp: [tcp(OTHER, 443, 'generic_timeout_error')] })],
  ['dns: unrecorded lookup sending to a block page', measurement(P, { dns: { local: [], control: [dns('doh', H, [IP])] }, tcp: [tcp(OTHER, 80)], http: [http(P, OTHER, 200, { body: KZ_BLOCK_PAGE, title: null })] })],
  ['page-loaded: HTTPS', measurement(S, { dns: both(), tcp: [tcp(IP, 443)], tls: [tls(IP, H, null, [cert(`CN=${H}`, 'CN=Some CA')])], http: [http(S, IP, 200, { tls: tls(IP, H) })] })],
  ['page-loaded: HTTPS, no title', measurement(S, { dns: both(), tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 200, { tls: tls(IP, H), title: null, bodyTruncated: true })] })],
  ['page-loaded: plain HTTP, same as the control', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200)], helper: helper() })],
  ['page-loaded: plain HTTP, no control', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [page(200, '')] })],
  ['page-loaded: a login wall over HTTPS', measurement(S, { dns: both(), tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 200, { tls: tls(IP, H), title: 'Login • Instagram' })] })],
  ['page-loaded: a refusal behind a known interception CA', measurement(S, { dns: both(), tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 451, { tls: tls(IP, H, null, [cert(`CN=${H}`, 'C=KZ, CN=Qaznet Trust Network')]), title: 'Unavailable' })] })],
  ['page-loaded: a known block page', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { body: KZ_BLOCK_PAGE, title: null })] })],
  ['page-loaded: differs from the control, titles differ', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [page(403, 'Other page', { bodyLength: 40, headers: {} })], helper: helper() })],
  ['page-loaded: differs from the control, no titles', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 403, { title: null, body: '', bodyLength: 40, headers: {} })], helper: helper(helperOk([`${IP}:80`], { title: '' })) })],
  ['page-loaded: generic blocking words', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { body: '<p>This site has been blocked by order of the court</p>', title: null })] })],
  ['page-loaded: refused by site over HTTPS', measurement(S, { dns: both(), tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 451, { tls: tls(IP, H), title: null })] })],
  ['page-loaded: refused by site over HTTPS, in the site\'s AS', measurement(S, { dns: { local: [dns('udp', H, [OTHER], null, { answers: [{ type: 'A', value: OTHER, ttl: 60, asn: 64500 }] })], control: [dns('doh', H, [IP], null, { answers: [{ type: 'A', value: IP, ttl: 60, asn: 64500 }] })] }, tcp: [tcp(OTHER, 443)], tls: [tls(OTHER, H)], http: [http(S, OTHER, 403, { tls: tls(OTHER, H), title: 'Just a moment...' })] })],
  ['page-loaded: a refusal over plain HTTP', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [page(403, 'Just a moment...')] })],
  ['probe-failure: DNS', measurement(S, { dns: { local: [dns('udp', H, [], 'unknown_failure: context canceled')], control: [dns('doh', H, [IP])] } })],
  ['probe-failure: TCP', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'interrupted')] })],
  ['probe-failure: TLS', tlsFails(tls(IP, H, 'interrupted'))],
  ['probe-failure: HTTP', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, null, { failure: 'interrupted', failedOperation: 'http_round_trip' })] })],
  ['control-unavailable: recheck failed', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], controlRecheck: [dns('doh', H, [], 'generic_timeout_error')] })],
  ['control-unavailable: misbehaving control', measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [], 'dns_server_misbehaving')] }, tcp: [tcp(IP, 443, 'generic_timeout_error')] })],
  ['control-unavailable: unreachable, resolver and helper too', measurement(S, { dns: { local: [dns('udp', H, [], 'generic_timeout_error')], control: [dns('doh', H, [], 'network_unreachable')] }, helper: deadHelper })],
  ['control-unavailable: unreachable', measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [], 'network_unreachable')] }, tcp: [tcp(IP, 443, 'generic_timeout_error')] })],
  ['name-resolution: loopback', measurement(S, { dns: both(['127.0.0.1'], ['127.0.0.1']), addresses: [{ ip: '127.0.0.1', sources: ['local', 'control'], skipped: 'loopback' }] })],
  ['name-resolution: gone', measurement(S, { dns: { local: [dns('udp', H, [], 'dns_nxdomain_error')], control: [dns('doh', H, [], 'dns_nxdomain_error')] } })],
  ['name-resolution: intercepted control', measurement(S, { dns: { local: [dns('udp', H, [], 'generic_timeout_error')], control: [intercepted()] } })],
  ['name-resolution: unconfirmed', measurement(S, { dns: { local: [dns('udp', H, [], 'generic_timeout_error')], control: [dns('doh', H, [], 'generic_timeout_error')] }, helper: helper() })],
  ['down: TCP', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'connection_refused'), tcp(IP, 443, 'connection_refused')], helper: helper({ ...helperOk([]), tcp_connect: { [`${IP}:443`]: { status: false, failure: 'connection_refused' } } }) })],
  ['down: certificate', tlsFails(handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN'), { helper: helper(helperOk([`${IP}:443`], { failure: 'ssl_unknown_authority', status_code: -1 }, false)) })],
  ['down: TLS', tlsFails(tls(IP, H, 'connection_reset'), { helper: helper({ ...helperOk([`${IP}:443`], { failure: 'connection_reset', status_code: -1 }), tls_handshake: { [`${IP}:443`]: { status: false, failure: 'connection_reset', server_name: H } } }) })],
  ['down: HTTP', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, null, { failure: 'eof_error', failedOperation: 'http_round_trip' })], helper: helper(helperOk([`${IP}:80`], { failure: 'eof_error', status_code: -1 })) })],
  ['tcp-ip: only IPv6 failed', measurement(S, { dns: both(['2001:db8::1'], ['2001:db8::1']), tcp: [tcp('2001:db8::1', 443, 'network_unreachable')] })],
  ['tcp-ip: blocked', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], helper: helper() })],
  ['tcp-ip: no helper', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')] })],
  ['tcp-ip: dead helper, two tried', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], helper: { ...deadHelper, attempts: [{ url: 'http://127.0.0.1:1/', failure: 'connection_refused', t0: 0, t: 0.01 }, { url: 'http://127.0.0.1:2/', failure: null, t0: 0, t: 0.02 }] } })],
  ['tcp-ip: helper with no answer for the step', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], helper: helper({ ...helperOk([]), dns: { failure: null, addrs: [IP] } }) })],
  ['tcp-ip: helper failed too (DNS and HTTP)', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], helper: helper({ ...helperOk([], { failure: 'generic_timeout_error', status_code: -1 }), dns: { failure: 'dns_server_failure', addrs: [] } }) })],
  ['tcp-ip: helper refused to dial', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], helper: helper({ ...helperOk([], { failure: 'generic_timeout_error', status_code: -1 }), tcp_connect: { [`${IP}:443`]: { status: false, failure: `refused to dial ${IP}` } } }) })],
  ['tcp-ip: intercepted control', measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [IP]), intercepted()] }, tcp: [tcp(IP, 443, 'generic_timeout_error')] })],
  ['tcp-ip: misbehaving helper', measurement(S, { dns: both(), tcp: [tcp(IP, 443, 'generic_timeout_error')], helper: { url: 'https://helper.example/', failure: 'json_parse_error', response: null } })],
  ['tls-interception: known CA (name)', tlsFails(handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', [cert(`CN=${H}`, 'C=KZ, CN=Qaznet Trust Network')]))],
  ['tls-interception: known CA (sha256)', tlsFails(handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY')), { interceptionCas: [corpCa({ sha256: ['ab'.repeat(32)] })] }],
  ['tls-interception: known CA (spki)', tlsFails(handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY')), { interceptionCas: [corpCa({ spkiSha256: ['cd'.repeat(32)] })] }],
  ['tls-interception: helper handshake valid', tlsFails(handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), { helper: helper({ ...helperOk([`${IP}:443`], { failure: 'generic_timeout_error', status_code: -1 }) }) })],
  ['tls-interception: helper fetched, no chain', measurement(S, { dns: both(), tcp: [tcp(IP, 443)], http: [http(S, IP, null, { failure: 'ssl_invalid_certificate', failedOperation: 'tls_handshake' })], helper: helper(helperOk([])) })],
  ['tls-interception: untrusted root', tlsFails(handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN', [cert(`CN=${H}`, 'CN=Middlebox CA'), cert('CN=Middlebox CA', 'CN=Middlebox CA')]))],
  ['tls-interception: untrusted root, no chain', tlsFails(handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN', []))],
  ...(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT', 'DEPTH_ZERO_SELF_SIGNED_CERT'] as const).map(
    (code): [string, WebMeasurement] => [`tls-interception: ${code}`, tlsFails(handshake(code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'ssl_invalid_hostname' : 'ssl_invalid_certificate', code))],
  ),
  ['tls-interception: another certificate failure', tlsFails(handshake('ssl_invalid_certificate', null))],
  ['tls-sni: no SNI, helper completes', measurement(`https://${IP}/`, { tcp: [tcp(IP, 443)], tls: [tls(IP, null, 'connection_reset')], helper: helper() })],
  ['tls-sni: no SNI, weak protocol', measurement(`https://${IP}/`, { tcp: [tcp(IP, 443)], tls: [{ ...tls(IP, null, 'ssl_failed_handshake'), certFailure: 'weak_or_unsupported_protocol' }] })],
  [
    'tls-sni: proven, follows the name',
    tlsFails(tls(IP, H, 'connection_reset'), {
      sniProbes: [
        { kind: 'same-ip-harmless-sni', handshake: tls(IP, 'example.org') },
        { kind: 'neutral-host-target-sni', handshake: tls(OTHER, H, 'connection_reset') },
      ],
    }),
  ],
  ['tls-sni: proven with no SNI', tlsFails(tls(IP, H, 'connection_reset'), { sniProbes: [{ kind: 'same-ip-no-sni', handshake: tls(IP, null) }] })],
  ['tls-sni: helper completes', tlsFails(tls(IP, H, 'connection_reset'), { helper: helper() })],
  ['tls-sni: helper completes, harmless fails too', tlsFails(tls(IP, H, 'connection_reset'), { helper: helper(), sniProbes: [{ kind: 'same-ip-harmless-sni', handshake: tls(IP, 'example.org', 'connection_reset') }] })],
  ['tls-sni: no retry', tlsFails(tls(IP, H, 'connection_reset'))],
  ['http-failure: blocked after connecting', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, null, { failure: 'connection_reset', failedOperation: 'http_round_trip' })], helper: helper() })],
  ['http-failure: while connecting', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, null, { failure: 'connection_reset', failedOperation: 'connect' })] })],
  ['http-failure: during the handshake', measurement(S, { dns: both(), tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, null, { failure: 'connection_reset', failedOperation: 'tls_handshake' })] })],
  ['inconclusive: refused redirect', measurement(P, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [IP]), intercepted()] }, tcp: [tcp(IP, 80)], http: [http(P, IP, 302, { refusedRedirect: { url: 'http://10.0.0.1/', ip: '10.0.0.1', reason: 'private' } })] })],
  ['inconclusive: redirect to an unresolved name', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 301)], redirectDns: [dns('udp', 'gone.example', [], 'dns_nxdomain_error')] })],
  ['inconclusive: redirect chain', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 302)] })],
  ['inconclusive: nothing', measurement(P, { dns: both() })],
  ['dns: a censor answer seen nowhere in particular', measurement(S, { dns: both(['1.2.3.4']) })],
  ['dns: reserved addresses', measurement(S, { dns: both(['10.1.2.3']) })],
  ['dns: our resolver said nothing', measurement(S, { dns: { local: [dns('udp', H, [], null, { failure: null })], control: [dns('doh', H, [IP])] } })],
  ['dns: a block page where the control failed', measurement(P, { dns: { local: [], control: [dns('doh', H, [], 'generic_timeout_error')] }, tcp: [tcp(OTHER, 80)], http: [http(P, OTHER, 200, { body: KZ_BLOCK_PAGE, title: null })] })],
  [
    'dns: another AS proven by TLS, serving another page',
    measurement(P, {
      dns: { local: [dns('udp', H, [OTHER], null, { answers: [{ type: 'A', value: OTHER, ttl: 60, asn: 64501 }] })], control: [dns('doh', H, [IP], null, { answers: [{ type: 'A', value: IP, ttl: 60, asn: 64500 }] })] },
      tcp: [tcp(OTHER, 80)],
      tls: [tls(OTHER, H)],
      http: [http(P, OTHER, 403, { title: null, body: '<p>403</p>', bodyLength: 10 })],
      helper: helper(),
    }),
  ],
  ['page-loaded: the same headers as the control', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { headers: { 'content-type': 'text/html', 'x-site': '1' } })], helper: helper() })],
  ['page-loaded: a response without its body', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { bodyMissing: true, body: '', title: null })], helper: helper() })],
  ['page-loaded: Citizen Lab\'s block page', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { body: '<script>GTM-NBL6CQ</script>', title: null })] })],
  ['page-loaded: tekser\'s own block page', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { body: '<p>Сайтқа қолжетімділік шектелген</p>', title: null })] })],
  ['page-loaded: only generic blocking words', measurement(P, { dns: both(), tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { body: '<title>Web Page Blocked!</title>', title: null })] })],
  ['down: a bad certificate the helper fails on without a word', tlsFails(handshake('ssl_unknown_authority', 'SELF_SIGNED_CERT_IN_CHAIN'), { helper: helper({ ...helperOk([`${IP}:443`], { failure: 'ssl_unknown_authority', status_code: -1 }), tls_handshake: { [`${IP}:443`]: { status: false, failure: null, server_name: H } } }) })],
  ['tls-sni: a harmless name fails too, no helper', tlsFails(tls(IP, H, 'connection_reset'), { sniProbes: [{ kind: 'same-ip-harmless-sni', handshake: tls(IP, 'example.org', 'connection_reset') }] })],
  ['tls-interception: a weak protocol', tlsFails(handshake('ssl_invalid_certificate', null, [cert(`CN=${H}`, 'CN=Some CA')], { certFailure: 'weak_or_unsupported_protocol' }))],
  ['evidence: an unrecorded lookup', measurement(S, { dns: { local: [], control: [dns('doh', H, [IP])] } })],
  ['evidence: a control with no such name', measurement(S, { dns: { local: [dns('udp', H, [], 'dns_nxdomain_error')], control: [dns('doh', H, [], 'dns_nxdomain_error')] }, helper: helper({ ...helperOk([]), dns: { failure: null, addrs: [] } }) })],
  ['evidence: a control that gave no answer', measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [], 'generic_timeout_error')] }, tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 200, { tls: tls(IP, H) })], helper: helper(helperOk([`${IP}:443`], { title: '' })) })],
  ['evidence: a control with no chain recorded', measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [], 'ssl_unknown_authority')] }, tcp: [tcp(IP, 443, 'generic_timeout_error')] })],
  ['evidence: a control intercepted by a known CA', measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [], 'ssl_unknown_authority', { tls: handshake('ssl_unknown_authority', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', [cert('CN=dns.example', 'C=KZ, CN=Qaznet Trust Network')]) })] }, tcp: [tcp(IP, 443, 'generic_timeout_error')] })],
];

const verdicts: Array<[string, Verdict]> = FIXTURES.map(([name, m, k]) => [name, analyzeWeb(m, k)]);

/** The keys a message reaches, its clauses' included. */
function keysOf(m: Message, into = new Set<string>()): Set<string> {
  into.add(m.key);
  for (const p of Object.values(m.params ?? {})) if (typeof p === 'object' && !Array.isArray(p)) keysOf(p, into);
  return into;
}

/** Every row of src/data/probe-failures.json: the probe's own failures and a misbehaving control's. */
const FAILURE_ROWS = [...probeFailureFile.probeFailures, ...probeFailureFile.controlMisbehaves] as FailureRow[];

/** Messages the analysis builds outside a single verdict, through its own functions: each data row and class. */
const direct: Message[] = [
  ...FAILURE_ROWS.map((row) => whyOf(row)).filter((w): w is Message => typeof w !== 'string'),
  ...CERT_FAILURE_CLASSES.map((c) => certFailureMessage({ ...handshake('ssl_invalid_certificate', null), certFailure: c })),
  controlInterceptionMessage({ resolver: 'x', failure: null, issuer: null, match: null }),
  certFailureMessage(tls(IP, H, 'connection_reset')),
];

describe('web verdicts in Russian and Kazakh', () => {
  for (const [name, v] of verdicts) {
    it(`${name}: English equals its messages, and ru and kk leave no English`, () => {
      expect(v.reasonMessage).toBeDefined();
      expect(render('en', v.reasonMessage!)).toBe(v.reason);
      expect(v.evidenceMessages?.length).toBe(v.evidence.length);
      v.evidenceMessages?.forEach((e, i) => expect(render('en', e)).toBe(v.evidence[i]));
      for (const lang of ['ru', 'kk'] as Lang[]) {
        const lines = [textOf(lang, v.reasonMessage, v.reason), ...v.evidence.map((e, i) => textOf(lang, v.evidenceMessages?.[i], e))];
        for (const line of lines) {
          expect(line, `${lang}: ${line}`).not.toMatch(/\bweb\.[a-z-]+\./);
          expect(latinWords(line, FIXTURE_WORDS), `${lang}: ${line}`).toEqual([]);
        }
      }
    });
  }

  it('the fixtures reach the outcomes they are named for (a rule change shows here first)', () => {
    const rule = (name: string) => name.split(':')[0]!;
    const wrong = FIXTURES.filter(([name, m, k]) => !name.startsWith('evidence') && decidingRule(m, k) !== rule(name)).map(([name, m, k]) => `${name} → ${decidingRule(m, k)}`);
    expect(wrong).toEqual([]);
  });

  it('the messages built outside a verdict leave no English in ru and kk either', () => {
    for (const m of direct) for (const lang of ['ru', 'kk'] as Lang[]) expect(latinWords(render(lang, m)), render(lang, m)).toEqual([]);
  });

  it('every web. key of the catalogue is reached by a fixture', () => {
    const reached = new Set<string>();
    for (const [, v] of verdicts) for (const m of [v.reasonMessage!, ...(v.evidenceMessages ?? [])]) keysOf(m, reached);
    for (const m of direct) keysOf(m, reached);
    for (const kind of REFUSAL_KINDS) reached.add(`web.refusal-kind.${kind}`); // the refusal table's kinds: each has its words (below)
    const unreached = Object.keys(webEn).filter((k) => !reached.has(k));
    expect(unreached).toEqual(UNREACHED);
  });

  it('the data rows\' reasons in English are the rows\' own words, and each refusal kind has its words', () => {
    for (const row of FAILURE_ROWS) expect(render('en', { key: `web.why.${row.id}` })).toBe(row.why);
    for (const kind of REFUSAL_KINDS) for (const lang of ['en', 'ru', 'kk'] as Lang[]) expect(render(lang, { key: `web.refusal-kind.${kind}` })).not.toBe(`web.refusal-kind.${kind}`);
  });
});

/** Keys no measurement reaches through a verdict's text, each with the reason. */
const UNREACHED: string[] = [
  // An untrusted root is evidence of interception on its own (blocked, mitm): never the undecided reason's "usually".
  'web.likely.untrusted_root',
  // Matching an interception CA by signature needs a real certificate signed by that CA's key (src/analyze/interception.ts).
  'web.matched-by.signature',
  // Explanations of an `unknown` DNS consistency: the DNS evidence line prints the explanation of a consistent
  // answer only, and the dns rule's reason an inconsistent one (or, for another AS, its own words).
  'web.dns.unrecorded',
  'web.dns.probe-own',
  'web.dns.differ',
];
