import { msg } from '../../i18n/index.ts';
import type { WebRule } from './context.ts';
import { controlInterceptionMessage } from '../control.ts';

/** 11. Nothing decided: a redirect chain that did not end in a page, or nothing fetched. Always applies. */
export const inconclusiveRule: WebRule = {
  id: 'inconclusive',
  description: 'No rule decided: a redirect chain that ended without a page, or nothing fetched and no step failed clearly → inconclusive.',
  apply: (ctx) => {
    const { final, m } = ctx;
    const control = ctx.controlIntercepted ? msg('web.inconclusive.control-intercepted', { how: controlInterceptionMessage(ctx.controlIntercepted) }) : '';
    if (final?.refusedRedirect) {
      return ctx.verdict('inconclusive', null, msg('web.inconclusive.refused-redirect', { url: final.refusedRedirect.url, ip: String(final.refusedRedirect.ip), control }));
    }
    if (final && final.status !== null && final.status >= 300 && final.status < 400) {
      const failed = m.redirectDns.find((d) => d.failure !== null && d.answers.length === 0 && (d.queryType === 'A' || d.queryType === 'ANY'));
      if (failed) {
        return ctx.verdict('inconclusive', null, msg('web.inconclusive.redirect-unresolved', { host: failed.hostname, failure: String(failed.failure), control }));
      }
      return ctx.verdict('inconclusive', null, msg('web.inconclusive.redirect-chain', { url: m.target.url, count: m.http.length, status: final.status, control }));
    }
    return ctx.verdict('inconclusive', null, msg('web.inconclusive.nothing', { control }));
  },
};
