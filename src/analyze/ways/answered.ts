import type { WayMeasurement, WayProbe } from '../../model/check.ts';
import type { Message } from '../../model/message.ts';
import { msg } from '../../i18n/index.ts';
import { answered, portName, verdict, wayTitle, type WayRule } from './context.ts';

/** What "it works" means for each check, in words (ways.works.<check>: "the port accepts connections", …). */
const works = (check: WayProbe['check']): Message => msg(`ways.works.${check}`);

function worksReason(way: WayMeasurement, ok: readonly WayProbe[]): Message {
  const first = ok[0]!;
  const title = wayTitle(way);
  if (way.kind === 'port') return msg('ways.port.reaches', { port: portName(first) });
  if (way.kind === 'tor_bridge') {
    return way.pluggableTransport ? msg('ways.bridge.reachable-port-only', { title, transport: way.pluggableTransport }) : msg('ways.bridge.reachable', { title });
  }
  if (way.kind === 'dns' && first.check === 'resolver') {
    const encrypted = first.resolver === 'dot' || first.resolver === 'doh';
    return msg(encrypted ? 'ways.dns.works-encrypted' : 'ways.dns.works-plain', { title });
  }
  if (way.probes.length > 1) return msg('ways.works-count', { title, how: works(first.check), ok: ok.length, total: way.probes.length });
  return msg('ways.works', { title, how: works(first.check) });
}

function isPairHalf(p: WayProbe): boolean {
  return 'variant' in p && (p.variant === 'control' || p.variant === 'random') && p.check !== 'ech';
}

/** 5. At least one probe got its protocol's own answer → works. The answer is the evidence. */
export const answeredRule: WayRule = {
  id: 'answered',
  description: "A probe got its protocol's own answer (STUN success, Version Negotiation, a ServerHello, a server reset, a DNS answer, a 200, an echo) → works.",
  apply: (way) => {
    // The control half of a pair (another SNI, a random twin) working says nothing of the way itself.
    const ok = way.probes.filter((p) => answered(p) && !isPairHalf(p));
    if (ok.length === 0) return null;
    return verdict(way, 'answered', 'works', worksReason(way, ok));
  },
};
