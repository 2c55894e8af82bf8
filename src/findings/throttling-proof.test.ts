import { describe, expect, it } from 'vitest';
import { dns, http, measurement, tcp, tls } from '../../test/fixtures/observations.ts';
import { latinWords } from '../../test/helpers/latin.ts';
import { analyzeWeb } from '../analyze/web.ts';
import { render, LANGS, type Lang } from '../i18n/index.ts';
import { encodeResult } from '../model/codec.ts';
import { decodeResult } from '../model/codec-decode.ts';
import type { ThroughputProbe, ThroughputTransfer, WebMeasurement } from '../model/measurement.ts';
import type { Finding } from '../model/finding.ts';
import type { WebResult } from '../model/run.ts';
import { findFindings } from './index.ts';
import { proofOutcome, rateWords, sizeWords, THROTTLING_PROOF } from './throttling-proof.ts';

const REF = 256 * 1024;
const result = (m: WebMeasurement): WebResult => ({ target: m.target, verdict: analyzeWeb(m), measurement: m });

/** One transfer of the reference: `bytes` in `seconds`, stalled at `stalledAt` when given. */
function transfer(kind: ThroughputTransfer['kind'], bytes: number, seconds: number, stalledAt: number | null = null): ThroughputTransfer {
  const whole = bytes >= REF && stalledAt === null;
  return { kind, sni: kind === 'target-sni' ? 'twitter.example' : 'example.org', ip: '198.51.100.7', port: 8443, bytes, seconds, stalledAt, failure: whole ? null : 'generic_timeout_error', t0: 1, t: 1 + seconds };
}
const probe = (transfers: ThroughputTransfer[]): ThroughputProbe => ({ helper: 'http://198.51.100.7:8080/', expected: REF, stallSeconds: 3, transfers, failure: null });

/** A site whose page came, slowly, with the proof's transfers beside it (or none). */
function slowSite(host: string, ip: string, throughput?: ThroughputProbe, seconds = 6): WebResult {
  const url = `https://${host}/`;
  const page = http(url, ip, 200, { tls: tls(ip, host), bodyLength: 300_000, t0: 0.1, t: 0.1 + seconds });
  return result(measurement(url, { dns: { local: [dns('udp', host, [ip])], control: [dns('doh', host, [ip])] }, tcp: [tcp(ip, 443)], tls: [tls(ip, host)], http: [page], ...(throughput ? { throughput } : {}) }));
}
const fastSite = (i: number): WebResult => slowSite(`fast${i}.example`, `198.51.100.${20 + i}`, undefined, 0.01);

// The 2021 throttling of Twitter, in figures: ~38 KB/s with the name, megabytes a second without it.
const THROTTLED = probe([transfer('target-sni', REF, 6.7), transfer('harmless-sni', REF, 0.06), transfer('target-sni', REF, 6.9), transfer('harmless-sni', REF, 0.065)]);
// Since 2022: the connection stops after the first 16 KB or so.
const STALLED = probe([transfer('target-sni', 14_200, 0.02, 14_200), transfer('harmless-sni', REF, 0.06), transfer('target-sni', 14_200, 0.02, 14_200), transfer('harmless-sni', REF, 0.07)]);
// A slow server, or a throttle by address: both names alike.
const ALIKE = probe([transfer('target-sni', REF, 0.5), transfer('harmless-sni', REF, 0.45), transfer('target-sni', REF, 0.5), transfer('harmless-sni', REF, 0.45)]);

const throttlingOf = (fs: Finding[]): Finding[] => fs.filter((f) => f.kind === 'throttling');

