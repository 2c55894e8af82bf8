import { msg } from '../i18n/index.ts';
import type { Finding, FindingRecord } from '../model/finding.ts';
import { hostOf, type FindingRule } from './context.ts';
import { CERTS_COMMAND, joined, reasonOf, said } from './words.ts';

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
    const out = [...byCa].map(([ca, rs]) => knownCa(ca, rs));
    if (suspected.length) out.push(suspectedMitm(suspected));
    return out;
  },
};

/** Targets whose chains hold one known interception CA, named, with what to do about it. */
function knownCa(ca: string, rs: readonly FindingRecord[]): Finding {
  const m = rs[0]?.verdict.interceptionCa;
  const title = msg('finding.state-mitm.title', {
    ca,
    country: String(m?.country),
    count: rs.length,
    hosts: rs.map(hostOf).join(', '),
    advice: msg('finding.advice.do-not-install', { command: CERTS_COMMAND }),
  });
  const how = m ? msg(`finding.state-mitm.matched-by.${m.matchedBy}`) : 'undefined';
  return said('state-mitm', title, [msg('finding.state-mitm.matched', { how, certificate: String(m?.certificate) })], rs.map((r) => r.url));
}

/** Targets whose chains no public root trusts, with no known CA among them: suspected, by issuer. */
function suspectedMitm(rs: readonly FindingRecord[]): Finding {
  const issuers = [...new Set(rs.map((r) => r.verdict.untrustedIssuer ?? null))].map((i) => i ?? msg('finding.suspected-mitm.unknown-issuer'));
  const title = msg('finding.suspected-mitm.title', { count: rs.length, issuers: joined('semicolon', issuers) });
  const details = rs.map((r) => msg('finding.suspected-mitm.target', { host: hostOf(r), reason: reasonOf(r) }));
  return said('suspected-mitm', title, details, rs.map((r) => r.url));
}
