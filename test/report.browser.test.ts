import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRunHtml, renderTimelineHtml } from '../src/report/html.ts';
import { historyRuns, labRun, NEWS_BLOCKED_FROM, SHUTDOWN_HOURS } from './fixtures/report-runs.ts';
import { analysedRun } from './fixtures/analysed-run.ts';
import { GROUPED, LONG_URL, phoneRun, REFUSED, sameMinuteRuns } from './fixtures/phone-runs.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

/**
 * The report as a person sees it, in a real browser: Debian's chromium (installed by .ci/run), driven
 * by playwright-core (no browser download). Every request the page makes is recorded; none may leave it.
 * Screenshots are kept in $TEKSER_ARTIFACTS (default: <tmp>/tekser-artifacts) and their paths printed;
 * TEKSER_UPDATE_SCREENSHOT=1 also copies the README's picture into test/report-screenshot.png.
 */
const CHROMIUM = process.env.TEKSER_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const NO_BROWSER = `no browser: ${CHROMIUM} is missing (apt-get install chromium, or set TEKSER_CHROMIUM)`;
const ARTIFACTS = process.env.TEKSER_ARTIFACTS ?? join(tmpdir(), 'tekser-artifacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const NOW = new Date('2026-11-23T12:00:00Z');
/** A browser on a loaded 2-core CI machine is slow to lay out and print: a generous limit (no timing is asserted). */
const BROWSER_TIMEOUT = 60_000;
/** The test's name, with the reason when it is skipped. */
const named = (s: string): string => (HAVE_CHROMIUM ? s : `${s} (skipped: ${NO_BROWSER})`);

type Playwright = typeof import('playwright-core');
// The few DOM globals the page-side callbacks use (the tests compile without the DOM library).
declare const document: { documentElement: { scrollWidth: number } };
declare const window: { innerWidth: number; getComputedStyle(el: unknown): { backgroundColor: string } };
type Context = Awaited<ReturnType<Playwright['chromium']['launchPersistentContext']>>;
type Page = Awaited<ReturnType<Context['newPage']>>;

let context: Context | undefined;
let dir = '';

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  const { chromium } = await import('playwright-core');
  // A fresh profile each time: nothing cached, no extension, no sync.
  context = await chromium.launchPersistentContext(tempDir('chromium-profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1000, height: 800 }, offline: false });
  dir = tempDir('report-browser');
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await context?.close();
});

/** Opens a page from a file:// URL, recording every request and CSP complaint while it loads. */
async function open(html: string, name: string, viewport?: { width: number; height: number }): Promise<{ page: Page; requests: string[]; url: string; console: string[] }> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await (context as Context).newPage();
  if (viewport) await page.setViewportSize(viewport);
  const requests: string[] = [];
  const messages: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => messages.push(m.text()));
  // Anything but the page itself is refused as well as recorded.
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, url, console: messages };
}

async function shot(page: Page, name: string, opts: { fullPage?: boolean; selector?: string } = {}): Promise<string> {
  const path = join(ARTIFACTS, name);
  if (opts.selector) await page.locator(opts.selector).screenshot({ path });
  else await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  console.log(`screenshot: ${path}`);
  return path;
}

