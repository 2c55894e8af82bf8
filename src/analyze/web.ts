import { isIP } from 'node:net';
import { FAILURES, isCertificateFailure } from '../model/failure.ts';
import { isDefiniteAnswer, type HttpObservation, type TcpConnectObservation, type TlsHandshakeObservation } from '../model/observation.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import type { BlockingMethod, BlockpageMatch, HttpComparison, InterceptionCa, InterceptionMatch, Verdict, VerdictStatus } from '../model/verdict.ts';
import { matchBlockpage } from './blockpage.ts';
import { analyzeDns, type DnsAnalysis } from './dns.ts';
import { compareWithControl } from './http-compare.ts';
import { matchInterceptionCa } from './interception.ts';
import { BUILTIN_INTERCEPTION_CAS } from '../data/interception-cas.ts';

/** IPv6 failures that mean "this network has no IPv6", not blocking (OONI ignores them too). */
const NO_IPV6 = new Set<string>([FAILURES.networkUnreachable, FAILURES.hostUnreachable, FAILURES.addressNotAvailable, FAILURES.addressFamilyNotSupported]);
const endpoint = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

function describeResponse(h: HttpObservation): string {
  return `${h.url} → ${h.status}${h.title ? ` "${h.title}"` : ''} (${h.bodyLength} bytes${h.bodyTruncated ? ', truncated' : ''}) from ${h.ip}`;
}

export interface AnalysisKnowledge {
  /** Known interception CAs: built in, plus the user's --interception-cas files. */
  interceptionCas: readonly InterceptionCa[];
}

const DEFAULT_KNOWLEDGE: AnalysisKnowledge = { interceptionCas: BUILTIN_INTERCEPTION_CAS };

/** A handshake that got as far as a certificate: the server answered, whatever the name check says. */
const completed = (t: TlsHandshakeObservation): boolean => t.failure === null || isCertificateFailure(t.failure);

