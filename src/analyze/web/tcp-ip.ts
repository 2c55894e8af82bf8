import { joinHostPort } from '../../net/endpoint.ts';
import { undecided, type WebRule } from './context.ts';
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
    if (tcp.length === 0 && m.tcp.length > 0) return ctx.verdict('inconclusive', null, 'Only IPv6 addresses failed, and this network has no IPv6: nothing to conclude');
    if (ctx.failedStep !== 'tcp') return null;
    const failures = [...new Set(tcp.map((t) => t.failure))].join(', ');
    const endpoints = [...new Set(tcp.map((t) => joinHostPort(t.ip, t.port)))];
    const where = `${endpoints.join(', ')}${tcp.length > endpoints.length ? ` (${tcp.length} attempts)` : ''}`;
    if (helperTcp(ctx).some((x) => x.status)) return ctx.verdict('blocked', 'tcp_ip', `IP blocking: connections to ${where} fail here (${failures}) but work from the control helper`);
    return ctx.verdict('inconclusive', null, `No connection to ${where} (${failures}); ${undecided(ctx, 'IP blocking from a site that is down')}`);
  },
};
