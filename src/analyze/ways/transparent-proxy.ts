import { msg } from '../../i18n/index.ts';
import { answered, verdict, wayTitle, type WayRule } from './context.ts';

/**
 * 5. Something on this network answers connections itself (seen on a Tor relay's address: a TLS
 * handshake completed without a relay's certificate). Then a port that accepts a TCP connection
 * proves nothing: a way whose only answers are plain TCP connections is inconclusive, with that
 * evidence. Protocol answers (an echo, STUN, a ServerHello from the expected server) still count.
 */
export const transparentProxyRule: WayRule = {
  id: 'transparent-proxy',
  description: 'A relay address answered TLS without a relay certificate (a transparent proxy): ways whose only answers are TCP connections → inconclusive.',
  apply: (way, run) => {
    if (!run.transparentProxy) return null;
    const ok = way.probes.filter(answered);
    if (ok.length === 0 || ok.some((p) => p.check !== 'tcp')) return null;
    return verdict(way, 'transparent-proxy', 'inconclusive', msg('ways.transparent-proxy', { title: wayTitle(way), evidence: run.transparentProxyMessage ?? run.transparentProxy }));
  },
};
