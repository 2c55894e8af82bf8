import { isIP } from 'node:net';
import { CERT_FAILURE_CLASSES, isCertificateFailure } from '../model/failure.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import type { DnsObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import type { ControlInterception, InterceptionCa, RunControl, TargetControl } from '../model/verdict.ts';
import { certFailureOf } from './certificate.ts';
import { matchInterceptionCa } from './interception.ts';
import { controlMisbehaves } from '../data/probe-failures.ts';

/**
 * The one place that decides what the control resolvers did: for one target (its own control
 * lookups) and for the run (its control check). The web and service verdicts and the run-level
 * findings all read these; none looks at the control's observations itself.
 */

export type { ControlInterception, RunControl, TargetControl };

/** Expired / not yet valid say this machine's clock may be wrong, not that the path changed the chain. */
const CLOCK_CLASSES = new Set<(typeof CERT_FAILURE_CLASSES)[number]>(['expired', 'not_yet_valid']);

/**
 * Pure: whether a DoH control's handshake was intercepted (the first such lookup). A public DoH
 * resolver's certificate that does not verify (unknown authority, wrong name, untrusted or incomplete
 * chain) means something on the path answered in its place; a clock problem (expired, not yet valid)
 * is not counted.
 */
function controlInterception(observations: readonly DnsObservation[], interceptionCas: readonly InterceptionCa[]): ControlInterception | null {
  for (const o of observations) {
    if (o.engine !== 'doh') continue;
    const t = o.tls;
    const chainBad = t ? t.chainTrusted === false || isCertificateFailure(t.failure) : false;
    if (!chainBad && !isCertificateFailure(o.failure)) continue;
    const cls = t ? certFailureOf({ ...t, failure: t.failure ?? o.failure }) : null;
    if (cls && CLOCK_CLASSES.has(cls)) continue;
    const chain = t?.peerCertificates ?? [];
    return { resolver: o.resolver, failure: o.failure ?? t?.failure ?? null, issuer: chain.at(-1)?.issuer ?? null, match: chain.length ? matchInterceptionCa(chain, interceptionCas) : null };
  }
  return null;
}

/**
 * The control as one web target's own lookups saw it: intercepted (its control lookups or the
 * re-check after a failure), or failed: no definite answer, no helper answer, not an address URL.
 */
export function targetControl(m: WebMeasurement, interceptionCas: readonly InterceptionCa[]): TargetControl {
  const interception = controlInterception([...m.dns.control, ...m.controlRecheck], interceptionCas);
  const failed = isIP(m.hostname) === 0 && !m.helper?.response && m.dns.control.length > 0 && !m.dns.control.some(isDefiniteAnswer) && interception === null;
  const misbehaving = failed ? misbehavingOf(m.dns.control) : m.helper && !m.helper.response ? describeMisbehaving(m.helper.failure) : null;
  return { failed, failure: failed ? (m.dns.control.find((o) => o.failure)?.failure ?? null) : null, interception, ...(misbehaving ? { misbehaving } : {}) };
}

/** "dns_server_misbehaving: the DoH control answered, but not with a DNS message (…)", or null. */
function describeMisbehaving(failure: string | null | undefined, engine?: string): string | null {
  const row = controlMisbehaves(failure, engine);
  return row ? `${failure}: ${row.why}` : null;
}

/** A control that failed because every lookup got an answer that was not DNS (src/data/probe-failures.json): it misbehaves, it is reachable. */
function misbehavingOf(observations: readonly DnsObservation[]): string | null {
  const why = observations.map((o) => describeMisbehaving(o.failure, o.engine));
  return why.length > 0 && why.every((w) => w !== null) ? why[0] ?? null : null;
}

/** The run's control check: `none` when it was not made; an intercepted control counts as answering. */
export function runControl(check: readonly DnsObservation[] | undefined, interceptionCas: readonly InterceptionCa[]): RunControl {
  const observations = check ?? [];
  const interception = controlInterception(observations, interceptionCas);
  const state = observations.length === 0 ? 'none' : interception || observations.some(isDefiniteAnswer) ? 'ok' : 'failed';
  const misbehaving = state === 'failed' ? misbehavingOf(observations) : null;
  return { state, failure: state === 'failed' ? (observations.find((o) => o.failure)?.failure ?? null) : null, interception, ...(misbehaving ? { misbehaving } : {}) };
}

/** "by "Qaznet Trust Network" (KZ)" / "by a certificate issued by "CN=Corp"" / "(ssl_unknown_authority)". */
export function describeControlInterception(c: ControlInterception): string {
  if (c.match) return `by "${c.match.ca}" (${c.match.country}), a known interception CA`;
  if (c.issuer) return `by a certificate issued by "${c.issuer}"`;
  return `(${c.failure ?? 'certificate not trusted'}; no chain recorded)`;
}
