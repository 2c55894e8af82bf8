import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { HISTORY_SITES, INTERRUPTED_HOUR, labRun, historyRuns, MITM_CA, NEWS_BLOCKED_FROM, PROBER_PUBLIC_IP, SHUTDOWN_HOURS, URL_PASSWORD } from '../../test/fixtures/report-runs.ts';
import { renderRunHtml, renderTimelineHtml } from './html.ts';
import { buildTimeline, stripUrlCredentials, TIMELINE_CSV_COLUMNS, timelineCsv } from './timeline.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

/** Every address a page could make the browser fetch: src, href, url(), @import, srcset, meta refresh. */
function externalReferences(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/\b(?:src|href|srcset|action|poster|data|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
    const v = (m[1] as string).replace(/^["']|["']$/g, '');
    if (!v.startsWith('#')) refs.push(m[0]);
  }
  for (const m of html.matchAll(/url\(|@import|http-equiv="refresh"/gi)) refs.push(m[0]);
  return refs;
}

/** What a reader sees, roughly: inline tags dropped, block tags as spaces, whitespace collapsed. */
const text = (html: string): string => html.replace(/<\/?(?:code|span|b|strong|a)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('report page for one run', () => {
  const run = labRun();
  const html = renderRunHtml(run, { now: NOW });

  it('puts the findings first: collateral group, interception CA with fingerprint and advice, SNI proof', () => {
    const findings = html.indexOf('id="findings"');
    const targets = html.indexOf('id="targets"');
    expect(findings).toBeGreaterThan(0);
    expect(findings).toBeLessThan(targets);
    const section = text(html.slice(findings, targets));
    expect(section).toContain('IP 203.0.113.7 unreachable (generic_timeout_error): 3 tested sites share it');
    expect(section).toContain('IP blocking with collateral damage');
    expect(section).toContain('"Qaznet Trust Network" (KZ)');
    const fp = MITM_CA.sha256.toUpperCase().match(/.{2}/g)?.join(':') as string;
    expect(section).toContain(`Certificate C=KZ, CN=Security Certificate: SHA-256 ${fp}`);
    expect(section).toContain('Do not install this certificate');
    expect(section).toContain('update-ca-certificates');
    expect(section).toContain('SNI filtering proven for 1 site(s)');
  });

  it('puts a run-level finding (shutdown, allow-list) before the others', () => {
    const run2 = labRun();
    run2.record.findings = [...(run2.record.findings ?? []), { kind: 'allow-list', title: 'Allow-list regime: only 2 of 10 targets are reachable', details: [], targets: [] }];
    const page = renderRunHtml(run2, { now: NOW });
    expect(page.indexOf('Allow-list regime: only 2 of 10')).toBeLessThan(page.indexOf('IP 203.0.113.7 unreachable'));
    expect(page.indexOf('IP 203.0.113.7 unreachable')).toBeGreaterThan(0);
  });

  it('shows every target once, folded, with verdict, method, reason and evidence', () => {
    const details = [...html.matchAll(/<details class="target" id="(t-\d+)">/g)];
    expect(details).toHaveLength(run.results.length);
    expect(html).not.toMatch(/<details class="target"[^>]* open/);
    const t = text(html);
    for (const r of run.results) expect(t).toContain(r.verdict.reason.replace(/\/\/[^@/]*@/, '//'));
    expect(t).toContain('mitm: a certificate no public root trusts (interception)');
    expect(t).toContain('203.0.113.7:443: generic_timeout_error ×3');
    // the most serious first: blocked before partially blocked, down and accessible
    const order = details.map((d) => html.slice(d.index, html.indexOf('</summary>', d.index)).match(/badge v-([a-z-]+)/)?.[1]);
    expect(order.indexOf('accessible')).toBeGreaterThan(order.lastIndexOf('blocked'));
  });

  it('shows certificate chains as issuer → subject with fingerprints, and what the control and helper saw', () => {
    const t = text(html);
    expect(t).toContain('C=KZ, CN=Security Certificate → CN=mitm.lab');
    expect(t).toContain('not trusted: SELF_SIGNED_CERT_IN_CHAIN');
    expect(t).toContain('known interception CA: Qaznet Trust Network (KZ), matched by name');
    expect(t).toContain('Control helper (outside)');
    expect(t).toContain('1.1.1.1:443, name cloudflare-dns.com — trusted by the public roots');
    // news.lab: local DNS says 198.51.100.66, the control 203.0.113.20, the helper fetched "News"
    const news = text(html.slice(html.indexOf('https://news.lab/</span>'), html.indexOf('</details>', html.indexOf('https://news.lab/</span>'))));
    expect(news).toMatch(/getaddrinfo ANY: 198\.51\.100\.66/);
    expect(news).toMatch(/doh https:\/\/1\.1\.1\.1\/dns-query A: 203\.0\.113\.20/);
    expect(news).toContain('200 "News", 5120 bytes');
    // a service: its checks, endpoint by endpoint
    expect(t).toContain('Data centres');
    expect(t).toContain('149.154.175.50:443');
  });

  it('says at the top what it contains, and never holds the page body, the public IP or URL credentials', () => {
    expect(html.indexOf('What this page contains')).toBeLessThan(html.indexOf('id="summary"'));
    expect(text(html)).toContain('It does not contain page bodies');
    expect(text(html)).toContain('Network: AS9198 KZ (as given to tekser)');
    expect(html).not.toContain(PROBER_PUBLIC_IP);
    expect(html).not.toContain(URL_PASSWORD);
    expect(html).not.toContain('reader:');
    expect(html).toContain('https://creds.lab/');
  });

  it('shows bodies only when asked, and says so at the top', () => {
    const withBodies = renderRunHtml(run, { now: NOW, includeBodies: true });
    expect(withBodies).toContain(PROBER_PUBLIC_IP);
    expect(text(withBodies)).toContain('It contains page bodies, because they were asked for');
    expect(withBodies).not.toContain(URL_PASSWORD);
  });

  it('refers to nothing outside itself, under a CSP that forbids every fetch', () => {
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toContain('<svg');
  });

  it('escapes what a run recorded', () => {
    const evil = labRun();
    const first = evil.results[0];
    if (!first) throw new Error('fixture has results');
    first.verdict.reason = '<script>alert(1)</script> "quoted"';
    const page = renderRunHtml(evil, { now: NOW });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;');
  });

  it('strips credentials from any URL in a text', () => {
    expect(stripUrlCredentials('see https://u:p@a.example/x and ftp://anon@b.example/')).toBe('see https://a.example/x and ftp://b.example/');
    expect(stripUrlCredentials('mail me@example.org')).toBe('mail me@example.org');
  });
});

describe('timeline of 24 hourly runs', () => {
  const runs = historyRuns();
  const html = renderTimelineHtml([...runs].reverse(), { now: NOW });
  const rowHtml = (key: string): string => {
    const start = html.indexOf(`<tr data-row="${key}"`);
    return html.slice(start, html.indexOf('</tr>', start));
  };

  it('has one row per target and one for the control, one cell per run, in time order', () => {
    for (const key of ['control', ...HISTORY_SITES, 'service:telegram']) {
      const cells = rowHtml(key).match(/<td\b/g) ?? [];
      expect(cells, key).toHaveLength(24);
    }
    const heads = html.slice(html.indexOf('<thead>'), html.indexOf('</thead>'));
    expect(heads.indexOf('00:00')).toBeLessThan(heads.indexOf('23:00'));
  });

  it('colours each cell by verdict and writes its symbol and reason (not colour alone)', () => {
    const news = rowHtml('https://news.lab/');
    const statuses = [...news.matchAll(/data-status="([^"]+)"/g)].map((m) => m[1]);
    expect(statuses[NEWS_BLOCKED_FROM - 1]).toBe('accessible');
    expect(statuses[NEWS_BLOCKED_FROM]).toBe('blocked');
    expect(news).toMatch(/class="v-blocked chg" title="blocked \(dns\): DNS answers 198\.51\.100\.66[^"]*" data-status="blocked">✕</);
    const legend = text(html.slice(html.indexOf('class="legend"'), html.indexOf('</p>', html.indexOf('class="legend"'))));
    for (const item of ['✕ blocked', '◐ partially blocked', '? inconclusive', '↓ down', '✓ accessible', '✓ control reached', '! control unreachable', '· not measured']) expect(legend).toContain(item);
  });

  it('puts the shutdown as a band across the top, the control row failing under it', () => {
    const band = /<tr class="bandrow"><th class="row" scope="row">no connectivity<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect(band).toContain(`<td class="noband" colspan="${SHUTDOWN_HOURS[0]}">`);
    expect(band).toMatch(new RegExp(`<td class="band" colspan="${SHUTDOWN_HOURS.length}" title="No connectivity: [^"]*">no connectivity</td>`));
    expect(html).toMatch(/<th class="row" scope="row">allow-list regime<\/th>/);
    const control = [...rowHtml('control').matchAll(/data-status="([^"]+)"/g)].map((m) => m[1]);
    for (const h of SHUTDOWN_HOURS) expect(control[h]).toBe('control-failed');
    expect(control[0]).toBe('control-ok');
  });

  it('makes the target that changed easy to spot: first, marked; the shutdown does not count as a change', () => {
    const tl = buildTimeline(runs);
    expect(tl.rows.filter((r) => r.changed).map((r) => r.key)).toEqual(['https://news.lab/']);
    expect(tl.rows[1]?.key).toBe('https://news.lab/');
    expect(rowHtml('https://news.lab/')).toContain('<span class="mark">changed</span>');
    expect(text(html)).toContain('1 of 12 targets changed over these runs.');
  });

  it('shows the targets an interrupted run did not measure as not measured', () => {
    const missing = (rowHtml('https://site9.lab/').match(/<td class="none"/g) ?? []).length;
    expect(missing).toBe(1);
    expect(rowHtml('https://site9.lab/')).toContain(`<td class="none" title="not measured">·</td>`);
    expect(runs[INTERRUPTED_HOUR]?.record.status).toBe('interrupted');
  });

  it('refers to nothing outside itself and holds no body or public IP', () => {
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toContain(PROBER_PUBLIC_IP);
  });

  it('writes the same data as CSV: one line per run and row, formulas defused', () => {
    const tl = buildTimeline(runs);
    const csv = timelineCsv(tl);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([...TIMELINE_CSV_COLUMNS]);
    expect(rows).toHaveLength(24 * (HISTORY_SITES.length + 2));
    const news = rows.filter((r) => r.row === 'https://news.lab/');
    expect(news[NEWS_BLOCKED_FROM]).toMatchObject({ status: 'blocked', method: 'dns', started_at_utc: '2026-11-22T09:00:00.000Z' });
    expect(rows.find((r) => r.kind === 'control' && r.started_at_utc?.startsWith('2026-11-22T14'))?.status).toBe('control-failed');
    expect(rows.filter((r) => r.status === 'not measured')).toHaveLength(6);
    const evil = buildTimeline([{ ...labRun(), results: labRun().results.map((r, i) => (i === 0 ? { ...r, verdict: { ...r.verdict, reason: '=HYPERLINK("x")' } } : r)) }]);
    expect(timelineCsv(evil)).toContain(`'=HYPERLINK(""x"")`);
  });
});
