import { msg } from '../../i18n/index.ts';
import { undecided, type WebRule } from './context.ts';
import { tcpFailures, whereConnected } from './down.ts';
import { helperTcp } from './helper.ts';

/**
 * 7. Every connection to the site's addresses failed: IP blocking only when the control helper
 * connects to the same endpoints; without that evidence, inconclusive with the reason (no helper,
 * a helper that failed, or an intercepted control). IPv6 "no route" alone is no evidence at all.
 */
export const tcpIpRule: WebRule = {
  id: 'tcp-ip',
  description:
    'Every TCP connection to the site\'s addresses failed: the control helper connects → blocked (tcp_ip); no helper evidence → inconclusive. Only IPv6 failing on a network without IPv6 → inconclusive.',
  apply: (ctx) => {
    const { m, tcp } = ctx;
    if (tcp.length === 0 && m.tcp.length > 0) return ctx.verdict('inconclusive', null, msg('web.tcp-ip.no-ipv6'));
    if (ctx.failedStep !== 'tcp') return null;
    const params = { where: whereConnected(ctx), failures: tcpFailures(ctx) };
    if (helperTcp(ctx).some((x) => x.status)) return ctx.verdict('blocked', 'tcp_ip', msg('web.tcp-ip.blocked', params));
    return ctx.verdict('inconclusive', null, msg('web.tcp-ip.undecided', { ...params, undecided: undecided(ctx, msg('web.question.ip')) }));
  },
};
