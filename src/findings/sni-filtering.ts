import { msg } from '../i18n/index.ts';
import { hostOf, type FindingRule } from './context.ts';
import { said } from './words.ts';

/** Evidence required: the SNI proof on the same address (a harmless name, or none, completes the handshake the target's name fails). */
export const SNI_FILTERING_EVIDENCE =
  "The SNI proof: on the same address, a handshake with a harmless name (or none) completes where the target's name fails (verdict sniProof 'proven'). With --sni-probe-host, the target's name failing on a neutral server too shows the filter follows the name.";

/** 5. SNI filtering, proven by the harmless-SNI retry on the same address. */
export const sniFilteringFinding: FindingRule = {
  kind: 'sni-filtering',
  evidence: SNI_FILTERING_EVIDENCE,
  blindSpots:
    'OONI measurements carry no harmless-SNI retry, so SNI filtering there is never "proven" (the verdict rests on the test helper); a filter that also drops the harmless name on that address (IP-and-SNI) is not proven; ECH/ESNI is not tried.',
  find: (ctx) => {
    const sni = ctx.records.filter((r) => r.verdict.sniProof === 'proven');
    if (!sni.length) return [];
    const neutral = sni.filter((r) => r.sniFollowsName);
    const title = msg('finding.sni-filtering.title', { count: sni.length, hosts: sni.map(hostOf).join(', ') });
    const details = neutral.length ? [msg('finding.sni-filtering.follows-name', { count: neutral.length, hosts: neutral.map(hostOf).join(', ') })] : [];
    return [said('sni-filtering', title, details, sni.map((r) => r.url))];
  },
};
