import { matchRefusal } from '../../data/site-refusals.ts';
import type { Verdict } from '../../model/verdict.ts';
import { compareWithControl } from '../http-compare.ts';
import type { WebContext, WebRule } from './context.ts';

function comparisonEvidence(ctx: WebContext): void {
  const { final, helper, notes } = ctx;
  const cmp = notes.httpComparison;
  if (!final || !helper || !cmp) return;
  const c = helper.http_request;
  ctx.evidence.push(
    `compared with the control's page: status ${final.status} vs ${c.status_code}, length ${final.bodyLength} vs ${c.body_length} (ratio ${cmp.bodyProportion?.toFixed(2) ?? 'n/a'}), headers ${cmp.headersMatch ? 'match' : 'differ'}, title ${cmp.titleMatch === null ? 'unknown (no body recorded)' : cmp.titleMatch ? 'matches' : 'differs'}`,
  );
}

/** Where the page came from, when that says it is the site's own: an address the control gives, or one in its AS. */
function siteAddress(ctx: WebContext, ip: string): string {
  if (ctx.dns.controlAddresses.includes(ip)) return `, from ${ip}, an address the control resolver also gives`;
  const asn = ctx.dns.asnOf[ip];
  return asn !== undefined && ctx.dns.controlAsns.includes(asn) ? `, from ${ip} in the site's own AS (AS${asn})` : '';
}

/**
 * The site's own refusal (src/data/site-refusals.json: a 451, a geo-block, a CDN bot challenge).
 * Over HTTPS with a certificate valid for the site the network cannot have written it: `refused by
 * site`, even when a control helper got the real page (its vantage is not the user's). Over plain
 * HTTP it could be injected: inconclusive, unless the control helper's page decides (later).
 */
function siteRefusal(ctx: WebContext): Verdict | null {
  const { final, m, helper } = ctx;
  const row = final ? matchRefusal(final) : null;
  if (!final || !row) return null;
  const what = `${row.kind}: ${final.status}${final.title ? ` "${final.title}"` : ''}; fingerprint ${row.id}`;
  if (final.tls) {
    return ctx.verdict('refused by site', null, `The site itself refuses visitors from this network (${what}), served over HTTPS with a certificate valid for ${m.hostname}${siteAddress(ctx, final.ip)}: the network could not have written this page; not blocking, and not access either`);
  }
  if (helper && helper.http_request.failure === null && helper.http_request.status_code > 0) return null;
  return ctx.verdict('inconclusive', null, `The page looks like the site's own refusal (${what}), but it came over plain HTTP, where the network could have injected it; a control helper would settle it`);
}

/**
 * 3. A page was loaded (the last hop answered, not a redirect): over HTTPS with a valid chain it is
 * the site's; over plain HTTP it is a known block page (http-diff), differs from the control
 * helper's page by OONI's rule (http-diff), carries only generic blocking words (inconclusive), or is
 * the site (accessible).
 */
export const pageLoadedRule: WebRule = {
  id: 'page-loaded',
  description:
    'The last hop returned a page: the site\'s own refusal (451, geo-block, bot challenge; src/data/site-refusals.json) over valid HTTPS → refused by site (over plain HTTP without a control page → inconclusive); HTTPS with a valid chain → accessible; plain HTTP with a known block page → blocked (http-diff); a page unlike the control helper\'s → blocked (http-diff); only generic blocking words → inconclusive; otherwise accessible.',
  apply: (ctx) => {
    const { final, blockpage, helper, m } = ctx;
    if (!final || final.failure !== null || final.status === null || (final.status >= 300 && final.status < 400)) return null;
    const refused = siteRefusal(ctx);
    if (refused) return refused;
    if (final.tls) return ctx.verdict('accessible', null, `Loaded over HTTPS with a valid certificate (${final.status}${final.title ? `, "${final.title}"` : ''})`);
    if (blockpage && !blockpage.generic) return ctx.verdict('blocked', 'http-diff', `Block page: the page served for ${m.hostname} is a known block page (${blockpage.fingerprint})`);
    if (helper && helper.http_request.failure === null && helper.http_request.status_code > 0) {
      ctx.notes.httpComparison = compareWithControl(final, helper.http_request);
      comparisonEvidence(ctx);
      if (ctx.notes.httpComparison.samePage === false) {
        const c = helper.http_request;
        return ctx.verdict('blocked', 'http-diff', `Page differs from what the control fetched (${final.status} here, ${c.status_code} there${final.title !== (c.title || null) ? `; title "${final.title ?? ''}" vs "${c.title}"` : ''}): likely a block page`);
      }
    }
    if (blockpage?.generic) return ctx.verdict('inconclusive', null, `The page contains generic blocking words (${blockpage.fingerprint}) but no control page to compare with`);
    return ctx.verdict('accessible', null, `Loaded over plain HTTP (${final.status}${final.title ? `, "${final.title}"` : ''})${ctx.notes.httpComparison?.samePage ? ', same page as the control' : ''}`);
  },
};
