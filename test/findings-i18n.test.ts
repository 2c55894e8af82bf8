import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../src/findings/index.ts';
import { buildFindingContext } from '../src/findings/context.ts';
import { HELPER_ADVICE, HELPER_ADVICE_MESSAGES, withOoniAdvice } from '../src/findings/helper-unavailable.ts';
import { msg, render, type Lang } from '../src/i18n/index.ts';
import catalogueEn from '../src/i18n/en.json' with { type: 'json' };
/** The findings area of the catalogue: its keys start with `finding.`. */
const findingsEn = Object.fromEntries(Object.entries(catalogueEn).filter(([k]) => k.startsWith('finding.')));
import { REFUSAL_KINDS } from '../src/data/site-refusals.ts';
import type { Finding, FindingKind, FindingRecord } from '../src/model/finding.ts';
import type { Message } from '../src/model/message.ts';
import type { ControlInterception, InterceptionMatch, RunControl } from '../src/model/verdict.ts';
import { latinWords } from './helpers/latin.ts';

/**
 * The run-level findings in Russian and Kazakh: every kind and each variant of its wording, made by
 * the real rules from small hand-written finding records, rendered in ru and kk with no English
 * left, the English title and details exactly their messages in English, Russian plurals right.
 */

// Words that are data inside a sentence, not English: the commands a person types (`tekser certs`,
// `tekser run --control-helper`) and the name of a hosting platform cited as an example (Tilda).
const DATA_WORDS = ['certs', 'run', 'Tilda'];

type Over = Partial<Omit<FindingRecord, 'verdict'>> & { verdict?: Partial<FindingRecord['verdict']> };

/** A target's finding record; its reason carries a message (a core word) unless `reason` says otherwise. */
function rec(host: string, over: Over = {}): FindingRecord {
  const { verdict, ...rest } = over;
  return {
    label: `https://${host}/`,
    url: `https://${host}/`,
    kind: 'web',
    role: 'target',
    hostname: host,
    verdict: { status: 'inconclusive', method: null, reason: 'inconclusive', reasonMessage: msg('status.inconclusive'), interceptionCa: null, untrustedIssuer: null, sniProof: null, ...verdict },
    failureKind: 'other',
    tcpFailed: [],
    tcpOk: [],
    sniFollowsName: false,
    validTls: false,
    transfer: null,
    control: { failed: false, failure: null, interception: null },
    helper: { status: 'none', url: null, failure: null, attempts: 0 },
    ...rest,
  };
}

