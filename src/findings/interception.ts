import type { FindingRecord } from '../model/finding.ts';
import { hostOf, type FindingRule } from './context.ts';

/** Evidence required: verdicts of method mitm — a known interception CA in a chain (named), or an untrusted root / a chain the control helper sees valid (suspected). */
export const INTERCEPTION_EVIDENCE =
  'Targets (sites and services) whose verdict is blocked (mitm): a chain holding a CA of the interception table (named, state-mitm), or a chain to an untrusted root / a bad chain where the control helper saw a valid one (suspected-mitm, with the issuer). Expired, wrong-name, incomplete or self-signed certificates alone never count.';

/** 6. TLS interception: known state CAs by name, anything else untrusted as suspected. */
export const interceptionFinding: FindingRule = {
  kind: 'state-mitm',
  evidence: INTERCEPTION_EVIDENCE,
  blindSpots:
    'An interceptor whose CA the user installed (or added with --ca-file) is trusted and invisible here (run `tekser certs`); an interceptor that sends no root (an incomplete chain) and is not in the table is only suspected with a control helper.',
  find: (ctx) => {
    const byCa = new Map<string, FindingRecord[]>();
    const suspected: FindingRecord[] = [];
    for (const r of ctx.records) {
      if (r.verdict.method !== 'mitm') continue;
      if (r.verdict.interceptionCa) byCa.set(r.verdict.interceptionCa.ca, [...(byCa.get(r.verdict.interceptionCa.ca) ?? []), r]);
      else suspected.push(r);
    }
    const out = [];
    for (const [ca, rs] of byCa) {
      const m = rs[0]?.verdict.interceptionCa;
      out.push({
        kind: 'state-mitm' as const,
        title: `TLS interception with a known state certificate: "${ca}" (${m?.country}) in the chains of ${rs.length} target(s): ${rs.map(hostOf).join(', ')}. Do not install this certificate; run \`tekser certs\` to check your system.`,
        details: [`matched by ${m?.matchedBy} at "${m?.certificate}"`],
        targets: rs.map((r) => r.url),
      });
    }
    if (suspected.length) {
      const issuers = [...new Set(suspected.map((r) => r.verdict.untrustedIssuer ?? 'unknown'))];
      out.push({
        kind: 'suspected-mitm' as const,
        title: `Suspected TLS interception: ${suspected.length} target(s) present certificates no public root trusts (issuer: ${issuers.join('; ')})`,
        details: suspected.map((r) => `${hostOf(r)}: ${r.verdict.reason}`),
        targets: suspected.map((r) => r.url),
      });
    }
    return out;
  },
};
