import { msg } from '../../i18n/index.ts';
import { detailWords, notTried, verdict, wayTitle, type WayRule } from './context.ts';

/** 1. Nothing was dialled (a private address refused, the run interrupted): nothing to say about the network. */
export const notTriedRule: WayRule = {
  id: 'not-tried',
  description: 'Every probe of the way was refused before dialling (a private or local address) or interrupted → inconclusive.',
  apply: (way) => {
    if (!way.probes.every(notTried)) return null;
    const first = way.probes[0];
    return verdict(way, 'not-tried', 'inconclusive', msg('ways.not-tried', { title: wayTitle(way), why: detailWords(first?.detail, first?.failure ?? msg('ways.detail.no-probe')) }));
  },
};
