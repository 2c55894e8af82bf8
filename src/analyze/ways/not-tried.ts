import { notTried, verdict, type WayRule } from './context.ts';

/** 1. Nothing was dialled (a private address refused, the run interrupted): nothing to say about the network. */
export const notTriedRule: WayRule = {
  id: 'not-tried',
  description: 'Every probe of the way was refused before dialling (a private or local address) or interrupted → inconclusive.',
  apply: (way) => {
    if (!way.probes.every(notTried)) return null;
    return verdict(way, 'not-tried', 'inconclusive', `${way.title}: not tried (${way.probes[0]?.detail ?? way.probes[0]?.failure ?? 'no probe'})`);
  },
};
