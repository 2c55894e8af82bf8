import { isIP } from 'node:net';
import type { ServiceResult, TargetResult, WebResult } from '../model/run.ts';
import { targetLabel } from '../model/target.ts';
import { isDefiniteAnswer } from '../model/observation.ts';
import type { Finding } from '../model/finding.ts';
import { SSL_FAILURE_PREFIX } from '../model/failure.ts';

/** Thresholds, named so tests and docs can cite them. */
export const FINDING_RULES = {
  /** No connectivity: at least this share of targets could not reach the control, and none loaded. */
  shutdownShare: 0.9,
  /** Allow-list regime: at most this share loaded (at least one did) among at least `allowListMinTargets`. */
  allowListMaxShare: 0.2,
  allowListMinTargets: 10,
  /** Throttling: a transfer at least this many times slower than the run's median, over a body of this size. */
  throttleFactor: 8,
  /** ... and slow in absolute terms: a busy machine makes fast transfers uneven, never this slow. */
  throttleMaxRate: 128 * 1024,
  throttleMinBytes: 100 * 1024,
  throttleMinPeers: 3,
} as const;


function controlFailed(r: TargetResult): boolean {
  if (r.target.kind === 'service') return (r as ServiceResult).measurement.controlAnswered === false;
  const m = (r as WebResult).measurement;
  if (isIP(m.hostname) || m.helper?.response) return false;
  return m.dns.control.length > 0 && !m.dns.control.some(isDefiniteAnswer);
}

const webResults = (rs: readonly TargetResult[]): WebResult[] => rs.filter((r): r is WebResult => r.target.kind === 'web');
const kib = (bytesPerSecond: number): string =>
  bytesPerSecond >= 1024 * 1024 ? `${(bytesPerSecond / 1024 / 1024).toFixed(1)} MiB/s` : `${(bytesPerSecond / 1024).toFixed(0)} KiB/s`;
const prefix24 = (ip: string): string | null => (isIP(ip) === 4 ? ip.split('.').slice(0, 3).join('.') : null);