const hosts = (n: number, prefix = 'site'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}.example`);
const NO_CHECK: RunControl = { state: 'none', failure: null, interception: null };

/** The findings of these records, as findFindings applies the rules (in order, each seeing the ones before). */
function findAll(records: FindingRecord[], run: RunControl = NO_CHECK): Finding[] {
  const base = buildFindingContext(records, run);
  const found: Finding[] = [];
  for (const rule of FINDINGS) found.push(...rule.find({ ...base, found }));
  return found;
}
const only = (kind: FindingKind, records: FindingRecord[], run?: RunControl): Finding => {
  const f = findAll(records, run).filter((x) => x.kind === kind);
  expect(f, kind).toHaveLength(1);
  return f[0]!;
};

const ok = (host: string, ip: string, over: Over = {}): FindingRecord =>
  rec(host, { verdict: { status: 'accessible', reason: 'accessible', reasonMessage: msg('status.accessible') }, failureKind: 'none', tcpOk: [ip], validTls: true, ...over });
const ipBlocked = (host: string, ip: string, over: Over = {}): FindingRecord =>
  rec(host, { verdict: { status: 'blocked', method: 'tcp_ip', reason: 'blocked', reasonMessage: msg('status.blocked') }, failureKind: 'untargeted', tcpFailed: [{ ip, port: 443, failure: 'connection_refused' }], ...over });
const failsOn = (host: string, ip: string, over: Over = {}): FindingRecord =>
  rec(host, { failureKind: 'untargeted', tcpFailed: [{ ip, port: 443, failure: 'generic_timeout_error' }], ...over });
const offline = (host: string): FindingRecord => rec(host, { failureKind: 'untargeted', control: { failed: true, failure: 'network_unreachable', interception: null } });
const match = (matchedBy: InterceptionMatch['matchedBy']): InterceptionMatch => ({ ca: 'Qaznet Trust Network', country: 'KZ', matchedBy, certificate: 'CN=Qaznet Trust Network' });
const mitm = (host: string, verdict: Partial<FindingRecord['verdict']>): FindingRecord => rec(host, { verdict: { status: 'blocked', method: 'mitm', reason: 'blocked', reasonMessage: msg('status.blocked'), ...verdict }, failureKind: 'targeted' });
const intercepted = (c: Partial<ControlInterception>): RunControl => ({ state: 'ok', failure: null, interception: { resolver: 'https://dns.example/dns-query', failure: 'ssl_unknown_authority', issuer: null, match: null, ...c } });
const helperFailed = (host: string, failure: string | null, url: string | null = 'https://helper.example/'): FindingRecord => rec(host, { helper: { status: 'failed', url, failure, attempts: 2 } });
const helperOk = (host: string): FindingRecord => rec(host, { helper: { status: 'ok', url: 'https://helper.example/', failure: null, attempts: 1 } });
const refused = (host: string, kind?: string): FindingRecord =>
  rec(host, { verdict: { status: 'refused by site', reason: 'refused by site', reasonMessage: msg('status.refused by site') }, ...(kind ? { refusal: { kind, fingerprint: 'fp' } } : {}) });

/** One finding of each kind and of each variant of its wording, named for the failure messages. */
function variants(): Record<string, Finding> {
  return {
    'control-interception, all, by a known CA': only('control-interception', [failsOn('a.example', '203.0.113.1')], intercepted({ match: match('sha256') })),
    'control-interception, selective, by issuer': only('control-interception', [ok('a.example', '198.51.100.1'), failsOn('b.example', '203.0.113.1')], intercepted({ issuer: 'CN=KZ-Proxy-CA' })),
    'control-interception, no chain, with failure': only('control-interception', [failsOn('a.example', '203.0.113.1')], intercepted({})),
    'control-interception, no chain, no failure': only('control-interception', [failsOn('a.example', '203.0.113.1')], intercepted({ failure: null })),
    'no-connectivity, by targets': only('no-connectivity', hosts(3).map(offline)),
    'no-connectivity, by the check': only('no-connectivity', [rec('a.example', { failureKind: 'untargeted' })], { state: 'failed', failure: 'generic_timeout_error', interception: null }),
    'no-connectivity, by the check, no failure': only('no-connectivity', [rec('a.example', { failureKind: 'untargeted' })], { state: 'failed', failure: null, interception: null }),
    'allow-list, with failures': allowList(true),
    'allow-list, no connection': allowList(false),
    'collateral, confirmed, neighbours work': only('collateral', [ipBlocked('a.example', '203.0.113.7'), ipBlocked('b.example', '203.0.113.7'), ok('c.example', '203.0.113.10'), ok('d.example', '198.51.100.1')]),
    'collateral, unconfirmed, no helper, neighbours work': only('collateral', [failsOn('a.example', '203.0.113.7'), failsOn('b.example', '203.0.113.7'), ok('c.example', '203.0.113.10')]),
    'collateral, unconfirmed, helper failed, nothing to compare': only('collateral', [
      failsOn('a.example', '2001:db8::7', { helper: { status: 'failed', url: 'https://helper.example/', failure: null, attempts: 1 } }),
      failsOn('b.example', '2001:db8::7'),
    ]),
    'collateral, confirmed, no neighbours': only('collateral', [ipBlocked('a.example', '203.0.113.7'), ipBlocked('b.example', '203.0.113.7'), ok('c.example', '198.51.100.1')]),
    'sni-filtering, follows the name': only('sni-filtering', [
      rec('a.example', { verdict: { status: 'blocked', method: 'tls', sniProof: 'proven' }, sniFollowsName: true }),
      rec('b.example', { verdict: { status: 'blocked', method: 'tls', sniProof: 'proven' } }),
    ]),
    ...Object.fromEntries((['sha256', 'spki', 'signature', 'name'] as const).map((by) => [`state-mitm, matched by ${by}`, only('state-mitm', [mitm('a.example', { interceptionCa: match(by) })])])),
    'suspected-mitm, known and unknown issuers': only('suspected-mitm', [mitm('a.example', { untrustedIssuer: 'CN=KZ-Proxy-CA' }), mitm('b.example', {})]),
    'suspected-mitm, one issuer': only('suspected-mitm', [mitm('a.example', { untrustedIssuer: 'CN=KZ-Proxy-CA' })]),
    'helper-unavailable, all': only('helper-unavailable', [helperFailed('a.example', 'connection_refused'), helperFailed('b.example', null)]),
    'helper-unavailable, some, no address': only('helper-unavailable', [helperFailed('a.example', null, null), helperOk('b.example')]),
    'helper-unavailable, for OONI Probe': withOoniAdvice(only('helper-unavailable', [helperFailed('a.example', 'connection_refused')])),
    'site-refusal, every kind': only('site-refusal', [refused('a.example', 'geo-blocking'), refused('b.example', 'bot-challenge'), refused('c.example', 'login-wall'), refused('d.example'), refused('e.example', 'pay-wall')]),
  };
}

function allowList(withFailures: boolean): Finding {
  const failure = (host: string, ip: string): FindingRecord => (withFailures ? failsOn(host, ip) : rec(host, { failureKind: 'untargeted' }));
  const canary = (host: string, ip: string): FindingRecord => ({ ...failure(host, ip), role: 'canary' });
  const targeted = rec('censored.example', { verdict: { status: 'blocked', method: 'dns', reason: 'blocked', reasonMessage: msg('status.blocked') }, failureKind: 'targeted' });
  const records = [ok('tengrinews.kz', '198.51.100.1'), ...hosts(4).map((h, i) => failure(h, `203.0.113.${40 + i}`)), targeted, canary('canary-a.example', '192.0.2.70'), canary('canary-b.example', '192.0.2.71')];
  return only('allow-list', records);
}

/** Every catalogue key a message uses, nested clauses included. */
function keysOf(m: Message, into = new Set<string>()): Set<string> {
  into.add(m.key);
  for (const v of Object.values(m.params ?? {})) if (typeof v === 'object' && !Array.isArray(v)) keysOf(v, into);
  return into;
}
const lines = (lang: Lang, f: Finding): string[] => [render(lang, f.titleMessage!), ...(f.detailMessages ?? []).map((m) => render(lang, m))];

describe('findings in Russian and Kazakh', () => {
  const all = variants();

  it('every finding carries its messages, and its English is exactly their English', () => {
    for (const [name, f] of Object.entries(all)) {
      expect(f.titleMessage, name).toBeDefined();
      expect(render('en', f.titleMessage!), name).toBe(f.title);
      expect(f.detailMessages?.map((m) => render('en', m)), name).toEqual(f.details);
    }
  });

  for (const lang of ['ru', 'kk'] as const) {
    it(`leaves no English word in ${lang} (data aside) and no placeholder or key unfilled`, () => {
      const left: string[] = [];
      for (const [name, f] of Object.entries(all)) {
        for (const line of lines(lang, f)) {
          const words = latinWords(line, DATA_WORDS);
          if (words.length || /\{\w+(?::\w+)?\}|finding\.|status\./.test(line)) left.push(`${name}: ${line} [${words.join(' ')}]`);
        }
      }
      expect(left).toEqual([]);
    });
  }

  it('reaches every key of the findings part', () => {
    const reached = new Set<string>();
    for (const f of Object.values(all)) for (const m of [f.titleMessage!, ...(f.detailMessages ?? [])]) keysOf(m, reached);
    // finding.text: a reason stored without its message (test below); the OONI advice swapped in by withOoniAdvice is reached above.
    keysOf(HELPER_ADVICE_MESSAGES.ooni, reached);
    const withoutMessage = only('no-connectivity', [rec('a.example', { failureKind: 'untargeted', verdict: { reasonMessage: undefined, reason: 'no connection to anything' } })], { state: 'failed', failure: null, interception: null });
    for (const m of withoutMessage.detailMessages ?? []) keysOf(m, reached);
    expect(Object.keys(findingsEn).filter((k) => !reached.has(k))).toEqual([]);
  });

  it('has words of its own for every kind of site refusal in the table (an id it does not know is shown as it is: pay-wall above)', () => {
    for (const kind of REFUSAL_KINDS) expect(Object.keys(findingsEn)).toContain(`finding.site-refusal.kind.${kind}`);
  });

  it('shows a reason stored without its message as it was stored, in every language', () => {
    const f = only('no-connectivity', [rec('a.example', { failureKind: 'untargeted', verdict: { reasonMessage: undefined, reason: 'no connection to anything' } })], { state: 'failed', failure: null, interception: null });
    expect(f.details).toEqual(['no connection to anything']);
    expect(render('ru', f.detailMessages![0]!)).toBe('no connection to anything');
  });

  it('gives the OONI advice in every language when OONI Probe made the measurements', () => {
    const f = all['helper-unavailable, for OONI Probe']!;
    expect(f.details).toContain(HELPER_ADVICE.ooni);
    expect(f.details).not.toContain(HELPER_ADVICE.tekser);
    expect(lines('ru', f).join('\n')).toContain('приложение OONI');
    expect(lines('kk', f).join('\n')).toContain('OONI қолданбасы');
  });

  it('says the words of the glossary: shutdown, collateral damage, interception, allow-list regime, SNI filtering', () => {
    const ru = (name: string): string => lines('ru', all[name]!).join('\n');
    const kk = (name: string): string => lines('kk', all[name]!).join('\n');
    expect(ru('no-connectivity, by targets')).toContain('отключение интернета');
    expect(kk('no-connectivity, by targets')).toContain('интернетті өшіру');
    expect(ru('collateral, confirmed, neighbours work')).toContain('сопутствующая блокировка');
    expect(kk('collateral, confirmed, neighbours work')).toContain('жанама бұғаттау');
    expect(ru('control-interception, all, by a known CA')).toContain('Перехватываются');
    expect(kk('control-interception, all, by a known CA')).toContain('ұстап алынады');
    expect(ru('allow-list, with failures')).toContain('Режим белых списков');
    expect(kk('allow-list, with failures')).toContain('Ақ тізім режимі');
    expect(ru('sni-filtering, follows the name')).toContain('Фильтрация по SNI');
    expect(kk('sni-filtering, follows the name')).toContain('SNI бойынша сүзу');
  });
});

describe('Russian plurals in the findings: 1, 3 and 5 sites', () => {
  const title = (f: Finding): string => render('ru', f.titleMessage!);

  it('site-refusal', () => {
    const refusing = (n: number) => only('site-refusal', hosts(n).map((h) => refused(h, 'geo-blocking')));
    expect(title(refusing(1))).toMatch(/^1 сайт сам отказывает/);
    expect(title(refusing(3))).toMatch(/^3 сайта сами отказывают/);
    expect(title(refusing(5))).toMatch(/^5 сайтов сами отказывают/);
    expect(refusing(1).title).toMatch(/^1 site refuses visitors/);
    expect(refusing(3).title).toMatch(/^3 sites refuse visitors/);
  });

  it('sni-filtering', () => {
    const sni = (n: number) => only('sni-filtering', hosts(n).map((h) => rec(h, { verdict: { status: 'blocked', method: 'tls', sniProof: 'proven' }, sniFollowsName: true })));
    expect(title(sni(1))).toContain('для 1 сайта: его адрес принимает');
    expect(title(sni(3))).toContain('для 3 сайтов: их адреса принимают');
    expect(title(sni(5))).toContain('для 5 сайтов');
    expect(render('ru', sni(1).detailMessages![0]!)).toContain('не открывается и на нейтральном');
    expect(render('ru', sni(3).detailMessages![0]!)).toContain('не открываются и на нейтральном');
  });

  it('collateral (two sites at least share an address: 21 stands in for the form of 1)', () => {
    const shared = (n: number) => only('collateral', [...hosts(n).map((h) => ipBlocked(h, '203.0.113.7')), ok('other.example', '198.51.100.1')]);
    expect(title(shared(21))).toContain('а на нём 21 проверенный сайт:');
    expect(title(shared(3))).toContain('а на нём 3 проверенных сайта:');
    expect(title(shared(5))).toContain('а на нём 5 проверенных сайтов:');
  });

  it('no-connectivity', () => {
    const down = (n: number) => only('no-connectivity', hosts(n).map(offline));
    expect(title(down(1))).toContain('для 1 из 1 цели. ');
    expect(title(down(1))).toContain('а не на блокировку 1 сайта.');
    expect(title(down(3))).toContain('для 3 из 3 целей. ');
    expect(title(down(3))).toContain('а не на блокировку 3 сайтов.');
    expect(title(down(5))).toContain('а не на блокировку 5 сайтов.');
  });

  it('state-mitm, suspected-mitm and the selective control interception', () => {
    const state = (n: number) => only('state-mitm', hosts(n).map((h) => mitm(h, { interceptionCa: match('spki') })));
    expect(title(state(1))).toContain('в цепочке сертификатов 1 цели:');
    expect(title(state(3))).toContain('в цепочках сертификатов 3 целей:');
    const suspected = (n: number) => only('suspected-mitm', hosts(n).map((h) => mitm(h, { untrustedIssuer: 'CN=KZ-Proxy-CA' })));
    expect(title(suspected(1))).toContain('1 цель показывает сертификат,');
    expect(title(suspected(3))).toContain('3 цели показывают сертификаты,');
    expect(title(suspected(5))).toContain('5 целей показывают сертификаты,');
    const selective = (n: number) => only('control-interception', hosts(n).map((h, i) => ok(h, `198.51.100.${i + 1}`)), intercepted({ match: match('name') }));
    expect(title(selective(1))).toContain('1 сайт по HTTPS открывается');
    expect(title(selective(3))).toContain('3 сайта по HTTPS открываются');
    expect(title(selective(5))).toContain('5 сайтов по HTTPS открываются');
  });

  it('allow-list: the targets failing by targeted methods', () => {
    const targetedLine = (n: number): string => {
      const records = [
        ok('tengrinews.kz', '198.51.100.1'),
        ok('kaspi.kz', '198.51.100.2'),
        ...hosts(n + 1, 'plain').map((h, i) => failsOn(h, `203.0.113.${40 + i}`)),
        ...hosts(n, 'censored').map((h) => rec(h, { verdict: { status: 'blocked', method: 'dns' }, failureKind: 'targeted' })),
        ...hosts(2 * n, 'more').map((h, i) => failsOn(h, `203.0.113.${100 + i}`)),
        { ...failsOn('canary-a.example', '192.0.2.70'), role: 'canary' as const },
        { ...failsOn('canary-b.example', '192.0.2.71'), role: 'canary' as const },
      ];
      return render('ru', only('allow-list', records).detailMessages![1]!);
    };
    expect(targetedLine(1)).toMatch(/^1 цель не открывается/);
    expect(targetedLine(3)).toMatch(/^3 цели не открываются/);
    expect(targetedLine(5)).toMatch(/^5 целей не открываются/);
  });
});
