import { isIP } from 'node:net';
import { CERT_FAILURE_CLASSES, isCertificateFailure } from '../model/failure.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import type { DnsObservation } from '../model/observation.ts';
import { isDefiniteAnswer } from '../model/values.ts';
import type { ControlInterception, InterceptionCa, RunControl, TargetControl } from '../model/verdict.ts';
import { certFailureOf } from './certificate.ts';
import { matchInterceptionCa } from './interception.ts';
import { controlMisbehaves, type FailureRow } from '../data/probe-failures.ts';
import { hasMessage, msg, render } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';

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
  const said = targetMisbehaving(m, failed);
  const misbehaving = said ? render('en', said) : null;
  return { failed, failure: failed ? (m.dns.control.find((o) => o.failure)?.failure ?? null) : null, interception, ...(misbehaving ? { misbehaving } : {}) };
}

/**
 * Why a row of src/data/probe-failures.json says a failure is the probe's or the control's own: its
 * `web.why.<id>` message (the same English as the row's `why`, a test keeps them equal), else the row's words.
 */
export const whyOf = (row: FailureRow): Message | string => (hasMessage(`web.why.${row.id}`) ? msg(`web.why.${row.id}`) : row.why);

/** "dns_server_misbehaving: the DoH control answered, but not with a DNS message (…)", or null. */
function describeMisbehaving(failure: string | null | undefined, engine?: string): Message | null {
  const row = controlMisbehaves(failure, engine);
  return row && failure ? msg('web.failure-why', { failure, why: whyOf(row) }) : null;
}

/** Why this target's control misbehaves, as a message (`targetControl(…).misbehaving` is its English; `failed` is that control's), or null. */
export function targetMisbehaving(m: WebMeasurement, failed: boolean): Message | null {
  return failed ? misbehavingOf(m.dns.control) : m.helper && !m.helper.response ? describeMisbehaving(m.helper.failure) : null;
}

/** A control that failed because every lookup got an answer that was not DNS (src/data/probe-failures.json): it misbehaves, it is reachable. */
function misbehavingOf(observations: readonly DnsObservation[]): Message | null {
  const why = observations.map((o) => describeMisbehaving(o.failure, o.engine));
  return why.length > 0 && why.every((w) => w !== null) ? why[0] ?? null : null;
}

/** The run's control check: `none` when it was not made; an intercepted control counts as answering. */
export function runControl(check: readonly DnsObservation[] | undefined, interceptionCas: readonly InterceptionCa[]): RunControl {
  const observations = check ?? [];
  const interception = controlInterception(observations, interceptionCas);
  const state = observations.length === 0 ? 'none' : interception || observations.some(isDefiniteAnswer) ? 'ok' : 'failed';
  const said = state === 'failed' ? misbehavingOf(observations) : null;
  const misbehaving = said ? render('en', said) : null;
  return { state, failure: state === 'failed' ? (observations.find((o) => o.failure)?.failure ?? null) : null, interception, ...(misbehaving ? { misbehaving } : {}) };
}

/** "by "Qaznet Trust Network" (KZ), a known interception CA" / "by a certificate issued by "CN=Corp"" / "(ssl_unknown_authority; no chain recorded)", as a message. */
export function controlInterceptionMessage(c: ControlInterception): Message {
  if (c.match) return msg('web.control-by.ca', { ca: c.match.ca, country: c.match.country });
  if (c.issuer) return msg('web.control-by.issuer', { issuer: c.issuer });
  return msg('web.control-by.unknown', { failure: c.failure ?? msg('web.control-by.not-trusted') });
}

/** The same in English. */
export const describeControlInterception = (c: ControlInterception): string => render('en', controlInterceptionMessage(c));
