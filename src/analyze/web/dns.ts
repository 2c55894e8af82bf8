import { msg } from '../../i18n/index.ts';
import type { Message } from '../../model/message.ts';
import { compareWithControl } from '../http-compare.ts';
import type { WebContext, WebRule } from './context.ts';

/** The AS of an address when the control's answers share it: a page from there came from the site's own network. */
const inControlAs = (ctx: WebContext, ip: string): boolean => {
  const asn = ctx.dns.asnOf[ip];
  return asn !== undefined && ctx.dns.controlAsns.includes(asn);
};

/**
 * Answers in another network than the control's (both ASes known) that served, over plain HTTP, a
 * page unlike the control helper's: the resolver sent the user elsewhere (OONI calls it dns).
 */
function otherNetworkPage(ctx: WebContext): Message | null {
  const { dns, final, helper } = ctx;
  if (!dns.asnDiffers || !final || final.failure !== null || final.status === null || final.tls || !dns.localAddresses.includes(final.ip)) return null;
  if (!helper || helper.http_request.failure !== null || helper.http_request.status_code <= 0) return null;
  const cmp = compareWithControl(final, helper.http_request);
  if (cmp.samePage !== false) return null;
  const why = dns.explanationMessage ?? msg('web.dns.other-network.short', { local: dns.localAddresses.join(', '), control: dns.controlAddresses.join(', ') });
  const params = { why, here: final.status, there: helper.http_request.status_code };
  return final.title ? msg('web.dns.other-page.title', { ...params, title: final.title }) : msg('web.dns.other-page', params);
}

/**
 * The page loaded only from an address the control gave (OONI's LTE also tries those), while every
 * attempt at the addresses our resolver gave failed: the answers were the block, not the site.
 */
function loadedOnlyFromControl(ctx: WebContext): Message | null {
  const { dns, final, m } = ctx;
  if (!final || final.failure !== null || final.status === null || dns.localAddresses.length === 0) return null;
  if (dns.localAddresses.includes(final.ip) || !dns.controlAddresses.includes(final.ip)) return null;
  const local = new Set(dns.localAddresses);
  const tries = [...m.tcp.filter((t) => local.has(t.ip)), ...m.tls.filter((t) => local.has(t.ip))];
  const failed = tries.filter((t) => t.failure !== null);
  if (tries.length === 0 || failed.length < tries.length) return null;
  return msg('web.dns.loaded-only-from-control', { local: dns.localAddresses.join(', '), failure: String(failed[0]?.failure), ip: final.ip });
}

/**
 * 2. DNS tampering overrides everything after it: whatever happened next happened at the wrong
 * address. Evidence: answers inconsistent with the control (injected duplicate, NXDOMAIN only here,
 * a known censor's answer, bogons, a server that cannot prove the name, the probe's own judgement
 * when no AS is known), answers in another AS that serve a page unlike the control's, answers that
 * all fail while the page loads only from an address the control gave, or, with no
 * control answer, an answer leading to a known (non-generic) block page at an address neither the
 * control gives nor in the control's AS (a block page from the site's own network is http-diff).
 */
export const dnsRule: WebRule = {
  id: 'dns',
  description:
    'Our resolver answered inconsistently with the control (injection, NXDOMAIN only here, a known censor answer, bogons), into another AS whose page differs from the control\'s, or led to a server serving a known block page outside the control\'s AS → blocked (dns).',
  apply: (ctx) => {
    const { dns, blockpage, final } = ctx;
    if (dns.consistency === 'inconsistent') {
      const why = dns.explanationMessage ?? '';
      return ctx.verdict('blocked', 'dns', blockpage ? msg('web.dns.tampering.blockpage', { why, fingerprint: blockpage.fingerprint }) : msg('web.dns.tampering', { why }));
    }
    const other = dns.consistency === 'unknown' ? (otherNetworkPage(ctx) ?? loadedOnlyFromControl(ctx)) : dns.byTlsOnly ? otherNetworkPage(ctx) : null;
    if (other) return ctx.verdict('blocked', 'dns', msg('web.dns.tampering', { why: other }));
    // A response that lacks its address (an OONI request without `address`) cannot show where it came from.
    if (dns.consistency === 'unknown' && blockpage && !blockpage.generic && final?.ip && !dns.controlAddresses.includes(final.ip) && !inControlAs(ctx, final.ip)) {
      const control = dns.controlAddresses.join(', ') || msg('web.dns.something-else');
      return ctx.verdict('blocked', 'dns', msg('web.dns.sent-to-blockpage', { ip: final.ip, fingerprint: blockpage.fingerprint, control }));
    }
    return null;
  },
};