describe('throttling proven by name (the helper\'s reference with the site\'s name and with a harmless one)', () => {
  it('proven: every harmless transfer many times faster, with the rates and the ratio, even with no fast peer in the run', () => {
    const f = throttlingOf(findFindings([slowSite('twitter.example', '203.0.113.9', THROTTLED)]));
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toBe('twitter.example is throttled by name: 38 KB/s with its name, 4.0 MB/s with a harmless name from the same server (×109)');
    expect(f[0]?.details).toEqual([
      "Measured with the control helper's 256 KB reference: the same server and path over TLS, 2 times with each name; only the name sent as SNI differs",
      'With the name twitter.example: 38 KB/s, 37 KB/s',
      'With a harmless name: 4.2 MB/s, 3.8 MB/s',
    ]);
    expect(f[0]?.targets).toEqual(['https://twitter.example/']);
  });

  it('proven among fast peers: one finding, proven, not also "possibly throttled"', () => {
    const f = throttlingOf(findFindings([...[1, 2, 3, 4].map(fastSite), slowSite('twitter.example', '203.0.113.9', THROTTLED)]));
    expect(f.map((x) => x.title)).toEqual([expect.stringMatching(/^twitter\.example is throttled by name: /)]);
  });

  it('a stall by name says the bytes before it', () => {
    const f = throttlingOf(findFindings([slowSite('rutracker.example', '203.0.113.10', STALLED)]));
    expect(f[0]?.title).toBe('rutracker.example stalls by name: with its name the connection stops after the first 14 KB, with a harmless name the same server sends all 256 KB');
    expect(f[0]?.details[1]).toBe('With the name twitter.example: no byte for 3 s after 14 KB, 14 KB');
  });

  it('not proven: both names alike is no finding alone; among fast peers the suspicion stays, and says it is not by name', () => {
    expect(throttlingOf(findFindings([slowSite('slow.example', '203.0.113.11', ALIKE)]))).toEqual([]);
    const f = throttlingOf(findFindings([...[1, 2, 3, 4].map(fastSite), slowSite('slow.example', '203.0.113.11', ALIKE)]));
    expect(f).toHaveLength(1);
    expect(f[0]?.title).toMatch(/^Possibly throttled: slow\.example: /);
    expect(f[0]?.details.at(-1)).toBe("slow.example: the control helper's reference came at 512 KB/s with its name and 569 KB/s with a harmless name: not throttled by name (perhaps by address, or a slow server)");
  });

  it('not proven: a difference below the ratio, one repeat only, a harmless transfer that did not come whole, a mix of stall and rate', () => {
    const below = probe([transfer('target-sni', REF, 0.3), transfer('harmless-sni', REF, 0.1), transfer('target-sni', REF, 0.3), transfer('harmless-sni', REF, 0.1)]);
    expect(proofOutcome(below).kind).toBe('not-by-name');
    expect(proofOutcome(probe(THROTTLED.transfers.slice(0, 2))).kind).toBe('undecided');
    const brokenHarmless = probe([...THROTTLED.transfers.slice(0, 3), transfer('harmless-sni', 100_000, 5)]);
    expect(proofOutcome(brokenHarmless).kind).toBe('undecided');
    const mixed = probe([THROTTLED.transfers[0] as ThroughputTransfer, transfer('harmless-sni', REF, 0.06), transfer('target-sni', 14_200, 0.02, 14_200), transfer('harmless-sni', REF, 0.06)]);
    expect(proofOutcome(mixed).kind).toBe('undecided');
    // One fast pair out of two spoils the rate proof: every pair must show it.
    const oneFast = probe([transfer('target-sni', REF, 6.7), transfer('harmless-sni', REF, 0.06), transfer('target-sni', REF, 0.07), transfer('harmless-sni', REF, 0.06)]);
    expect(proofOutcome(oneFast).kind).toBe('not-by-name');
    for (const p of [below, brokenHarmless, mixed, oneFast]) expect(throttlingOf(findFindings([slowSite('x.example', '203.0.113.12', p)]))).toEqual([]);
    expect(THROTTLING_PROOF.ratio).toBeGreaterThan(2);
  });

  it('no helper: the old rule as it was (no fast peers: nothing; fast peers: possibly throttled)', () => {
    expect(throttlingOf(findFindings([slowSite('twitter.example', '203.0.113.9')]))).toEqual([]);
    const f = throttlingOf(findFindings([...[1, 2, 3, 4].map(fastSite), slowSite('twitter.example', '203.0.113.9')]));
    expect(f[0]?.title).toMatch(/^Possibly throttled: twitter\.example: 0\.05 MiB\/s, \d+× below this run's median/);
    expect(f[0]?.titleMessage && render('en', f[0].titleMessage)).toBe(f[0]?.title);
    expect(f[0]?.detailMessages?.map((m) => render('en', m))).toEqual(f[0]?.details);
    for (const lang of ['ru', 'kk'] as const) for (const m of [f[0]?.titleMessage, ...(f[0]?.detailMessages ?? [])]) expect(latinWords(m ? render(lang, m) : 'missing')).toEqual([]);
  });

  it('two suspected sites: one title naming both, a message too, with no English left in ru and kk', () => {
    const slow2 = slowSite('azattyq.example', '203.0.113.13');
    const f = throttlingOf(findFindings([...[1, 2, 3, 4, 5, 6].map(fastSite), slowSite('twitter.example', '203.0.113.9'), slow2]));
    expect(f[0]?.title).toMatch(/^Possibly throttled: twitter\.example: [\d.]+ MiB\/s, \d+× below this run's median; azattyq\.example: [\d.]+ MiB\/s, \d+× below this run's median \(median [\d.]+ MiB\/s over 8 transfers\)$/);
    expect(f[0]?.titleMessage && render('en', f[0].titleMessage)).toBe(f[0]?.title);
    expect(f[0]?.detailMessages?.map((m) => render('en', m))).toEqual(f[0]?.details);
    for (const lang of ['ru', 'kk'] as const) expect(latinWords(f[0]?.titleMessage ? render(lang, f[0].titleMessage) : 'missing')).toEqual([]);
  });

  it('the verdict is untouched by the proof (a throttled page loaded: accessible)', () => {
    expect(slowSite('twitter.example', '203.0.113.9', THROTTLED).verdict.status).toBe('accessible');
  });

  it('figures: rates and sizes in KB and MB', () => {
    expect(rateWords(38 * 1024)).toBe('38 KB/s');
    expect(rateWords(4.1 * 1024 * 1024)).toBe('4.1 MB/s');
    expect(rateWords(512)).toBe('0.5 KB/s');
    expect(sizeWords(16 * 1024)).toBe('16 KB');
  });
});

describe('the proof in three languages', () => {
  const findings = [
    ...throttlingOf(findFindings([slowSite('twitter.example', '203.0.113.9', THROTTLED)])),
    ...throttlingOf(findFindings([slowSite('rutracker.example', '203.0.113.10', STALLED)])),
  ];
  const sentences = (lang: Lang): string[] => findings.flatMap((f) => [f.titleMessage, ...(f.detailMessages ?? [])]).map((m) => (m ? render(lang, m) : ''));

  it('every title and detail is a message whose English is the stored text', () => {
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.titleMessage && render('en', f.titleMessage)).toBe(f.title);
      expect(f.detailMessages?.map((m) => render('en', m))).toEqual(f.details);
    }
  });

  it('the not-by-name sentence too', () => {
    const f = throttlingOf(findFindings([...[1, 2, 3, 4].map(fastSite), slowSite('slow.example', '203.0.113.11', ALIKE)]));
    expect(render('en', { key: 'throttle.detail.notByName', params: { host: 'slow.example', named: '512 KB/s', harmless: '569 KB/s' } })).toBe(f[0]?.details.at(-1));
    for (const lang of ['ru', 'kk'] as const) expect(latinWords(render(lang, { key: 'throttle.detail.notByName', params: { host: 'slow.example', named: '512 KB/s', harmless: '569 KB/s' } }))).toEqual([]);
  });

  it.each(LANGS.filter((l) => l !== 'en'))('%s: no English left, the figures kept, the glossary word for throttling', (lang) => {
    const text = sentences(lang);
    for (const s of text) expect(latinWords(s), s).toEqual([]);
    expect(text[0]).toContain('×109');
    expect(text[0]).toContain(lang === 'ru' ? 'замедление' : 'баяулату');
    expect(text.join('\n')).toContain('14 KB');
  });
});

describe('the proof in a stored run', () => {
  it('the codec writes and reads the transfers back; an older line without them reads as before', () => {
    const r = slowSite('twitter.example', '203.0.113.9', THROTTLED);
    const line = JSON.parse(JSON.stringify(encodeResult(r, { includeBodies: true }, (b) => `sha(${b})`)));
    const back = decodeResult(line, 'here', () => null);
    if ('error' in back || back.kind !== 'web') throw new Error('not a web result');
    expect(back.measurement.throughput).toEqual(THROTTLED);
    delete line.measurement.throughput;
    const old = decodeResult(line, 'here', () => null);
    if ('error' in old || old.kind !== 'web') throw new Error('not a web result');
    expect('throughput' in old.measurement).toBe(false);
  });
});
