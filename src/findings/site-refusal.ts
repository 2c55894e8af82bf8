import { hasMessage, msg } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';
import type { FindingRule } from './context.ts';
import { joined, reasonLines, said } from './words.ts';

/** Evidence required: targets whose verdict is `refused by site` (the site's own refusal over HTTPS with a certificate valid for it). */
export const SITE_REFUSAL_EVIDENCE =
  "Targets whose verdict is 'refused by site': a 451, a geo-block or a CDN bot challenge (src/data/site-refusals.json) served over HTTPS with a certificate valid for the site, so the network could not have written it.";

/** One kind of refusal and its sites: "bot challenges: a.example, b.example"; a kind without words of its own is named as it is. */
function group(kind: string, hosts: readonly string[]): Message {
  const key = `finding.site-refusal.kind.${kind}`;
  return hasMessage(key) ? msg(key, { hosts: hosts.join(', ') }) : msg('finding.site-refusal.kind-as-is', { kind, hosts: hosts.join(', ') });
}

/** The sites that refuse this network's visitors themselves, grouped by kind: not censorship, and not access either. */
export const siteRefusalFinding: FindingRule = {
  kind: 'site-refusal',
  evidence: SITE_REFUSAL_EVIDENCE,
  blindSpots: 'A refusal page not in the table is not recognised; a site that refuses every visitor (not only this network) looks the same without a control helper.',
  find: (ctx) => {
    const refused = ctx.records.filter((r) => r.verdict.status === 'refused by site');
    if (refused.length === 0) return [];
    const byKind = new Map<string, string[]>();
    for (const r of refused) {
      const kind = r.refusal?.kind ?? 'other';
      byKind.set(kind, [...(byKind.get(kind) ?? []), r.hostname ?? r.label]);
    }
    const groups = joined('semicolon', [...byKind].map(([kind, hosts]) => group(kind, hosts)));
    const title = msg('finding.site-refusal.title', { count: refused.length, groups });
    return [said('site-refusal', title, reasonLines(refused, 3), refused.map((r) => r.label))];
  },
};
