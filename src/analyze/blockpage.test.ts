import { describe, expect, it } from 'vitest';
import { dns, http, measurement, tcp } from '../../test/fixtures/observations.ts';
import { matchBlockpage, matchDnsBlockAnswer } from './blockpage.ts';
import { analyzeWeb } from './web.ts';

describe('block-page and block-answer signatures', () => {
  it("matches Censored Planet's Kazakh corporate page, Citizen Lab's body and header patterns, and tekser's own", () => {
    expect(matchBlockpage(200, {}, '<h1>Страница заблокирована</h1>')).toMatchObject({ fingerprint: 'd_corp_kz_ps', source: 'censoredplanet' });
    expect(matchBlockpage(200, {}, '<script>GTM-NBL6CQ</script>')).toMatchObject({ fingerprint: 'isp_ru_2kom_block', source: 'citizenlab' });
    expect(matchBlockpage(302, { location: 'http://rkn.pakt.ru/' }, '')).toMatchObject({ fingerprint: 'isp_ru_pakt_forward', source: 'citizenlab' });
    expect(matchBlockpage(302, { location: 'https://example.org/x?dpid=1' }, '')).toBeNull(); // "?dpid=": too short to trust
    expect(matchBlockpage(200, {}, '<p>Сайтқа қолжетімділік шектелген</p>')).toMatchObject({ fingerprint: 'tekser_kz_blocked_kk', source: 'tekser' });
  });

  it('does not call an ordinary page or a redirect with a short generic path a block page', () => {
    expect(matchBlockpage(200, { 'content-type': 'text/html' }, '<title>Orda.kz</title><p>news</p>')).toBeNull();
    expect(matchBlockpage(302, { location: 'https://example.org/access?next=/' }, '')).toBeNull();
  });

  it("known censors' DNS answers are named, and make DNS inconsistent", () => {
    expect(matchDnsBlockAnswer('1.2.3.4')).toMatchObject({ fingerprint: 'dns_br_1234' });
    const v = analyzeWeb(
      measurement('http://news.example/', {
        dns: { local: [dns('udp', 'news.example', ['1.2.3.4'])], control: [dns('doh', 'news.example', ['203.0.113.10'])] },
        tcp: [tcp('1.2.3.4', 80, 'generic_timeout_error'), tcp('203.0.113.10', 80)],
        http: [],
      }),
    );
    expect(v).toMatchObject({ status: 'blocked', method: 'dns' });
    expect(v.reason).toContain("a known censor's answer (dns_br_1234)");
  });

  it('a page that differs only because a Citizen Lab pattern is in it is http-diff, named', () => {
    const page = http('http://news.example/', '203.0.113.10', 200, { body: 'Access blocked. Contact it-security-operations@etisalat.ae', title: null });
    const v = analyzeWeb(measurement('http://news.example/', { dns: { local: [dns('udp', 'news.example', ['203.0.113.10'])], control: [dns('doh', 'news.example', ['203.0.113.10'])] }, tcp: [tcp('203.0.113.10', 80)], http: [page] }));
    expect(v).toMatchObject({ status: 'blocked', method: 'http-diff' });
    expect(v.blockpage).toMatchObject({ fingerprint: 'inst_corp_etisalat', source: 'citizenlab' });
  });
});
