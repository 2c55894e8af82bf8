import { hostOf, type FindingRule } from './context.ts';

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
    return [
      {
        kind: 'sni-filtering',
        title: `SNI filtering proven for ${sni.length} site(s): their addresses accept a handshake for a harmless name but not for theirs: ${sni.map(hostOf).join(', ')}`,
        details: neutral.length ? [`the filter follows the name: ${neutral.map(hostOf).join(', ')} also fail(s) on a neutral server`] : [],
        targets: sni.map((r) => r.url),
      },
    ];
  },
};
