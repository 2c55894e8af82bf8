import { matchRefusal } from '../../data/site-refusals.ts';
import { hasMessage, msg } from '../../i18n/index.ts';
import type { Message, MessageParam } from '../../model/message.ts';
import type { Verdict } from '../../model/verdict.ts';
import { compareWithControl } from '../http-compare.ts';
import { matchInterceptionCa } from '../interception.ts';
import type { WebContext, WebRule } from './context.ts';

function comparisonEvidence(ctx: WebContext): void {
  const { final, helper, notes } = ctx;
  const cmp = notes.httpComparison;
  if (!final || !helper || !cmp) return;
  const c = helper.http_request;
  ctx.evidence.push(
    msg('web.ev.compared', {
      status: String(final.status),
      controlStatus: c.status_code,
      length: final.bodyLength,
      controlLength: c.body_length,
      ratio: cmp.bodyProportion?.toFixed(2) ?? 'n/a',
      headers: msg(cmp.headersMatch ? 'web.ev.compared.headers-match' : 'web.ev.compared.headers-differ'),
      title: msg(cmp.titleMatch === null ? 'web.ev.compared.title-unknown' : cmp.titleMatch ? 'web.ev.compared.title-matches' : 'web.ev.compared.title-differs'),
    }),
  );
}

/** Where the page came from, when that says it is the site's own: an address the control gives, or one in its AS. */
function siteAddress(ctx: WebContext, ip: string): MessageParam {
  if (ctx.dns.controlAddresses.includes(ip)) return msg('web.page.from-control-address', { ip });
  const asn = ctx.dns.asnOf[ip];
  return asn !== undefined && ctx.dns.controlAsns.includes(asn) ? msg('web.page.from-site-as', { ip, asn: `AS${asn}` }) : '';
}

/** The kind of refusal (src/data/site-refusals.json), in words: "geo-blocking", "bot-challenge". */
const refusalKind = (kind: string): MessageParam => (hasMessage(`web.refusal-kind.${kind}`) ? msg(`web.refusal-kind.${kind}`) : kind);

/** ` "Title"` after a status, or nothing: the page's own words, quoted as they are. */
const quotedTitle = (title: string | null | undefined): string => (title ? ` "${title}"` : '');

/**
 * The site's own refusal (src/data/site-refusals.json: a 451, a geo-block, a CDN bot challenge).
 * Over HTTPS with a certificate valid for the site the network cannot have written it: `refused by
 * site`, even when a control helper got the real page (its vantage is not the user's). Not when the
 * chain holds a known interception CA (it validated only because this machine trusts that CA), and not
 * over plain HTTP: it could be injected, inconclusive unless the control helper's page decides (later).
 * A login wall is said as one: the site asks every visitor to sign in.
 */
function siteRefusal(ctx: WebContext): Verdict | null {
  const { final, m, helper } = ctx;
  const row = final ? matchRefusal(final) : null;
  if (!final || !row) return null;
  const what: Message = msg('web.page.refusal', { kind: refusalKind(row.kind), status: String(final.status), title: quotedTitle(final.title), fingerprint: row.id });
  if (final.tls) {
    // A chain that holds a known interception CA validated only because this machine trusts that CA: the network could have written the page.
    const intercepted = matchInterceptionCa(final.tls.peerCertificates, ctx.knowledge.interceptionCas);
    if (intercepted) return ctx.verdict('inconclusive', null, msg('web.page.refusal-intercepted', { what, ca: intercepted.ca }));
    const key = row.kind === 'login-wall' ? 'web.page.login-wall' : 'web.page.refused-by-site';
    return ctx.verdict('refused by site', null, msg(key, { what, host: m.hostname, from: siteAddress(ctx, final.ip) }));
  }
  if (helper && helper.http_request.failure === null && helper.http_request.status_code > 0) return null;
  return ctx.verdict('inconclusive', null, msg('web.page.refusal-plain-http', { what }));
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
    const shown = { status: final.status, title: final.title ? `, "${final.title}"` : '' };
    if (final.tls) return ctx.verdict('accessible', null, msg('web.page.https', shown));
    if (blockpage && !blockpage.generic) return ctx.verdict('blocked', 'http-diff', msg('web.page.blockpage', { host: m.hostname, fingerprint: blockpage.fingerprint }));
    if (helper && helper.http_request.failure === null && helper.http_request.status_code > 0) {
      ctx.notes.httpComparison = compareWithControl(final, helper.http_request);
      comparisonEvidence(ctx);
      if (ctx.notes.httpComparison.samePage === false) {
        const c = helper.http_request;
        const params = { here: final.status, there: c.status_code };
        return ctx.verdict('blocked', 'http-diff', final.title !== (c.title || null) ? msg('web.page.differs.title', { ...params, title: final.title ?? '', controlTitle: c.title }) : msg('web.page.differs', params));
      }
    }
    if (blockpage?.generic) return ctx.verdict('inconclusive', null, msg('web.page.generic-words', { fingerprint: blockpage.fingerprint }));
    return ctx.verdict('accessible', null, msg(ctx.notes.httpComparison?.samePage ? 'web.page.http.same' : 'web.page.http', shown));
  },
};
