import { isIP } from 'node:net';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import type { DnsObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import { isBogon } from '../net/addresses.ts';
import { matchDnsBlockAnswer } from './blockpage.ts';
import { certFailureOf } from './certificate.ts';
import { probeFailure } from '../data/probe-failures.ts';
import { msg, render } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';
import { whyOf } from './control.ts';

const NOT_IDENTITY = new Set(['expired', 'not_yet_valid', 'weak_or_unsupported_protocol']);
import type { DnsConsistency } from '../model/verdict.ts';

export interface DnsAnalysis {
  consistency: DnsConsistency;
  /** Why, in words; empty when consistent, unless it rests on AS numbers or the probe's own judgement. */
  explanation: string;
  /** The same as a catalogue message (null when there is nothing to say). */
  explanationMessage: Message | null;
  /** The AS of each address, where the measurement says (OONI's answers, the helper's ip_info). */
  asnOf: Record<string, number>;
  /** The ASes of the control's answers that are known. */
  controlAsns: number[];
  /** Both sides' ASes are known and none is shared (the answers point into another network). */
  asnDiffers: boolean;
  /** Consistent only because an answer completed a TLS handshake for the name (no shared address or AS). */
  byTlsOnly: boolean;
  localAddresses: string[];
  controlAddresses: string[];
  /** The control resolver gave a definite answer (addresses, NXDOMAIN or empty). */
  controlAnswered: boolean;
  localFailure: string | null;
  controlFailure: string | null;
  /** Late duplicate UDP replies that differed from the accepted one: the signature of injection. */
  injectedReplies: string[];
}

const addrs = (obs: readonly DnsObservation[]): string[] => [...new Set(obs.flatMap((o) => o.answers.filter((a) => a.type !== 'CNAME').map((a) => a.value)))];
/** An empty AAAA answer is normal (no IPv6), so the A query's failure speaks for the lookup. */
const failureOf = (obs: readonly DnsObservation[]): string | null =>
  obs.find((o) => o.queryType !== 'AAAA' && o.failure)?.failure ?? obs.find((o) => o.failure && o.failure !== FAILURES.noAnswer)?.failure ?? obs[0]?.failure ?? null;

/** Each address's AS, from the answers that carry one and from the helper's ip_info. */
function asnMap(m: WebMeasurement): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of [...m.dns.local, ...m.dns.control]) for (const a of o.answers) if (a.asn) out[a.value] ??= a.asn;
  for (const [ip, info] of Object.entries(m.helper?.response?.ip_info ?? {})) if (info.asn > 0) out[ip] ??= info.asn;
  return out;
}

/**
 * A measurement that recorded no lookup (an OONI one that lacks `queries`) still resolved the name
 * when it connected: the addresses it reached (TCP, TLS or a response) on the target's port are its answers.
 */
function connectedAddresses(m: WebMeasurement): string[] {
  const ok = [...m.tcp.filter((t) => t.failure === null), ...m.tls.filter((t) => t.failure === null), ...m.http.filter((h) => h.status !== null && h.ip)];
  return [...new Set(ok.filter((x) => x.port === m.port).map((x) => x.ip))];
}

type DnsBase = Omit<DnsAnalysis, 'consistency' | 'explanation' | 'explanationMessage'>;
type Result = (consistency: DnsConsistency, explanation?: Message) => DnsAnalysis;
const ips = (xs: readonly string[]): string => xs.join(', ');

/** What the decision reads: both sides' addresses and ASes, the failures, injected replies. */
function dnsBase(m: WebMeasurement): { base: DnsBase; unrecorded: boolean; localAsns: number[] } {
  // An address in the URL needs no DNS: it is its own answer, on both sides.
  const literal = isIP(m.hostname) !== 0;
  const unrecorded = !literal && m.dns.local.length === 0;
  const localAddresses = literal ? [m.hostname] : unrecorded ? connectedAddresses(m) : addrs(m.dns.local);
  const controlAddresses = literal ? [m.hostname] : addrs(m.dns.control);
  const controlAnswered = literal || m.dns.control.some(isDefiniteAnswer);
  const asnOf = asnMap(m);
  const asnsOf = (ips: readonly string[]): number[] => [...new Set(ips.map((ip) => asnOf[ip]).filter((a): a is number => a !== undefined))];
  const localAsns = asnsOf(localAddresses);
  const controlAsns = asnsOf(controlAddresses);
  const base: DnsBase = {
    byTlsOnly: false,
    asnOf,
    controlAsns,
    asnDiffers: localAsns.length > 0 && controlAsns.length > 0 && !localAsns.some((a) => controlAsns.includes(a)),
    localAddresses,
    controlAddresses,
    controlAnswered,
    localFailure: localAddresses.length ? null : failureOf(m.dns.local),
    controlFailure: controlAnswered ? null : failureOf(m.dns.control),
    injectedReplies: m.dns.local.flatMap((o) =>
      (o.lateAnswers ?? [])
        .map((late) => late.map((a) => a.value).join(' '))
        .filter((late) => late !== o.answers.map((a) => a.value).join(' ')),
    ),
  };
  return { base, unrecorded, localAsns };
}

