import type { EchoProbe, WayProbe } from '../../model/check.ts';
import { msg } from '../../i18n/index.ts';
import { answered, notTried, portName, verdict, wayTitle, type WayRule } from './context.ts';

const SHAPES: Readonly<Record<string, string>> = { wireguard: 'WireGuard', openvpn: 'OpenVPN' };

function pairs(probes: readonly WayProbe[]): Array<{ shaped: EchoProbe; random: EchoProbe }> {
  const echoes = probes.filter((p): p is EchoProbe => p.check === 'echo');
  const out: Array<{ shaped: EchoProbe; random: EchoProbe }> = [];
  for (const shaped of echoes.filter((p) => SHAPES[p.variant])) {
    const random = echoes.find((p) => p.variant === 'random' && p.port === shaped.port && p.transport === shaped.transport && p.endpoint === shaped.endpoint);
    if (random) out.push({ shaped, random });
  }
  return out;
}

/**
 * 2. A protocol's shape and random bytes of the same size, sent to the helper's echo on the same port:
 * only the shaped one lost → blocked by its packet signature (proven: the port, the size and the
 * moment carried the random twin). Both back → works. Both lost → the port, not the protocol, fails
 * (unreachable). Blind spot: a filter that lets the first packet through and cuts the flow later.
 */
export const signaturePairRule: WayRule = {
  id: 'signature-pair',
  description: "Shaped packet and a random twin of the same size to the helper's echo: only the shaped one lost → blocked by signature; both echoed → works; both lost → unreachable.",
  apply: (way) => {
    const found = pairs(way.probes).filter(({ shaped, random }) => !notTried(shaped) && !notTried(random));
    if (found.length === 0) return null;
    const proven = found.find(({ shaped, random }) => !answered(shaped) && answered(random));
    const title = wayTitle(way);
    if (proven) {
      const name = SHAPES[proven.shaped.variant] ?? proven.shaped.variant;
      return verdict(way, 'signature-pair', 'blocked', msg('ways.signature.blocked', { title, name, port: portName(proven.shaped) }), msg('ways.how.signature'));
    }
    if (found.some(({ shaped }) => answered(shaped))) return verdict(way, 'signature-pair', 'works', msg('ways.signature.works', { title }));
    return verdict(way, 'signature-pair', 'unreachable', msg('ways.signature.unreachable', { title, port: portName(found[0]!.shaped) }));
  },
};