/** Pure: from one web measurement (and its control data) to a verdict with its reasons. */
export function analyzeWeb(m: WebMeasurement, knowledge: AnalysisKnowledge = DEFAULT_KNOWLEDGE): Verdict {
  const dns = analyzeDns(m);
  const helper = m.helper?.response ?? null;
  const evidence: string[] = [];
  let blockpage: BlockpageMatch | null = null;
  let httpComparison: HttpComparison | null = null;
  let untrustedIssuer: string | null = null;
  let interceptionCa: InterceptionMatch | null = null;
  let sniProof: Verdict['sniProof'] = null;
  const verdict = (status: VerdictStatus, method: BlockingMethod | null, reason: string): Verdict => ({
    status,
    method,
    reason,
    evidence,
    dnsConsistency: dns.consistency,
    blockpage,
    httpComparison,
    untrustedIssuer,
    interceptionCa,
    sniProof,
  });

  // Cut short by the whole-target deadline: what is missing says nothing about the site.
  if (m.deadlineExceeded) return verdict('inconclusive', null, 'The measurement ran out of time before it could conclude');

  evidence.push(dnsEvidence(m, dns));
  if (m.helper && m.helper.failure) evidence.push(`control helper ${m.helper.url}: ${m.helper.failure}`);

  const final = m.http[m.http.length - 1];
  const cleartextHops = m.http.filter((h) => h.failure === null && h.status !== null && h.tls === null);
  for (const hop of cleartextHops) {
    blockpage ??= matchBlockpage(hop.status ?? 0, hop.headers, hop.body);
  }
  if (blockpage) evidence.push(`block page: matches fingerprint ${blockpage.fingerprint} (${blockpage.source}${blockpage.generic ? ', generic wording' : ''})`);
  for (const h of m.http) evidence.push(h.failure ? `GET ${h.url} via ${h.ip}: ${h.failure} at ${h.failedOperation}` : `GET ${describeResponse(h)}`);

  // DNS tampering overrides everything after it: whatever happened next happened at the wrong address.
  if (dns.consistency === 'inconsistent') {
    const page = blockpage ? `; that address serves a block page (${blockpage.fingerprint})` : '';
    return verdict('blocked', 'dns', `DNS tampering: ${dns.explanation}${page}`);
  }
  if (dns.consistency === 'unknown' && blockpage && !blockpage.generic && final && !dns.controlAddresses.includes(final.ip)) {
    return verdict('blocked', 'dns', `DNS tampering: your resolver sent you to ${final.ip}, which serves a block page (${blockpage.fingerprint}); the control resolver says ${dns.controlAddresses.join(', ') || 'something else'}`);
  }

  const controlAvailable = dns.controlAnswered || isIP(m.hostname) !== 0 || helper !== null;

  if (final && final.failure === null && final.status !== null && !(final.status >= 300 && final.status < 400)) {
    if (final.tls) return verdict('accessible', null, `Loaded over HTTPS with a valid certificate (${final.status}${final.title ? `, "${final.title}"` : ''})`);
    if (blockpage && !blockpage.generic) return verdict('blocked', 'http-diff', `Block page: the page served for ${m.hostname} is a known block page (${blockpage.fingerprint})`);
    if (helper && helper.http_request.failure === null && helper.http_request.status_code > 0) {
      httpComparison = compareWithControl(final, helper.http_request);
      evidence.push(comparisonEvidence(final, helper.http_request, httpComparison));
      if (httpComparison.samePage === false) {
        return verdict('blocked', 'http-diff', `Page differs from what the control fetched (${final.status} here, ${helper.http_request.status_code} there${final.title !== (helper.http_request.title || null) ? `; title "${final.title ?? ''}" vs "${helper.http_request.title}"` : ''}): likely a block page`);
      }
    }
    if (blockpage?.generic) return verdict('inconclusive', null, `The page contains generic blocking words (${blockpage.fingerprint}) but no control page to compare with`);
    return verdict('accessible', null, `Loaded over plain HTTP (${final.status}${final.title ? `, "${final.title}"` : ''})${httpComparison?.samePage ? ', same page as the control' : ''}`);
  }

  const recheckFailed = m.controlRecheck.length > 0 && !m.controlRecheck.some(isDefiniteAnswer);
  if (recheckFailed && dns.controlAnswered && !helper) {
    return verdict('inconclusive', null, `The control resolver failed right after this target did (${m.controlRecheck[0]?.failure}): the network, not the site, may be the problem`);
  }

  if (!controlAvailable) {
    return verdict('inconclusive', null, `Control unreachable (${dns.controlFailure ?? 'no answer'}): cannot tell blocking from a network problem${dns.localFailure ? `; your resolver also failed (${dns.localFailure})` : ''}`);
  }

  if (dns.localAddresses.length === 0) {
    if (dns.consistency === 'consistent') return verdict('down', null, `The name does not resolve for the control resolver either (${dns.localFailure ?? 'no answer'}): the site is gone, not blocked`);
    return verdict('inconclusive', null, `Your resolver failed (${dns.localFailure ?? 'no answer'}) and the control could not confirm the name`);
  }

  // Addresses that belong to the site: the control's, plus ours when DNS was consistent.
  const siteIps = new Set(dns.consistency === 'consistent' ? [...dns.localAddresses, ...dns.controlAddresses] : dns.controlAddresses.length ? dns.controlAddresses : dns.localAddresses);
  const relevant = <T extends { ip: string; failure: string | null }>(xs: readonly T[]): T[] =>
    xs.filter((x) => siteIps.has(x.ip) && !(isIP(x.ip) === 6 && x.failure !== null && NO_IPV6.has(x.failure)));

  const tcp = relevant(m.tcp).filter((t) => t.port === m.port);
  for (const t of tcp) evidence.push(tcpEvidence(t, helper?.tcp_connect[endpoint(t.ip, t.port)]));
  if (tcp.length === 0 && m.tcp.length > 0) return verdict('inconclusive', null, 'Only IPv6 addresses failed, and this network has no IPv6: nothing to conclude');

  if (tcp.length > 0 && tcp.every((t) => t.failure !== null)) {
    const helperTcp = tcp.map((t) => helper?.tcp_connect[endpoint(t.ip, t.port)]).filter((x) => x !== undefined);
    const failures = [...new Set(tcp.map((t) => t.failure))].join(', ');
    const endpoints = [...new Set(tcp.map((t) => endpoint(t.ip, t.port)))];
    const where = `${endpoints.join(', ')}${tcp.length > endpoints.length ? ` (${tcp.length} attempts)` : ''}`;
    if (helperTcp.some((x) => x.status)) return verdict('blocked', 'tcp_ip', `IP blocking: connections to ${where} fail here (${failures}) but work from the control helper`);
    if (helperTcp.length > 0) return verdict('down', null, `The site is down: connections to ${where} fail from the control helper too (${failures})`);
    return verdict('inconclusive', null, `No connection to ${where} (${failures}); without a control helper (--control-helper) tekser cannot tell IP blocking from a site that is down`);
  }

  if (m.target.url.startsWith('https:')) {
    const tls = relevant(m.tls).filter((t) => t.port === m.port && t.serverName === (isIP(m.hostname) ? null : m.hostname));
    for (const t of tls) evidence.push(tlsEvidence(t));
    if (tls.length > 0 && tls.every((t) => t.failure !== null)) {
      const first = tls[0] as TlsHandshakeObservation;
      const helperTls = tls.map((t) => helper?.tls_handshake[endpoint(t.ip, t.port)]).filter((x) => x !== undefined);
      const certFail = tls.find((t) => isCertificateFailure(t.failure));
      if (certFail) {
        const leaf = certFail.peerCertificates[0];
        const top = certFail.peerCertificates[certFail.peerCertificates.length - 1];
        if (helperTls.length > 0 && helperTls.every((x) => !x.status && x.failure !== null && isCertificateFailure(x.failure))) {
          return verdict('down', null, `The site's certificate is invalid from the control helper too (${certFail.failure}): a broken site, not interception`);
        }
        if (certFail.chainTrusted === false) {
          untrustedIssuer = top?.issuer ?? leaf?.issuer ?? null;
          interceptionCa = matchInterceptionCa(certFail.peerCertificates, knowledge.interceptionCas);
          if (interceptionCa) {
            evidence.push(`chain matches known interception CA "${interceptionCa.ca}" (${interceptionCa.country}) by ${interceptionCa.matchedBy}, at "${interceptionCa.certificate}"`);
            return verdict('blocked', 'mitm', `TLS interception by a known state CA: the certificate for ${m.hostname} chains to "${interceptionCa.ca}" (${interceptionCa.country}), which no public root trusts`);
          }
          return verdict('blocked', 'mitm', `TLS interception suspected: the certificate for ${m.hostname} at ${certFail.ip} is issued by "${untrustedIssuer ?? 'unknown'}", which no public root trusts (${certFail.failure})`);
        }
        return verdict('blocked', 'mitm', `TLS interception suspected: ${certFail.ip} presents a certificate for "${leaf?.subject ?? 'unknown'}", not valid for ${m.hostname} (${certFail.failure})`);
      }
      if (helperTls.length > 0 && helperTls.every((x) => !x.status)) {
        return verdict('down', null, `The TLS handshake fails from the control helper too (${first.failure}): the site is broken, not blocked`);
      }
      const sameIp = m.sniProbes.filter((p) => p.kind === 'same-ip-harmless-sni' || p.kind === 'same-ip-no-sni');
      for (const p of m.sniProbes) evidence.push(`SNI probe ${p.kind} (${p.handshake.serverName ?? 'no SNI'} to ${endpoint(p.handshake.ip, p.handshake.port)}): ${completed(p.handshake) ? 'handshake completed' : p.handshake.failure}`);
      if (sameIp.length) sniProof = sameIp.some((p) => completed(p.handshake)) ? 'proven' : 'not-proven';
      const neutral = m.sniProbes.find((p) => p.kind === 'neutral-host-target-sni');
      const follows = neutral && !completed(neutral.handshake) ? ` The filter follows the name: ${m.hostname} fails on a neutral server too.` : '';
      if (sniProof === 'proven') {
        const ok = sameIp.find((p) => completed(p.handshake));
        return verdict('blocked', 'tls', `SNI filtering: the handshake for ${m.hostname} at ${endpoint(first.ip, first.port)} fails (${first.failure}), but the same address completes one for ${ok?.handshake.serverName ?? 'no SNI'}.${follows}`);
      }
      return verdict('blocked', 'tls', `TLS interference: TCP to ${endpoint(first.ip, first.port)} connects, then the handshake for ${m.hostname} fails (${first.failure}); typical of SNI filtering${sniProof === 'not-proven' ? ' (though a harmless SNI fails there too)' : ''}`);
    }
  }

  if (final && final.failure !== null) {
    const helperHttp = helper?.http_request;
    if (helperHttp && helperHttp.failure !== null) return verdict('down', null, `The page fails from the control helper too (${helperHttp.failure}): the site is down`);
    if (final.failedOperation === 'tls_handshake' && isCertificateFailure(final.failure)) {
      untrustedIssuer = final.tls?.peerCertificates.at(-1)?.issuer ?? null;
      return verdict('blocked', 'mitm', `TLS interception suspected on ${final.url}: certificate issued by "${untrustedIssuer ?? 'unknown'}" (${final.failure})`);
    }
    return verdict('blocked', 'http-failure', `HTTP interference: the request for ${final.url} via ${final.ip} failed (${final.failure}) after the connection was made${helperHttp ? ', while the control helper loaded it' : ''}`);
  }

  if (final && final.status !== null && final.status >= 300 && final.status < 400) {
    return verdict('inconclusive', null, `The redirect chain from ${m.target.url} did not end in a page (${m.http.length} hop(s), last ${final.status})`);
  }
  return verdict('inconclusive', null, 'Nothing could be fetched and no step failed clearly');
}

