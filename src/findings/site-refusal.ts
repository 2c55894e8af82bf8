import type { FindingRule } from './context.ts';

/** Evidence required: targets whose verdict is `refused by site` (the site's own refusal over HTTPS with a certificate valid for it). */
export const SITE_REFUSAL_EVIDENCE =
  "Targets whose verdict is 'refused by site': a 451, a geo-block or a CDN bot challenge (src/data/site-refusals.json) served over HTTPS with a certificate valid for the site, so the network could not have written it.";

const KIND_WORDS: Record<string, string> = { 'geo-blocking': 'geo-blocking', 'bot-challenge': 'bot challenges', 'login-wall': 'login walls' };

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
    const groups = [...byKind].map(([kind, hosts]) => `${KIND_WORDS[kind] ?? kind}: ${hosts.join(', ')}`);
    const n = refused.length;
    return [
      {
        kind: 'site-refusal',
        title: `${n} site${n === 1 ? '' : 's'} refuse${n === 1 ? 's' : ''} visitors from this network themselves (${groups.join('; ')}): not censorship, and not access either`,
        details: [...new Set(refused.map((r) => r.verdict.reason))].slice(0, 3),
        targets: refused.map((r) => r.label),
      },
    ];
  },
};