describe('the report in headless Chromium', () => {
  it.skipIf(!HAVE_CHROMIUM)(named("shows one run's findings first, evidence folded, and requests nothing"), async () => {
    const { page, requests, url, console: messages } = await open(renderRunHtml(labRun(), { now: NOW }), 'run.html');
    expect(requests).toEqual([url]);
    expect(messages.filter((m) => /Content Security Policy|Refused/.test(m))).toEqual([]);
    await expect.poll(() => page.getByText('What this page contains').isVisible()).toBe(true);
    const collateral = page.getByText('IP 203.0.113.7 unreachable (generic_timeout_error): 3 tested sites share it');
    expect(await collateral.isVisible()).toBe(true);
    expect(await page.getByText('"Qaznet Trust Network" (KZ)').first().isVisible()).toBe(true);
    expect(await page.getByText('Do not install this certificate, whoever asks you to').isVisible()).toBe(true);
    // findings above the targets, as a reader scrolls
    const findingsY = (await page.locator('#findings').boundingBox())?.y ?? Infinity;
    const targetsY = (await page.locator('#targets').boundingBox())?.y ?? -Infinity;
    expect(findingsY).toBeLessThan(targetsY);
    // evidence is folded until opened: a chain is not visible, then is
    const mitm = page.locator('details.target', { hasText: 'https://mitm.lab/' });
    const chainLine = mitm.getByText('C=KZ, CN=Security Certificate → CN=mitm.lab');
    expect(await chainLine.isVisible()).toBe(false);
    // on paper every folded target is printed open
    await page.emulateMedia({ media: 'print' });
    expect(await chainLine.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await mitm.locator('summary').click();
    expect(await chainLine.isVisible()).toBe(true);
    await shot(page, 'report-run.png', { fullPage: false });
    await shot(page, 'report-run-mitm.png', { selector: 'details.target:has-text("https://mitm.lab/")' });
    if (process.env.TEKSER_UPDATE_SCREENSHOT) copyFileSync(await shot(page, 'report-findings.png', { selector: '#findings' }), join(REPO_ROOT, 'test/report-findings.png'));
    // a phone: every target opened, and still nothing wider than the screen
    await page.setViewportSize({ width: 390, height: 844 });
    for (const summary of await page.locator('details.target > summary').all()) if (!(await summary.evaluate((el) => (el as unknown as { parentElement: { open: boolean } }).parentElement.open))) await summary.click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'report-run-phone.png', { fullPage: false });
    expect(requests).toEqual([url]);
    await page.close();
  }, BROWSER_TIMEOUT);

  it.skipIf(!HAVE_CHROMIUM)(named('shows 24 runs as a timeline with the shutdown band, readable on a phone and printable'), async () => {
    const { page, requests, url } = await open(renderTimelineHtml(historyRuns(), { now: NOW }), 'timeline.html', { width: 1440, height: 900 });
    expect(requests).toEqual([url]);
    const news = page.locator('tr[data-row="https://news.lab/"] td');
    expect(await news.count()).toBe(24);
    for (let i = 0; i < 24; i++) expect(await news.nth(i).isVisible()).toBe(true);
    expect(await news.nth(NEWS_BLOCKED_FROM).textContent()).toBe('✕');
    expect(await news.nth(NEWS_BLOCKED_FROM - 1).textContent()).toBe('✓');
    // blocked and accessible cells look different (colour), not only by symbol
    const bg = (i: number) => news.nth(i).evaluate((el) => window.getComputedStyle(el).backgroundColor);
    expect(await bg(NEWS_BLOCKED_FROM)).not.toBe(await bg(NEWS_BLOCKED_FROM - 1));
    const band = page.locator('td.band', { hasText: 'no connectivity' });
    expect(await band.isVisible()).toBe(true);
    expect(await band.getAttribute('colspan')).toBe(String(SHUTDOWN_HOURS.length));
    expect(await page.getByText('1 of 12 targets changed over these runs.').isVisible()).toBe(true);
    const path = await shot(page, 'report-timeline.png', { selector: '#timeline' });
    if (process.env.TEKSER_UPDATE_SCREENSHOT) copyFileSync(path, join(REPO_ROOT, 'test/report-screenshot.png'));

    // a phone: the page itself does not scroll sideways (the timeline scrolls inside its box)
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'report-timeline-phone.png', { fullPage: false });
    // printable: Chromium lays it out for paper without error
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(requests).toEqual([url]);
    await page.close();
  }, BROWSER_TIMEOUT);

  it.skipIf(!HAVE_CHROMIUM)(named('on a phone (390 px): every target opened, nothing wider than the screen, no token broken, identical verdicts grouped'), async () => {
    const { page, requests, url } = await open(renderRunHtml(phoneRun(), { now: NOW }), 'phone.html', PHONE);
    // 106 identical inconclusive verdicts are one group, as the terminal shows them
    const group = page.locator('details.group', { hasText: `${GROUPED} targets` });
    expect(await group.count()).toBe(1);
    expect(await group.locator('details.target').count()).toBe(GROUPED);
    for (const summary of await page.locator('details > summary').all()) if (!(await summary.evaluate((el) => (el as unknown as { parentElement: { open: boolean } }).parentElement.open))) await summary.click();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // what the helper said is on the screen, beside what the probe saw
    const refused = page.locator('details.target', { has: page.locator('.label', { hasText: /^https:\/\/360tv\.ru\/$/ }) });
    await refused.scrollIntoViewIfNeeded();
    expect(await refused.getByText(REFUSED).first().isVisible()).toBe(true);
    expect(await tableOverflow(page)).toEqual([]);
    expect(await brokenTokens(page)).toEqual([]);
    await refused.screenshot({ path: join(ARTIFACTS, 'report-phone-private.png') });
    console.log(`screenshot: ${join(ARTIFACTS, 'report-phone-private.png')}`);
    await page.locator('details.target', { hasText: LONG_URL }).first().scrollIntoViewIfNeeded();
    await shot(page, 'report-phone-long.png', { selector: `details.target:has-text("${LONG_URL}")` });
    expect(requests).toEqual([url]);
    await page.close();
  }, BROWSER_TIMEOUT);

  it.skipIf(!HAVE_CHROMIUM)(named('on a phone (390 px): the timeline of two runs in the same minute has two different column heads'), async () => {
    const { page } = await open(renderTimelineHtml(sameMinuteRuns(), { now: NOW }), 'same-minute.html', PHONE);
    // the time each head shows (its last line; the first head also shows the day)
    const heads = (await page.locator('table.tl thead th[scope="col"]').allInnerTexts()).map((h) => h.split('\n').at(-1));
    expect(heads).toEqual(['09:00:05', '09:00:40']);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await brokenTokens(page)).toEqual([]);
    expect(await page.locator('h1').textContent()).toContain('09:00:05 to 2026-11-22 09:00:40');
    await shot(page, 'report-phone-same-minute.png', { selector: '#timeline .scroll' });
    await page.close();
    // one run's page on a phone, from the top: the group of 106 folded
    const one = await open(renderRunHtml(phoneRun(), { now: NOW }), 'phone-top.html', PHONE);
    await one.page.locator('details.group').scrollIntoViewIfNeeded();
    await shot(one.page, 'report-phone-group.png', { fullPage: false });
    await one.page.close();
  }, BROWSER_TIMEOUT);
});

