import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../model/finding.ts';
import type { WebResultJson } from '../../model/run.ts';
import { cert, labRun, web } from '../../../test/fixtures/report-runs.ts';
import { renderRunHtml, renderTimelineHtml } from '../html.ts';
import type { ReportRun } from '../timeline.ts';

// Every value from a run reaches the page escaped: a hostile URL, title, certificate name or reason
// stays text (in element content and in attributes), and the page's own tags are never escaped twice.

const NOW = new Date('2026-11-23T12:00:00Z');
const EVIL_URL = `https://evil.lab/?q=<script>alert(1)</script>&x="y"'z`;
const EVIL_TITLE = `Blocked <script>alert("title")</script> & 'more'`;
const EVIL_CERT = `CN=<script>alert(2)</script> "Evil" & Co`;
const EVIL_REASON = `reset by <img src=x onerror=alert(3)> & "quoted" 'single'`;
const EVIL_PAGE_TITLE = '</title><script>alert(4)</script>';

/** The mitm target of the lab run, with hostile values everywhere a run carries text. */
function hostileTarget(startedAt: string, status: 'blocked' | 'accessible'): WebResultJson {
  const mitm = labRun().results.find((r) => r.target.url === 'https://mitm.lab/') as WebResultJson;
  const chain = [cert('CN=evil.lab', EVIL_CERT), cert(EVIL_CERT, EVIL_CERT, true)];
  const tls = { ...(mitm.measurement.tls[0] as WebResultJson['measurement']['tls'][number]), peerCertificates: chain };
  const verdict = {
    ...mitm.verdict,
    status,
    reason: EVIL_REASON,
    evidence: [EVIL_REASON],
    untrustedIssuer: EVIL_CERT,
    interceptionCa: { ca: EVIL_TITLE, country: 'ZZ', matchedBy: 'name' as const, certificate: EVIL_CERT },
  };
  return web({ url: EVIL_URL, startedAt, tls: [tls], http: [{ title: EVIL_PAGE_TITLE }], verdict });
}

function hostileRun(id: string, startedAt: string, status: 'blocked' | 'accessible'): ReportRun {
  const lab = labRun();
  const finding: FindingJson = { kind: 'state-mitm', title: EVIL_TITLE, details: [EVIL_REASON, EVIL_CERT], targets: [EVIL_URL] };
  const band: FindingJson = { kind: 'allow-list', title: EVIL_TITLE, details: [], targets: [] };
  const results = [...lab.results, hostileTarget(startedAt, status)];
  return { record: { ...lab.record, id, startedAt, findings: [finding, band] }, results };
}

const ESCAPED = {
  url: 'https://evil.lab/?q=&lt;script&gt;alert(1)&lt;/script&gt;&amp;x=&quot;y&quot;&#39;z',
  title: 'Blocked &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &#39;more&#39;',
  cert: 'CN=&lt;script&gt;alert(2)&lt;/script&gt; &quot;Evil&quot; &amp; Co',
  reason: 'reset by &lt;img src=x onerror=alert(3)&gt; &amp; &quot;quoted&quot; &#39;single&#39;',
};

/** A start tag with only well-formed attributes (name, or name="value" without a quote inside), an end tag, or the doctype. */
const TAG = /<(?:!doctype html|\/[a-z][a-z0-9]*|[a-z][a-z0-9]*(?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)>/g;

/** What is wrong with a page's markup: a "<" that starts no well-formed tag, an event-handler attribute, a tag the page never writes. */
function markupProblems(page: string): string[] {
  const problems: string[] = [];
  const stray = page.replace(TAG, '').indexOf('<');
  if (stray >= 0) problems.push(`stray "<": ${page.replace(TAG, '').slice(stray, stray + 60)}`);
  for (const m of page.matchAll(TAG)) {
    for (const a of m[0].matchAll(/\s([a-zA-Z-]+)(?:="[^"]*")?/g)) if (/^on/i.test(a[1] as string)) problems.push(`event handler: ${m[0]}`);
    if (/^<(?:script|img|iframe|object|embed)\b/i.test(m[0])) problems.push(`tag: ${m[0]}`);
  }
  return problems;
}

/** Escaped twice: an entity whose ampersand was escaped again. */
const DOUBLE = /&amp;(?:amp|lt|gt|quot|#39);/;

describe('escaping on the run page', () => {
  const run = hostileRun('20261123T090000Z-evil', '2026-11-23T09:00:00.000Z', 'blocked');
  const page = renderRunHtml(run, { now: NOW });

  it('keeps a hostile URL, finding title, certificate name and reason as text', () => {
    expect(markupProblems(page)).toEqual([]);
    expect(page).toContain(`<span class="label">${ESCAPED.url}</span>`);
    expect(page).toContain(`<h3>${ESCAPED.title}</h3>`);
    expect(page).toContain(`<span class="reason">${ESCAPED.reason}</span>`);
    expect(page).toContain(`→ ${ESCAPED.cert}`);
    expect(page).toContain(`<li>${ESCAPED.cert}</li>`);
    expect(page).toContain('&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(page).not.toContain('</title><script>');
  });

  it('keeps a page body as text inside <pre> when bodies are asked for', () => {
    const withBodies = renderRunHtml(run, { now: NOW, includeBodies: true });
    expect(markupProblems(withBodies)).toEqual([]);
    expect(withBodies).toContain('<pre>&lt;p&gt;Blocked. Your address: ');
    expect(withBodies).not.toMatch(DOUBLE);
  });

  it('writes each value escaped once, and its own fragments not escaped at all', () => {
    expect(page).not.toMatch(DOUBLE);
    expect(page).not.toMatch(/&lt;\/?(?:li|ul|code|span|p|td|tr|details|summary|strong|h4|a)\b/);
    expect(page).toContain('<table class="cmp">');
    expect(page).toContain('<ol class="chain"><li>');
    expect(page).toMatch(/<a href="#t-\d+">https:\/\/evil\.lab\/\?q=&lt;script&gt;/);
  });
});

describe('escaping on the timeline page', () => {
  const runs = [
    hostileRun('20261123T090000Z-ev01', '2026-11-23T09:00:00.000Z', 'blocked'),
    hostileRun('20261123T100000Z-ev02', '2026-11-23T10:00:00.000Z', 'accessible'),
  ];
  const page = renderTimelineHtml(runs, { now: NOW });

  it('keeps a hostile URL, finding title and reason as text, in cells and in their title attributes', () => {
    expect(markupProblems(page)).toEqual([]);
    expect(page).toContain(`<tr data-row="${ESCAPED.url}" class="changed"><th class="row" scope="row">${ESCAPED.url}<span class="mark">`);
    expect(page).toContain(`title="${ESCAPED.title}"`);
    expect(page).toContain(`<li>${ESCAPED.title}</li>`);
    expect(page).toMatch(new RegExp(`title="[^"]*: ${ESCAPED.reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  it('writes each value escaped once, and its own fragments not escaped at all', () => {
    expect(page).not.toMatch(DOUBLE);
    expect(page).not.toMatch(/&lt;\/?(?:li|ul|code|span|p|td|tr|th|details|summary|strong|b)\b/);
    expect(page).toContain('<table class="tl"><thead><tr><th class="row">');
  });
});
