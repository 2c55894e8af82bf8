import type { WebRule } from './context.ts';
import { describeControlInterception } from '../control.ts';

/** 11. Nothing decided: a redirect chain that did not end in a page, or nothing fetched. Always applies. */
export const inconclusiveRule: WebRule = {
  id: 'inconclusive',
  description: 'No rule decided: a redirect chain that ended without a page, or nothing fetched and no step failed clearly → inconclusive.',
  apply: (ctx) => {
    const { final, m } = ctx;
    const control = ctx.controlIntercepted ? `; the control resolver's own TLS is intercepted ${describeControlInterception(ctx.controlIntercepted)}, so control evidence is untrustworthy` : '';
    if (final?.refusedRedirect) {
      return ctx.verdict('inconclusive', null, `The site redirected to ${final.refusedRedirect.url}, which tekser refused to follow: ${final.refusedRedirect.ip} is a local, private or reserved address this probe never dials on a site's say-so${control}`);
    }
    if (final && final.status !== null && final.status >= 300 && final.status < 400) {
      const failed = m.redirectDns.find((d) => d.failure !== null && d.answers.length === 0 && (d.queryType === 'A' || d.queryType === 'ANY'));
      if (failed) {
        return ctx.verdict('inconclusive', null, `The site redirects to ${failed.hostname}, which your resolver could not resolve (${failed.failure}); with no control lookup of that name, tekser cannot tell DNS blocking from a name that is gone${control}`);
      }
      return ctx.verdict('inconclusive', null, `The redirect chain from ${m.target.url} did not end in a page (${m.http.length} hop(s), last ${final.status})${control}`);
    }
    return ctx.verdict('inconclusive', null, `Nothing could be fetched and no step failed clearly${control}`);
  },
};