/**
 * DNS consistency as Web Connectivity decides it, with the AS numbers a measurement carries
 * (OONI's answers, the helper's ip_info) and no ASN database: answers are consistent when they share
 * an address or an AS with the control, or when an address proves itself with a TLS handshake valid
 * for the name (a CDN giving us another edge); without AS numbers, the probe's own dns_consistency is
 * evidence.
 */
export function analyzeDns(m: WebMeasurement): DnsAnalysis {
  const { base, unrecorded, localAsns } = dnsBase(m);
  const { localAddresses, controlAddresses, controlAnswered, controlAsns } = base;
  const result: Result = (consistency, explanation) => ({ ...base, consistency, explanation: explanation ? render('en', explanation) : '', explanationMessage: explanation ?? null });

  if (isIP(m.hostname)) return result('consistent');
  if (unrecorded && localAddresses.length === 0) return result('unknown', msg('web.dns.unrecorded', { host: m.hostname }));
  if (base.injectedReplies.length) {
    return result('inconsistent', msg('web.dns.injected', { first: ips(localAddresses) || String(base.localFailure), then: base.injectedReplies[0] ?? '' }));
  }
  const validated = localAddresses.filter((ip) => m.tls.some((t) => t.ip === ip && t.serverName === m.hostname && t.failure === null));

  if (localAddresses.length === 0) return noLocalAnswer(base, result);
  if (localAddresses.some((ip) => controlAddresses.includes(ip))) return result('consistent');
  if (validated.length > 0 && !base.asnDiffers) return result('consistent');
  // Valid TLS at an address in another AS: the name's server or a proxy passing TLS through; its plain-HTTP page still speaks (rule dns).
  if (validated.length > 0) return { ...result('consistent'), byTlsOnly: true };
  // OONI's rule: an answer in the same AS as the control's is the same operator's (a CDN gives each place its own edge).
  const sharedAs = localAsns.filter((a) => controlAsns.includes(a));
  if (sharedAs.length > 0 && !localAddresses.some(isBogon)) return result('consistent', msg('web.dns.same-as', { asns: `AS${sharedAs.join(', AS')}` }));
  if (!controlAnswered) return result('unknown');
  if (controlAddresses.length === 0) return result('inconsistent', msg('web.dns.nxdomain-there', { local: ips(localAddresses) }));
  const known = localAddresses.map(matchDnsBlockAnswer).find((x) => x !== null);
  if (known) {
    const params = { local: ips(localAddresses), fingerprint: known.fingerprint, control: ips(controlAddresses) };
    return result('inconsistent', known.countries.length ? msg('web.dns.censor-answer.seen', { ...params, countries: known.countries.join(', ') }) : msg('web.dns.censor-answer', params));
  }
  const bogons = localAddresses.filter(isBogon);
  if (bogons.length === localAddresses.length) return result('inconsistent', msg('web.dns.bogons', { local: ips(localAddresses), control: ips(controlAddresses) }));
  // A server that cannot prove it is the site (wrong name, untrusted or missing issuer); an expired or
  // not-yet-valid certificate says more about that server's upkeep (or this clock) than about the address.
  const badCert = m.tls.filter((t) => localAddresses.includes(t.ip) && t.serverName === m.hostname && isCertificateFailure(t.failure) && !NOT_IDENTITY.has(certFailureOf(t) ?? 'other'));
  if (badCert.length > 0) {
    return result('inconsistent', msg('web.dns.bad-certificate', { local: ips(localAddresses), host: m.hostname, failure: String(badCert[0]?.failure), control: ips(controlAddresses) }));
  }
  return undecidedDns(m, base, result, localAsns);
}

/** Our resolver gave no address: the control decides, unless the lookup failed by the probe's own doing. */
function noLocalAnswer(base: DnsBase, result: Result): DnsAnalysis {
  if (!base.controlAnswered) return result('unknown');
  const own = probeFailure(base.localFailure);
  if (own) return result('unknown', msg('web.dns.probe-own', { failure: String(base.localFailure), why: whyOf(own) }));
  if (base.controlAddresses.length === 0) return result('consistent'); // both say the name does not exist
  return result('inconsistent', msg('web.dns.failed-here', { said: base.localFailure ?? msg('web.dns.nothing'), control: ips(base.controlAddresses) }));
}

/** Answers that differ and could not be validated: another AS when both are known; the probe's own judgement when neither is. */
function undecidedDns(m: WebMeasurement, base: DnsBase, result: Result, localAsns: readonly number[]): DnsAnalysis {
  const { localAddresses: local, controlAddresses: control, controlAsns } = base;
  const withAs = (xs: readonly string[]): string => xs.map((ip) => (base.asnOf[ip] ? `${ip} (AS${base.asnOf[ip]})` : ip)).join(', ');
  if (base.asnDiffers) return result('unknown', msg('web.dns.other-network', { local: withAs(local), control: withAs(control) }));
  const probeSays = localAsns.length === 0 && controlAsns.length === 0 ? m.probeDnsConsistency : null;
  if (probeSays === 'consistent') return result('consistent', msg('web.dns.probe-consistent', { local: ips(local), control: ips(control) }));
  if (probeSays === 'inconsistent') return result('inconsistent', msg('web.dns.probe-inconsistent', { local: ips(local), control: ips(control) }));
  return result('unknown', msg('web.dns.differ', { local: ips(local), control: ips(control) }));
}
