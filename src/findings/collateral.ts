import { isIP } from 'node:net';
import { msg } from '../i18n/index.ts';
import type { FindingRecord } from '../model/finding.ts';
import type { Message } from '../model/message.ts';
import { hostOf, type FindingRule } from './context.ts';
import { NO_ANSWER, said } from './words.ts';

export const COLLATERAL = {
  /** At least this many tested sites share the unreachable address. */
  minSites: 2,
} as const;

/** Evidence required: two or more sites whose connections fail on one shared address that no connection in the run reached. Confirmed only when the control helper connects to it. */
export const COLLATERAL_EVIDENCE =
  'At least 2 tested sites (not down for the control helper) whose connections fail on one shared address that no connection in this run reached. Confirmed (a block) when the control helper connected to it for at least one of them (their verdict is blocked tcp_ip); otherwise reported as unconfirmed, with the working addresses in the same /24 and elsewhere as context.';

const prefix24 = (ip: string): string | null => (isIP(ip) === 4 ? ip.split('.').slice(0, 3).join('.') : null);

function helperNote(rs: readonly FindingRecord[]): Message {
  const failed = rs.find((r) => r.helper.status === 'failed');
  if (failed) return msg('finding.collateral.unconfirmed.helper-failed', { helper: failed.helper.url ?? '', failure: failed.helper.failure ?? NO_ANSWER });
  return msg('finding.collateral.unconfirmed.no-helper');
}

/** Where else addresses work: in the same /24 (the block is on this host), elsewhere, or nowhere. */
function compared(p: string | null, neighbours: readonly string[], elsewhere: readonly string[], confirmed: boolean): Message[] {
  const what = confirmed ? 'block' : 'failure';
  return [
    neighbours.length
      ? msg(`finding.collateral.neighbours-work.${what}`, { prefix: `${p}.0/24`, addresses: neighbours.slice(0, 3).join(', ') })
      : msg(`finding.collateral.no-neighbours.${what}`, { prefix: p ? `${p}.0/24` : msg('finding.collateral.its-prefix') }),
    elsewhere.length ? msg('finding.collateral.elsewhere-work', { count: elsewhere.length }) : msg('finding.collateral.nothing-elsewhere'),
    msg('finding.collateral.shared-address', { examples: 'Tilda 2019, WordPress.com 2011' }),
  ];
}

/** 4. IP blocking with collateral damage: sites grouped by the unreachable address they share. */
export const collateralFinding: FindingRule = {
  kind: 'collateral',
  evidence: COLLATERAL_EVIDENCE,
  blindSpots:
    'Without a helper one vantage point cannot tell an IP block from a hosting outage (hence "unconfirmed"); sites behind a CDN with many addresses rarely share one that fails; a block of a whole prefix shows as several addresses, each grouped apart.',
  find: (ctx) => {
    if (ctx.found.some((f) => f.kind === 'no-connectivity')) return [];
    const web = ctx.records.filter((r) => r.kind === 'web');
    const reachable = new Set(web.flatMap((r) => r.tcpOk));
    const byIp = new Map<string, FindingRecord[]>();
    for (const r of web) {
      // DNS tampering: the failing address was the censor's, not the site's.
      if (r.verdict.status === 'accessible' || r.verdict.status === 'down' || r.verdict.method === 'dns') continue;
      for (const ip of new Set(r.tcpFailed.map((t) => t.ip))) if (!reachable.has(ip)) byIp.set(ip, [...(byIp.get(ip) ?? []), r]);
    }
    const out = [];
    for (const [ip, rs] of [...byIp].sort((a, b) => b[1].length - a[1].length)) {
      if (rs.length < COLLATERAL.minSites) continue;
      const confirmed = rs.some((r) => r.verdict.method === 'tcp_ip');
      const p = prefix24(ip);
      const neighbours = p ? [...reachable].filter((x) => prefix24(x) === p) : [];
      const elsewhere = [...reachable].filter((x) => !neighbours.includes(x));
      const failure = [...new Set(rs.flatMap((r) => r.tcpFailed.filter((t) => t.ip === ip).map((t) => t.failure)))].join(', ');
      const sites = { ip, failure, count: rs.length, hosts: rs.map(hostOf).join(', ') };
      const title = confirmed ? msg('finding.collateral.title.confirmed', sites) : msg('finding.collateral.title.unconfirmed', { ...sites, note: helperNote(rs) });
      out.push(said('collateral', title, compared(p, neighbours, elsewhere, confirmed), rs.map((r) => r.url)));
    }
    return out;
  },
};
