import type { TlsProbe, WayProbe } from '../../model/check.ts';
import { msg } from '../../i18n/index.ts';
import { answered, verdict, wayTitle, type WayRule } from './context.ts';

/** The SNI a probe sent, when it made a TLS handshake with one. */
function sniOf(p: WayProbe): string | null {
  return (p.check === 'tls' || p.check === 'rendezvous') && p.serverName ? p.serverName : null;
}

/**
 * 4. A TLS step (a rendezvous front, a TLS endpoint) whose handshake failed at an address where a
 * handshake with another name (a `tls` probe, variant control) completed: blocked by SNI, proven as
 * the web verdict's SNI proof is (same address and port, only the name differs). Blind spot: a
 * filter on the address and name together looks the same; without the control probe, nothing is said.
 */
export const sniFrontRule: WayRule = {
  id: 'sni-front',
  description: "The way's handshake fails where a handshake with another name to the same address and port completes → blocked by SNI.",
  apply: (way) => {
    const controls = way.probes.filter((p): p is TlsProbe => p.check === 'tls' && p.variant === 'control' && answered(p));
    const failed = way.probes.find((p) => {
      const sni = sniOf(p);
      const noHandshake = 'tlsVersion' in p && p.tlsVersion === null;
      return sni !== null && !('variant' in p && p.variant === 'control') && !answered(p) && noHandshake && controls.some((c) => c.endpoint === p.endpoint && c.ip === p.ip && c.serverName !== sni);
    });
    if (!failed) return null;
    const control = controls.find((c) => c.endpoint === failed.endpoint && c.ip === failed.ip);
    const reason = msg('ways.sni.blocked', { title: wayTitle(way), sni: String(sniOf(failed)), failure: String(failed.failure), control: control?.serverName ?? msg('ways.sni.another-name') });
    return verdict(way, 'sni-front', 'blocked', reason, msg('ways.how.sni'));
  },
};
