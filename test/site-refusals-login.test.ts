import { describe, expect, it } from 'vitest';
import { cert, dns, http, measurement, tcp, tls } from './fixtures/observations.ts';
import { matchRefusal } from '../src/data/site-refusals.ts';
import { analyzeWeb } from '../src/analyze/web/index.ts';

/** Issue #20 class 5: a login wall the site puts up itself is its own refusal, not censorship. */
describe('login walls', () => {
  it('are rows of the refusal table, matched by title or body', () => {
    expect(matchRefusal({ status: 200, headers: {}, title: 'Login • Instagram', body: '' })?.kind).toBe('login-wall');
    expect(matchRefusal({ status: 200, headers: {}, title: 'Log in to Facebook', body: '' })?.id).toBe('facebook-login-title');
    expect(matchRefusal({ status: 200, headers: {}, title: 'LinkedIn', body: '<a href="https://www.linkedin.com/authwall?trk=x">' })?.id).toBe('linkedin-authwall');
    expect(matchRefusal({ status: 200, headers: {}, title: 'Instagram photos and videos', body: '' })).toBeNull();
  });

  it('a login wall over valid HTTPS is refused by site, naming the kind; over plain HTTP it stays inconclusive', () => {
    const H = 'www.instagram.com';
    const IP = '203.0.113.41';
    const both = { local: [dns('udp', H, [IP])], control: [dns('doh', H, [IP])] };
    const S = `https://${H}/someone/`;
    const v = analyzeWeb(measurement(S, { dns: both, tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 200, { tls: tls(IP, H), title: 'Login • Instagram' })] }));
    expect(v.status).toBe('refused by site');
    expect(v.reason).toContain('login-wall');
    const P = `http://${H}/someone/`;
    const w = analyzeWeb(measurement(P, { dns: both, tcp: [tcp(IP, 80)], http: [http(P, IP, 200, { title: 'Login • Instagram' })] }));
    expect(w.status).toBe('inconclusive');
  });

  it('a refusal page whose valid chain holds a known interception CA is not the site\'s own: inconclusive, naming the CA', () => {
    const H = 'shop.example';
    const IP = '203.0.113.42';
    const S = `https://${H}/`;
    const chain = [cert(`CN=${H}`, 'C=KZ, CN=Qaznet Trust Network')];
    const v = analyzeWeb(measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [IP])] }, tcp: [tcp(IP, 443)], tls: [tls(IP, H)], http: [http(S, IP, 451, { tls: tls(IP, H, null, chain), title: 'Unavailable For Legal Reasons' })] }));
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toContain('Qaznet Trust Network');
    expect(v.reason).toContain('this machine trusts');
  });
});
