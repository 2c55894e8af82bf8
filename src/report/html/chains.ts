import type { TargetResultJson, WebResultJson } from '../../model/run.ts';
import { html, type SafeHtml } from './safe.ts';
import { word, type T } from './page.ts';

// Certificates: every TLS handshake a result holds, the interception CA's fingerprints, each chain seen.

type WebMeasurement = WebResultJson['measurement'];
export type Tls = WebMeasurement['tls'][number];

/** Every handshake of a result: direct, under HTTP, SNI probes, the DoH resolvers' (services: every attempt's). */
export function chainsOf(r: TargetResultJson): Tls[] {
  if (r.target.kind === 'service') {
    const m = r.measurement as Extract<TargetResultJson, { target: { kind: 'service' } }>['measurement'];
    return m.checks.flatMap((c) => c.attempts.flatMap((a) => [...a.tls, ...(a.http?.tls ? [a.http.tls] : [])]));
  }
  const m = r.measurement as WebMeasurement;
  const doh = [...m.dns.local, ...m.dns.control].flatMap((o) => (o.tls ? [o.tls] : []));
  return [...m.tls, ...m.http.flatMap((x) => (x.tls ? [x.tls] : [])), ...m.sniProbes.map((p) => p.handshake), ...doh];
}

/** The interception CA certificates the targets saw, once each (by fingerprint, else by name). */
export function interceptionFingerprints(targets: readonly TargetResultJson[]): Array<{ subject: string; sha256: string | null }> {
  const out = new Map<string, { subject: string; sha256: string | null }>();
  for (const r of targets) {
    const ca = r.verdict.interceptionCa;
    if (!ca) continue;
    const certs = chainsOf(r).flatMap((x) => x.peerCertificates);
    const match = certs.find((c) => c.subject === ca.certificate) ?? certs.find((c) => c.issuer === ca.certificate);
    const key = match?.sha256 ?? ca.certificate;
    if (!out.has(key)) out.set(key, { subject: match?.subject ?? ca.certificate, sha256: match?.sha256 ?? null });
  }
  return [...out.values()];
}

/** A SHA-256 in hex as people compare it: `AB:CD:…`. */
export const fingerprint = (hex: string): string => hex.toUpperCase().match(/.{1,2}/g)?.join(':') ?? hex;

/** Pairs of a fingerprint per piece: a phone's line breaks it only between pieces, after a colon. */
const FINGERPRINT_PIECE = 8;

/**
 * `text` with `{sha256}` filled by the fingerprint in pieces that wrap as a whole (inline blocks), so
 * a narrow screen breaks it after a colon, never inside a pair; the text itself is unchanged.
 */
export function withFingerprint(text: (sha256: string) => string, hex: string): SafeHtml {
  const MARK = '\u0000';
  const [before = '', after = ''] = text(MARK).split(MARK);
  const pairs = fingerprint(hex).split(':');
  const pieces: string[] = [];
  for (let i = 0; i < pairs.length; i += FINGERPRINT_PIECE) {
    const last = i + FINGERPRINT_PIECE >= pairs.length;
    pieces.push(pairs.slice(i, i + FINGERPRINT_PIECE).join(':') + (last ? '' : ':'));
  }
  return html`${before}${pieces.map((p) => html`<span class="fpp">${p}</span>`)}${after}`;
}

function trustWords(t: T, x: Tls): string {
  if (x.chainTrusted === true) return t('chains.trusted');
  return x.chainError ? t('chains.untrusted', { error: x.chainError }) : t('chains.untrustedNoError');
}

/** One chain, leaf first: issuer → subject, its fingerprint, and the interception CA where it matched. */
function chainHtml(t: T, x: Tls, ca: TargetResultJson['verdict']['interceptionCa']): SafeHtml {
  const bySubject = ca ? x.peerCertificates.some((c) => c.subject === ca.certificate) : false;
  const links = x.peerCertificates.map((c) => {
    const isCa = ca && (bySubject ? c.subject === ca.certificate : c.issuer === ca.certificate);
    const matched = isCa ? html` <strong>${t('chains.matched', { ca: ca.ca, country: ca.country, matchedBy: word(t, 'matchedBy', ca.matchedBy) })}</strong>` : '';
    const sha = withFingerprint((sha256) => t('chains.sha256', { sha256 }), c.sha256);
    return html`<li>${t('chains.link', { issuer: c.issuer, subject: c.subject })}${matched}<br><span class="fp">${sha}</span></li>`;
  });
  const served = t('chains.served', { ip: x.ip, port: x.port, sni: x.serverName ?? t('chains.noSni') });
  return html`<li><p>${served} — ${trustWords(t, x)}</p><ol class="chain">${links}</ol></li>`;
}

/** Each distinct chain seen, leaf first, as issuer → subject with SHA-256 fingerprints. */
export function chainsHtml(t: T, r: TargetResultJson): SafeHtml | '' {
  const seen = new Set<string>();
  const items: SafeHtml[] = [];
  for (const x of chainsOf(r)) {
    if (x.peerCertificates.length === 0) continue;
    const key = x.peerCertificates.map((c) => c.sha256).join('/');
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(chainHtml(t, x, r.verdict.interceptionCa));
  }
  return items.length ? html`<h4>${t('chains.heading')}</h4><ul class="plain">${items}</ul>` : '';
}
