/**
 * `tekser report`: one self-contained HTML page (inline CSS and SVG, a CSP that forbids every
 * fetch), for one run or a timeline of several. Never the prober's public IP, page bodies (unless
 * asked) or URL credentials. Every word comes from the catalogue (`html.*` in src/i18n/<lang>.json),
 * in the language asked for (`lang`, default the one the CLI chose); the legend reads src/i18n/glossary.json.
 *
 * The pages are written with the `html` tagged template (html/safe.ts): every value is escaped
 * (and loses any URL credentials) unless it is already safe HTML. The parts:
 *   html/safe.ts           the template, `raw` for trusted constants, the SafeHtml brand
 *   html/page.ts           the shell (CSP, CSS), header lines and the words both pages share
 *   html/run-page.ts       one run: summary, findings (html/finding.ts), targets (html/target.ts)
 *   html/chains.ts         certificate chains and interception fingerprints
 *   html/timeline-page.ts  several runs: the timeline and the table of runs
 */
export { SYMBOL, type HtmlOptions } from './html/page.ts';
export { renderRunHtml } from './html/run-page.ts';
export { renderTimelineHtml } from './html/timeline-page.ts';
