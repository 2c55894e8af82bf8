import type { EchProbe } from '../../model/check.ts';
import { msg } from '../../i18n/index.ts';
import { answered, notTried, verdict, wayTitle, type WayRule } from './context.ts';

/**
 * 3. ECH (as OONI's echcheck): the same server, the same outer name, a ClientHello with a GREASE ECH
 * extension and one without. Only the ECH one fails → blocked ("ClientHellos with ECH are dropped").
 * Both answer → works. The one without ECH fails too → the server is not reachable at all: unreachable,
 * nothing said about ECH. Blind spot: a filter keyed on the name and ECH together (Russia's is on
 * cloudflare-ech.com) is seen only with that outer name; the list sends both OONI's names.
 */
export const echPairRule: WayRule = {
  id: 'ech-pair',
  description: 'ClientHello with GREASE ECH vs without, same server and outer name: only the ECH one fails → blocked; both answer → works; the control fails → unreachable.',
  apply: (way) => {
    const probes = way.probes.filter((p): p is EchProbe => p.check === 'ech' && !notTried(p));
    const controls = probes.filter((p) => p.variant === 'control');
    const echs = probes.filter((p) => p.variant === 'grease_ech');
    if (controls.length === 0 || echs.length === 0) return null;
    const controlOk = controls.some(answered);
    const lost = echs.filter((p) => !answered(p));
    const title = wayTitle(way);
    if (controlOk && lost.length > 0) {
      const names = [...new Set(lost.map((p) => p.serverName))].join(', ');
      const failures = [...new Set(lost.map((p) => p.failure))].join(', ');
      return verdict(way, 'ech-pair', 'blocked', msg('ways.ech.dropped', { title, names, failures }), msg('ways.how.ech'));
    }
    if (controlOk) return verdict(way, 'ech-pair', 'works', msg('ways.ech.works', { title }));
    return verdict(way, 'ech-pair', 'unreachable', msg('ways.ech.unreachable', { title, failure: String(controls[0]?.failure) }));
  },
};
