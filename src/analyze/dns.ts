import { isIP } from 'node:net';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import type { DnsObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import { isBogon } from '../net/addresses.ts';
import { matchDnsBlockAnswer } from './blockpage.ts';
import { certFailureOf } from './certificate.ts';
import { probeFailure } from '../data/probe-failures.ts';

const NOT_IDENTITY = new Set(['expired', 'not_yet_valid', 'weak_or_unsupported_protocol']);
import type { DnsConsistency } from '../model/verdict.ts';

export interface DnsAnalysis {
  consistency: DnsConsistency;
  /** Why, in words; empty when consistent. */
  explanation: string;
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

/**
 * A measurement that recorded no lookup (an OONI one that lacks `queries`) still resolved the name
 * when it connected: the addresses it reached (TCP, TLS or a response) on the target's port are its answers.
 */
function connectedAddresses(m: WebMeasurement): string[] {
  const ok = [...m.tcp.filter((t) => t.failure === null), ...m.tls.filter((t) => t.failure === null), ...m.http.filter((h) => h.status !== null && h.ip)];
  return [...new Set(ok.filter((x) => x.port === m.port).map((x) => x.ip))];
}

/**
 * DNS consistency as Web Connectivity decides it, without an ASN database: answers are consistent
 * when they share an address with the control, or when an address proves itself with a TLS handshake
 * valid for the name (a CDN giving us another edge).
 */
export function analyzeDns(m: WebMeasurement): DnsAnalysis {
  // An address in the URL needs no DNS: it is its own answer, on both sides.
  const literal = isIP(m.hostname) !== 0;
  const unrecorded = !literal && m.dns.local.length === 0;
  const localAddresses = literal ? [m.hostname] : unrecorded ? connectedAddresses(m) : addrs(m.dns.local);
  const controlAddresses = literal ? [m.hostname] : addrs(m.dns.control);
  const controlAnswered = literal || m.dns.control.some(isDefiniteAnswer);
  const base = {
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
  const result = (consistency: DnsConsistency, explanation: string): DnsAnalysis => ({ ...base, consistency, explanation });

  if (isIP(m.hostname)) return result('consistent', '');
  if (unrecorded && localAddresses.length === 0) return result('unknown', `the measurement lacks a lookup of ${m.hostname}`);
  if (base.injectedReplies.length) {
    return result('inconsistent', `two different answers arrived for one query (${localAddresses.join(', ') || base.localFailure} and then ${base.injectedReplies[0]}): someone on the path injected a reply`);
  }
  const validated = localAddresses.filter((ip) => m.tls.some((t) => t.ip === ip && t.serverName === m.hostname && t.failure === null));

  if (localAddresses.length === 0) {
    if (!controlAnswered) return result('unknown', '');
    const own = probeFailure(base.localFailure);
    if (own) return result('unknown', `the lookup failed with the probe's own failure (${base.localFailure}: ${own.why})`);
    if (controlAddresses.length === 0) return result('consistent', ''); // both say the name does not exist
    return result('inconsistent', `your resolver said ${base.localFailure ?? 'nothing'}, but the control resolver resolves it to ${controlAddresses.join(', ')}`);
  }
  if (localAddresses.some((ip) => controlAddresses.includes(ip)) || validated.length > 0) return result('consistent', '');
  if (!controlAnswered) return result('unknown', '');
  if (controlAddresses.length === 0) {
    return result('inconsistent', `your resolver answered ${localAddresses.join(', ')} for a name the control resolver says does not exist`);
  }
  const known = localAddresses.map(matchDnsBlockAnswer).find((x) => x !== null);
  if (known) {
    return result('inconsistent', `your resolver answered ${localAddresses.join(', ')}, a known censor's answer (${known.fingerprint}${known.countries.length ? `, seen in ${known.countries.join(', ')}` : ''}); the control resolver says ${controlAddresses.join(', ')}`);
  }
  const bogons = localAddresses.filter(isBogon);
  if (bogons.length === localAddresses.length) {
    return result('inconsistent', `your resolver answered ${localAddresses.join(', ')} (reserved/private addresses); the control resolver says ${controlAddresses.join(', ')}`);
  }
  // A server that cannot prove it is the site (wrong name, untrusted or missing issuer); an expired or
  // not-yet-valid certificate says more about that server's upkeep (or this clock) than about the address.
  const badCert = m.tls.filter((t) => localAddresses.includes(t.ip) && t.serverName === m.hostname && isCertificateFailure(t.failure) && !NOT_IDENTITY.has(certFailureOf(t) ?? 'other'));
  if (badCert.length > 0) {
    return result('inconsistent', `your resolver answered ${localAddresses.join(', ')}, a server that cannot prove it is ${m.hostname} (${badCert[0]?.failure}); the control resolver says ${controlAddresses.join(', ')}`);
  }
  return result('unknown', `your resolver's answers (${localAddresses.join(', ')}) differ from the control's (${controlAddresses.join(', ')}) and could not be validated`);
}
