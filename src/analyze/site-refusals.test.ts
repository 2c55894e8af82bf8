import { describe, expect, it } from 'vitest';
import { dns, helperOk, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import { matchRefusal } from '../data/site-refusals.ts';
import { analyzeWeb, decidingRule } from './web/index.ts';

/** Issue #20 class 5: the site's own refusals are neither censorship nor access. */
const H = 'shop.example';
const S = `https://${H}/`;
const P = `http://${H}/`;
const IP = '203.0.113.40';
const both = { local: [dns('udp', H, [IP])], control: [dns('doh', H, [IP])] };
const page = (url: string, status: number, extra: Parameters<typeof http>[3] = {}) => http(url, IP, status, { ...(url.startsWith('https') ? { tls: tls(IP, H) } : {}), ...extra });
const cf1009 = { title: 'Access denied | shop.example used Cloudflare to restrict access', body: '<title>Access denied</title> Error code: 1009 The owner of this website has banned the country or region', headers: { server: 'cloudflare', 'cf-ray': '8a1b' } };

describe("the site's own refusals", () => {
  it('the fingerprints are data with their sources', () => {
    expect(matchRefusal({ status: 403, headers: {}, title: null, body: 'error code: 1009' })?.kind).toBe('geo-blocking');
    expect(matchRefusal({ status: 403, headers: { 'cf-mitigated': 'challenge' }, title: 'Just a moment...', body: '' })?.id).toBe('cloudflare-challenge-header');
    expect(matchRefusal({ status: 200, headers: {}, title: 'Example News Today', body: '' })).toBeNull();
  });

  it('a Cloudflare 1009 page over valid HTTPS is refused by site, naming the kind, the fingerprint and where it came from', () => {
    const m = measurement(S, { dns: both, tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [page(S, 403, cf1009)] });
    const v = analyzeWeb(m);
    expect(decidingRule(m)).toBe('page-loaded');
    expect(v.status).toBe('refused by site');
    expect(v.method).toBeNull();
    expect(v.reason).toBe(
      `The site itself refuses visitors from this network (geo-blocking: 403 "Access denied | shop.example used Cloudflare to restrict access"; fingerprint cloudflare-1009), served over HTTPS with a certificate valid for ${H}, from ${IP}, an address the control resolver also gives: the network could not have written this page; not blocking, and not access either`,
    );
  });

  it('a 451 over valid HTTPS, while the control helper got the real page, is still refused by site (its vantage is not the user\'s)', () => {
    const m = measurement(S, { dns: both, tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [page(S, 451, { title: 'Unavailable For Legal Reasons' })], helper: { url: 'h', failure: null, response: helperOk([`${IP}:443`]) } });
    expect(analyzeWeb(m).status).toBe('refused by site');
  });

  it('a bot challenge over plain HTTP without a control page is inconclusive: it could have been injected', () => {
    const m = measurement(P, { dns: both, tcp: [tcp(IP, 80)], http: [page(P, 403, { title: 'Just a moment...', headers: { 'cf-mitigated': 'challenge' } })] });
    const v = analyzeWeb(m);
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toContain('over plain HTTP, where the network could have injected it');
  });

  it('the same page over plain HTTP with a control page that differs stays http-diff (the helper decides)', () => {
    const m = measurement(P, { dns: both, tcp: [tcp(IP, 80)], http: [page(P, 403, { title: 'Just a moment...', headers: { 'cf-mitigated': 'challenge' } })], helper: { url: 'h', failure: null, response: helperOk([`${IP}:80`]) } });
    expect(analyzeWeb(m)).toMatchObject({ status: 'blocked', method: 'http-diff' });
  });
});

describe('the finding that groups them', () => {
  it('"N sites refuse visitors from this network themselves", by kind', async () => {
    const { findFindings } = await import('../findings/index.ts');
    const refused = (host: string, extra: Parameters<typeof http>[3]) => {
      const url = `https://${host}/`;
      const m = measurement(url, { dns: { local: [dns('udp', host, [IP])], control: [dns('doh', host, [IP])] }, tcp: [tcp(IP, 443)], tls: [tls(IP, host)], http: [http(url, IP, 403, { tls: tls(IP, host), ...extra })] });
      return { target: m.target, verdict: analyzeWeb(m), measurement: m };
    };
    const f = findFindings([refused('a.example', cf1009), refused('b.example', { title: 'Just a moment...', headers: { 'cf-mitigated': 'challenge' } })]);
    expect(f.map((x) => x.kind)).toEqual(['site-refusal']);
    expect(f[0]?.title).toBe('2 sites refuse visitors from this network themselves (geo-blocking: a.example; bot challenges: b.example): not censorship, and not access either');
  });
});