function dnsEvidence(m: WebMeasurement, dns: DnsAnalysis): string {
  if (isIP(m.hostname)) return `DNS: none needed (${m.hostname} is an address)`;
  const local = dns.localAddresses.length ? dns.localAddresses.join(' ') : (dns.localFailure ?? 'no answer');
  const control = dns.controlAnswered ? dns.controlAddresses.join(' ') || 'no such name' : (dns.controlFailure ?? 'no answer');
  return `DNS ${m.hostname}: ${m.localResolver} → ${local}; control → ${control} (${dns.consistency})`;
}

function tcpEvidence(t: TcpConnectObservation, helper: { status: boolean; failure: string | null } | undefined): string {
  const here = t.failure ?? `connected in ${Math.round((t.t - t.t0) * 1000)} ms`;
  return `TCP ${endpoint(t.ip, t.port)}: ${here}${helper ? `; control helper: ${helper.status ? 'connected' : helper.failure}` : ''}`;
}

function tlsEvidence(t: TlsHandshakeObservation): string {
  const leaf = t.peerCertificates[0];
  const chain = leaf ? `; leaf "${leaf.subject}" issued by "${leaf.issuer}"` : '';
  return `TLS ${endpoint(t.ip, t.port)} SNI ${t.serverName ?? '(none)'}: ${t.failure ?? `${t.tlsVersion} ok`}${chain}${t.chainError ? ` (${t.chainError})` : ''}`;
}

function comparisonEvidence(h: HttpObservation, c: { status_code: number; body_length: number; title: string }, cmp: HttpComparison): string {
  return `compared with the control's page: status ${h.status} vs ${c.status_code}, length ${h.bodyLength} vs ${c.body_length} (ratio ${cmp.bodyProportion?.toFixed(2) ?? 'n/a'}), headers ${cmp.headersMatch ? 'match' : 'differ'}, title ${cmp.titleMatch ? 'matches' : 'differs'}`;
}
