import { describe, expect, it } from 'vitest';
import { dns, helperOk, http, measurement, tcp } from '../../test/fixtures/observations.ts';
import type { DnsObservation } from '../model/observation.ts';
import { analyzeDns } from './dns.ts';
import { analyzeWeb } from './web/index.ts';

/** Issue #20 class 3: DNS consistency the way OONI decides it, when tekser has less. */
const H = 'news.example';
const P = `http://${H}/`;
// Not documentation ranges: those are bogons, which is DNS tampering by itself.
const LOCAL = '157.240.1.40';
const CONTROL = '151.101.1.140';
const withAsn = (o: DnsObservation, asn: number): DnsObservation => ({ ...o, answers: o.answers.map((a) => ({ ...a, asn })) });
const blockPage = { title: 'Access Denied', body: '<html><title>Access Denied</title></html>', bodyLength: 40, headers: { 'content-type': 'text/html' } };

describe('AS numbers and the probe\'s own judgement', () => {
  it('answers in the same AS as the control\'s are consistent (a CDN gives each place its own edge), and say why', () => {
    const m = measurement(P, { dns: { local: [withAsn(dns('udp', H, [LOCAL]), 64500)], control: [withAsn(dns('doh', H, [CONTROL]), 64500)] } });
    const d = analyzeDns(m);
    expect(d.consistency).toBe('consistent');
    expect(d.explanation).toBe("your resolver's answers are in the same AS as the control's (AS64500)");
  });

  it("the helper's ip_info gives the AS when the answers do not", () => {
    const response = { ...helperOk([`${CONTROL}:80`]), ip_info: { [LOCAL]: { asn: 64500, flags: 0 }, [CONTROL]: { asn: 64500, flags: 0 } } };
    const m = measurement(P, { dns: { local: [dns('udp', H, [LOCAL])], control: [dns('doh', H, [CONTROL])] }, helper: { url: 'h', failure: null, response } });
    expect(analyzeDns(m).consistency).toBe('consistent');
  });

  it("with no AS on either side, the probe's own dns_consistency is evidence, and the reason says so", () => {
    const base = { dns: { local: [dns('udp', H, [LOCAL])], control: [dns('doh', H, [CONTROL])] } };
    expect(analyzeDns(measurement(P, base)).consistency).toBe('unknown');
    expect(analyzeDns(measurement(P, { ...base, probeDnsConsistency: 'consistent' })).consistency).toBe('consistent');
    const v = analyzeWeb(measurement(P, { ...base, probeDnsConsistency: 'inconsistent' }));
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.reason).toContain("the probe that made the measurement judged them inconsistent (OONI's dns_consistency");
  });

  it('the probe\'s judgement is not used when tekser knows an AS', () => {
    const m = measurement(P, { dns: { local: [withAsn(dns('udp', H, [LOCAL]), 64500)], control: [withAsn(dns('doh', H, [CONTROL]), 64500)] }, probeDnsConsistency: 'inconsistent' });
    expect(analyzeDns(m).consistency).toBe('consistent');
  });
});

describe('where the page came from', () => {
  const helper = { url: 'h', failure: null, response: helperOk([`${CONTROL}:80`]) };

  it("a block page served from an address in the control's AS is http-diff (a middlebox on the path), not DNS", () => {
    const m = measurement(P, { dns: { local: [withAsn(dns('udp', H, [LOCAL]), 64500)], control: [withAsn(dns('doh', H, [CONTROL]), 64500)] }, tcp: [tcp(LOCAL, 80)], http: [http(P, LOCAL, 200, blockPage)], helper });
    expect(analyzeWeb(m)).toMatchObject({ status: 'blocked', method: 'http-diff' });
  });

  it("answers in another AS that serve a page unlike the control's are DNS blocking, with both facts", () => {
    const m = measurement(P, { dns: { local: [withAsn(dns('udp', H, [LOCAL]), 64501)], control: [withAsn(dns('doh', H, [CONTROL]), 64500)] }, tcp: [tcp(LOCAL, 80)], http: [http(P, LOCAL, 200, blockPage)], helper });
    const v = analyzeWeb(m);
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.reason).toBe(`DNS tampering: your resolver's answers (${LOCAL} (AS64501)) are in another network than the control's (${CONTROL} (AS64500)) and could not be validated; the page served there differs from the control's (200 here, 200 there; title "Access Denied")`);
  });

  it('a page that loaded only from an address the control gave, while every attempt at ours failed, is DNS blocking', () => {
    const m = measurement(P, { dns: { local: [dns('udp', H, [LOCAL])], control: [dns('doh', H, [CONTROL])] }, tcp: [tcp(LOCAL, 80, 'connection_refused'), tcp(CONTROL, 80)], http: [http(P, CONTROL, 200)], helper });
    const v = analyzeWeb(m);
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.reason).toBe(`DNS tampering: your resolver answered ${LOCAL}, where every attempt failed (connection_refused); the page loaded only from ${CONTROL}, an address the control resolver gave`);
  });

  it('the same page loaded from the control address while ours also worked is not DNS blocking', () => {
    const m = measurement(P, { dns: { local: [dns('udp', H, [LOCAL])], control: [dns('doh', H, [CONTROL])] }, tcp: [tcp(LOCAL, 80), tcp(CONTROL, 80)], http: [http(P, CONTROL, 200)], helper });
    expect(analyzeWeb(m).method).not.toBe('dns');
  });
});