const PHONE = { width: 390, height: 844 };
/** A small phone: the narrowest width the Russian and Kazakh pages are checked at. */
const SMALL_PHONE = { width: 360, height: 780 };
/** An A4 page's printable width at 96 dpi with Chromium's default margins (about 17 cm). */
const PRINT = { width: 650, height: 900 };

/** Legend items and glossary lines cut off by the screen or by their box: none may be. */
function clippedLegend(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = { getBoundingClientRect(): { left: number; right: number; width: number }; scrollWidth: number; clientWidth: number; textContent: string };
    const d = document as unknown as { querySelectorAll(s: string): Iterable<El> };
    const out: string[] = [];
    for (const box of d.querySelectorAll('.legend, .terms')) if (box.scrollWidth > box.clientWidth + 1) out.push(`box: ${(box.textContent ?? '').slice(0, 40)}`);
    for (const item of d.querySelectorAll('.legend span, .terms dt, .terms dd')) {
      const r = item.getBoundingClientRect();
      if (r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1)) out.push((item.textContent ?? '').slice(0, 40));
    }
    return out;
  });
}

/** How far the page is wider than the screen (≤ 0: it is not). */
const overflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The evidence tables (what each side saw, checks) that are wider than their box: none may be, on a phone. */
function tableOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const d = document as unknown as { querySelectorAll(s: string): Iterable<{ scrollWidth: number; clientWidth: number; textContent: string }> };
    return [...d.querySelectorAll('details.target .scroll')].filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => (b.textContent ?? '').slice(0, 80));
  });
}

/**
 * Words (URLs, failure strings, addresses) that a line break cuts anywhere but after a safe point
 * (/ . _ - ? & = , ; :): "connecti|on_refused" or "360tv.r|u" is a failure, "https://360tv.ru/|news/" is not.
 */
function brokenTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rect = { top: number; height: number };
    type Node = { nodeValue: string | null };
    const d = document as unknown as {
      body: unknown;
      createTreeWalker(root: unknown, what: number): { nextNode(): Node | null };
      createRange(): { setStart(n: Node, o: number): void; setEnd(n: Node, o: number): void; getClientRects(): ArrayLike<Rect> };
    };
    const lineOf = (n: Node, from: number, to: number): number[] => {
      const r = d.createRange();
      r.setStart(n, from);
      r.setEnd(n, to);
      return [...Array.from(r.getClientRects()).filter((x) => x.height > 0).map((x) => Math.round(x.top))];
    };
    const broken: string[] = [];
    const walker = d.createTreeWalker(d.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue ?? '';
      for (const m of text.matchAll(/\S{4,}/g)) {
        const start = m.index ?? 0;
        const tops = new Set(lineOf(n, start, start + m[0].length));
        if (tops.size < 2) continue;
        let first = lineOf(n, start, start + 1)[0];
        for (let i = 1; i < m[0].length; i++) {
          const top = lineOf(n, start + i, start + i + 1)[0];
          if (top === undefined || first === undefined || top === first) continue;
          if (!'/._-?&=,;:'.includes(m[0][i - 1] ?? '')) broken.push(`${m[0].slice(0, i)}|${m[0].slice(i)}`);
          first = top;
        }
      }
    }
    return broken;
  });
}

describe('the report in Russian and Kazakh, in headless Chromium', () => {
  for (const lang of ['ru', 'kk'] as const) {
    it.skipIf(!HAVE_CHROMIUM)(named(`${lang}: one run on a 360 px phone and on paper: nothing wider than the page, no clipped legend, no word broken`), async () => {
      // The network lab's censoring ISP, re-analysed: every reason and finding in the reader's language, as a real run has them.
      const { page, requests, url } = await open(renderRunHtml(await analysedRun('lab-censoring-isp'), { now: NOW, lang }), `run-${lang}.html`, SMALL_PHONE);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      for (const summary of await page.locator('details > summary').all()) if (!(await summary.evaluate((el) => (el as unknown as { parentElement: { open: boolean } }).parentElement.open))) await summary.click();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await tableOverflow(page)).toEqual([]);
      expect(await clippedLegend(page)).toEqual([]);
      expect(await brokenTokens(page)).toEqual([]);
      await page.locator('#summary').scrollIntoViewIfNeeded();
      const phone = await shot(page, `report-${lang}-phone.png`, { fullPage: false });
      if (process.env.TEKSER_UPDATE_SCREENSHOT) copyFileSync(phone, join(REPO_ROOT, `test/report-${lang}-phone.png`));
      await shot(page, `report-${lang}-findings-phone.png`, { selector: '#findings' });
      // on paper: the width of A4, print styles
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize(PRINT);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await clippedLegend(page)).toEqual([]);
      expect(await brokenTokens(page)).toEqual([]);
      const pdf = await page.pdf({ format: 'A4', path: join(ARTIFACTS, `report-${lang}.pdf`) });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      expect(requests).toEqual([url]);
      await page.close();
    }, BROWSER_TIMEOUT);

    it.skipIf(!HAVE_CHROMIUM)(named(`${lang}: the timeline on a 360 px phone and on paper: the page does not scroll sideways, the legend is whole`), async () => {
      const { page, requests, url } = await open(renderTimelineHtml(historyRuns(), { now: NOW, lang }), `timeline-${lang}.html`, SMALL_PHONE);
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await clippedLegend(page)).toEqual([]);
      expect(await brokenTokens(page)).toEqual([]);
      const wide = await open(renderTimelineHtml(historyRuns(), { now: NOW, lang }), `timeline-${lang}-wide.html`, { width: 1440, height: 900 });
      const path = await shot(wide.page, `report-${lang}-timeline.png`, { selector: '#timeline' });
      if (process.env.TEKSER_UPDATE_SCREENSHOT) copyFileSync(path, join(REPO_ROOT, `test/report-${lang}-timeline.png`));
      await wide.page.close();
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize(PRINT);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await clippedLegend(page)).toEqual([]);
      const pdf = await page.pdf({ format: 'A4', path: join(ARTIFACTS, `report-${lang}-timeline.pdf`) });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      expect(requests).toEqual([url]);
      await page.close();
    }, BROWSER_TIMEOUT);
  }
});
