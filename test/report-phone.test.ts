import { describe, expect, it } from 'vitest';
import { renderRunHtml, renderTimelineHtml } from '../src/report/html.ts';
import { breakable } from '../src/report/html/safe.ts';
import { GROUPED, LONG_URL, phoneRun, REFUSED, sameMinuteRuns } from './fixtures/phone-runs.ts';

// The page's markup for a phone (issue #25, item 7); test/report.browser.test.ts looks at it in Chromium at 390 px.

const NOW = new Date('2026-11-23T12:00:00Z');

describe('the report on a phone', () => {
  it('folds identical verdicts into one group, each target still inside it with its own anchor', () => {
    const page = renderRunHtml(phoneRun(), { now: NOW });
    const groups = [...page.matchAll(/<details class="group">/g)];
    expect(groups).toHaveLength(1);
    expect(page).toContain(`${GROUPED} targets with the same verdict`);
    expect(page).toContain(`https://gone1.example/, https://gone2.example/, https://gone3.example/, https://gone4.example/, https://gone5.example/, https://gone6.example/ and ${GROUPED - 6} more`);
    const group = page.slice(page.indexOf('<details class="group">'));
    expect([...group.matchAll(/<details class="target" id="t-\d+">/g)].length).toBeGreaterThanOrEqual(GROUPED);
    // three identical blocked verdicts (the shared address) stay target by target
    expect(page).not.toMatch(/<span class="label">3 targets/);
  });

  it('puts the helper\'s own words in its column', () => {
    const page = renderRunHtml(phoneRun(), { now: NOW });
    expect(page).toContain(`<td data-side="Control helper (outside)"><ul class="plain"><li><code>10.10.34.35:443</code>: ${REFUSED}</li></ul></td>`);
  });

  it('lets a long URL break only after / . _ (and where a browser breaks anyway), short tokens never', () => {
    expect(String(breakable('connection_refused'))).toBe('connection_refused');
    expect(String(breakable('https://360tv.ru/'))).toBe('https://360tv.ru/');
    const long = String(breakable(LONG_URL));
    expect(long.replace(/<wbr>/g, '')).toBe(LONG_URL);
    expect(long).toContain('/<wbr>news/<wbr>politics/');
    expect(long).not.toMatch(/[^/._&=]<wbr>/);
    expect(String(breakable('https://u:secret@a.example/'))).not.toContain('secret');
    expect(String(breakable('<b>&'))).toBe('&lt;b&gt;&amp;');
  });

  it('tells runs in the same minute apart by their seconds', () => {
    const page = renderTimelineHtml(sameMinuteRuns(), { now: NOW });
    expect(page).toMatch(/<th scope="col" title="20261122T090005Z-aaaa \(complete\)">11-22<br>09:00:05<\/th>/);
    expect(page).toMatch(/<th scope="col" title="20261122T090040Z-bbbb \(complete\)">09:00:40<\/th>/);
    expect(page).toContain('2 runs, 2026-11-22 09:00:05 to 2026-11-22 09:00:40 (UTC)');
  });
});