/** Looks across all results of a run. Pure: the same results always give the same findings. */
export function findFindings(results: readonly TargetResult[]): Finding[] {
  const findings: Finding[] = [];
  const total = results.length;
  const accessible = results.filter((r) => r.verdict.status === 'accessible');

  // 1. Shutdown, or an allow-list regime (8 January 2022): nearly everything fails.
  const noControl = results.filter(controlFailed);
  if (total >= 2 && accessible.length === 0 && noControl.length >= FINDING_RULES.shutdownShare * total) {
    findings.push({
      kind: 'no-connectivity',
      title: `No connectivity: ${noControl.length} of ${total} targets could not even reach the control resolver. This looks like a shutdown (or this machine is offline), not ${total} blocked sites.`,
      details: [...new Set(noControl.map((r) => r.verdict.reason))].slice(0, 3),
      targets: noControl.map((r) => targetLabel(r.target)),
    });
  } else if (total >= FINDING_RULES.allowListMinTargets && accessible.length > 0 && accessible.length <= FINDING_RULES.allowListMaxShare * total) {
    findings.push({
      kind: 'allow-list',
      title: `Allow-list regime: only ${accessible.length} of ${total} targets are reachable; everything else fails. Reachable: ${accessible.map((r) => targetLabel(r.target)).join(', ')}`,
      details: [`${total - accessible.length} targets blocked, down or unreachable`, `${noControl.length} could not reach the control resolver`],
      targets: accessible.map((r) => targetLabel(r.target)),
    });
  }

  const web = webResults(results);

  // 2. IP blocking with collateral damage: sites whose connections fail, grouped by the address they share.
  const byIp = new Map<string, WebResult[]>();
  for (const r of web) {
    if (r.verdict.method !== 'tcp_ip') continue;
    const failedIps = new Set(r.measurement.tcp.filter((t) => t.failure !== null).map((t) => t.ip));
    const okIps = new Set(r.measurement.tcp.filter((t) => t.failure === null).map((t) => t.ip));
    for (const ip of failedIps) if (!okIps.has(ip)) byIp.set(ip, [...(byIp.get(ip) ?? []), r]);
  }
  const reachableIps = new Set(web.flatMap((r) => r.measurement.tcp.filter((t) => t.failure === null).map((t) => t.ip)));
  for (const [ip, rs] of [...byIp].sort((a, b) => b[1].length - a[1].length)) {
    if (rs.length < 2) continue;
    const p = prefix24(ip);
    const neighbours = p ? [...reachableIps].filter((x) => x !== ip && prefix24(x) === p) : [];
    const failure = [...new Set(rs.flatMap((r) => r.measurement.tcp.filter((t) => t.ip === ip && t.failure).map((t) => t.failure)))].join(', ');
    findings.push({
      kind: 'collateral',
      title: `IP ${ip} unreachable (${failure}): ${rs.length} tested sites share it: ${rs.map((r) => r.measurement.hostname).join(', ')}`,
      details: [
        neighbours.length
          ? `other addresses in ${p}.0/24 work (${neighbours.slice(0, 3).join(', ')}): the block is on this host, not the whole network`
          : `no other tested address in ${p ? `${p}.0/24` : 'its prefix'} to compare: host or prefix block`,
        'blocking one site on a shared address takes down every site hosted there (Tilda 2019, WordPress.com 2011)',
      ],
      targets: rs.map((r) => r.target.url),
    });
  }

  // 3. SNI filtering, proven by the harmless-SNI retry on the same address.
  const sni = web.filter((r) => r.verdict.sniProof === 'proven');
  if (sni.length) {
    const neutral = sni.filter((r) => r.measurement.sniProbes.some((p) => p.kind === 'neutral-host-target-sni' && p.handshake.failure !== null && !p.handshake.failure.startsWith(SSL_FAILURE_PREFIX)));
    findings.push({
      kind: 'sni-filtering',
      title: `SNI filtering proven for ${sni.length} site(s): their addresses accept a handshake for a harmless name but not for theirs: ${sni.map((r) => r.measurement.hostname).join(', ')}`,
      details: neutral.length ? [`the filter follows the name: ${neutral.map((r) => r.measurement.hostname).join(', ')} also fail(s) on a neutral server`] : [],
      targets: sni.map((r) => r.target.url),
    });
  }

  // 4. TLS interception: known state CAs by name, anything else untrusted as suspected.
  const byCa = new Map<string, WebResult[]>();
  const suspected: WebResult[] = [];
  for (const r of web) {
    if (r.verdict.method !== 'mitm') continue;
    if (r.verdict.interceptionCa) byCa.set(r.verdict.interceptionCa.ca, [...(byCa.get(r.verdict.interceptionCa.ca) ?? []), r]);
    else if (r.verdict.untrustedIssuer) suspected.push(r);
  }
  for (const [ca, rs] of byCa) {
    const m = rs[0]?.verdict.interceptionCa;
    findings.push({
      kind: 'state-mitm',
      title: `TLS interception with a known state certificate: "${ca}" (${m?.country}) in the chains of ${rs.length} site(s): ${rs.map((r) => r.measurement.hostname).join(', ')}. Do not install this certificate; run \`tekser certs\` to check your system.`,
      details: [`matched by ${m?.matchedBy} at "${m?.certificate}"`],
      targets: rs.map((r) => r.target.url),
    });
  }
  if (suspected.length) {
    const issuers = [...new Set(suspected.map((r) => r.verdict.untrustedIssuer))];
    findings.push({
      kind: 'suspected-mitm',
      title: `Suspected TLS interception: ${suspected.length} site(s) present certificates no public root trusts (issuer: ${issuers.join('; ')})`,
      details: suspected.map((r) => `${r.measurement.hostname}: ${r.verdict.reason}`),
      targets: suspected.map((r) => r.target.url),
    });
  }

  // 5. Throttling: a transfer far slower than the run's others. Data, never a block.
  const rates = web
    .map((r) => {
      const h = r.measurement.http.at(-1);
      // The body's own transfer time: connection set-up is a different question (and is measured elsewhere).
      const start = h?.responseAt ?? h?.t0;
      if (!h || h.failure || start === undefined || h.bodyLength < FINDING_RULES.throttleMinBytes || h.t <= start) return null;
      return { r, rate: h.bodyLength / (h.t - start), bytes: h.bodyLength, seconds: h.t - start };
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  if (rates.length >= FINDING_RULES.throttleMinPeers + 1) {
    const sorted = rates.map((x) => x.rate).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    const slow = rates.filter((x) => x.rate * FINDING_RULES.throttleFactor < median && x.rate < FINDING_RULES.throttleMaxRate);
    if (slow.length && slow.length < rates.length / 2) {
      findings.push({
        kind: 'throttling',
        title: `Possibly throttled: ${slow.map((x) => `${x.r.measurement.hostname} (${kib(x.rate)})`).join(', ')}, against a median of ${kib(median)} for ${rates.length} sites on this run`,
        details: slow.map((x) => `${x.r.target.url}: ${x.bytes} bytes in ${x.seconds.toFixed(2)} s`),
        targets: slow.map((x) => x.r.target.url),
      });
    }
  }
  return findings;
}
