import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { checkServerIdentity, connect, createSecureContext, rootCertificates, type DetailedPeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { Clock } from './clock.ts';
import { classifyError } from './failure.ts';
import { certFailureClassOfCode } from '../model/failure.ts';
import { FAILURES, type CertFailureClass } from '../model/failure.ts';
import type { CertificateInfo, TlsHandshakeObservation } from '../model/observation.ts';
import { certificateInfo } from './certificate.ts';
import { tcpConnect } from './tcp.ts';

/** Roots a chain must lead to: Node's bundled Mozilla store (never the OS store) plus what the user adds. */
export interface TrustStore {
  readonly pems: readonly string[];
  readonly label: string;
}

const contexts = new WeakMap<TrustStore, SecureContext>();

/** One secure context per trust store: building one parses every root, far too slow per connection. */
export function secureContextFor(trust: TrustStore): SecureContext {
  let ctx = contexts.get(trust);
  if (!ctx) {
    ctx = createSecureContext({ ca: trust.pems as string[] });
    contexts.set(trust, ctx);
  }
  return ctx;
}

export function publicTrustStore(extraPems: readonly string[] = []): TrustStore {
  return {
    pems: [...rootCertificates, ...extraPems],
    label: extraPems.length ? `bundled Mozilla roots + ${extraPems.length} added` : 'bundled Mozilla roots',
  };
}

/** A store of only the given roots (pinned CAs), optionally with the public roots too. */
export function pinnedTrustStore(pems: readonly string[], withPublic: boolean, extraPems: readonly string[] = []): TrustStore {
  return {
    pems: withPublic ? [...rootCertificates, ...extraPems, ...pems] : [...pems],
    label: withPublic ? `bundled Mozilla roots + ${pems.length} pinned` : `${pems.length} pinned root(s) only`,
  };
}

export interface TlsOptions {
  clock: Clock;
  timeoutMs: number;
  trust: TrustStore;
  alpn?: string[];
  /** Keep the TLS socket open and return it (for an HTTP request over it). */
  keepOpen?: boolean;
  /** Name the certificate must be valid for, when it is not the SNI (an IP-literal URL sends no SNI). */
  verifyName?: string;
  /** Aborting destroys the connection at once (the handshake ends as `interrupted`). */
  signal?: AbortSignal;
  /** Connect timeout when no socket is given (defaults to timeoutMs). */
  connectTimeoutMs?: number;
}

/**
 * Parsed certificates by SHA-256 fingerprint: most handshakes of a run see the same few chains, and
 * parsing (X509Certificate, SPKI export, hashing) was most of the CPU a handshake cost. Bounded:
 * the oldest entry goes when full (Map keeps insertion order; a hit moves the entry to the end).
 */
export class CertificateCache {
  private readonly entries = new Map<string, CertificateInfo>();
  hits = 0;
  misses = 0;
  private readonly max: number;
  constructor(max = 512) {
    this.max = max;
  }
  get size(): number {
    return this.entries.size;
  }
  /** `fingerprint` is Node's colon-separated SHA-256 of the DER (it is computed by the TLS layer anyway). */
  info(fingerprint: string, der: Buffer): CertificateInfo {
    const hit = this.entries.get(fingerprint);
    if (hit) {
      this.hits++;
      this.entries.delete(fingerprint);
      this.entries.set(fingerprint, hit);
      return hit;
    }
    this.misses++;
    let info: CertificateInfo;
    try {
      info = certificateInfo(der);
    } catch {
      // A certificate Node's X509 parser refuses is still recorded (DER and hash), never a crash.
      const sha = createHash('sha256').update(der).digest('hex');
      info = { der: der.toString('base64'), sha256: sha, spkiSha256: '', subject: '(unparseable)', issuer: '(unparseable)', notBefore: '', notAfter: '', isCA: false };
    }
    this.entries.set(fingerprint, info);
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return info;
  }
}

/** One cache per process: certificate facts do not depend on the run. */
export const certificateCache = new CertificateCache();

/** The chain as the peer presented it, leaf first; the issuer walk stops at a self-signed root. */
function peerChain(leaf: DetailedPeerCertificate | undefined): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(certificateCache.info(cert.fingerprint256, cert.raw));
    cert = cert.issuerCertificate;
  }
  return out;
}

/**
 * TLS handshake over `socket` (or a fresh TCP connection) with the given SNI. The chain is always
 * recorded; the failure says whether it validated (chain, then hostname) against `trust`.
 */
export async function tlsHandshake(
  ip: string,
  port: number,
  serverName: string | null,
  opts: TlsOptions & { socket?: Socket },
): Promise<{ observation: TlsHandshakeObservation; socket: TLSSocket | null }> {
  let socket = opts.socket;
  const t0 = opts.clock.now();
  const empty = { ip, port, serverName, tlsVersion: null, cipherSuite: null, alpn: null, peerCertificates: [], chainTrusted: null, chainError: null, hostnameMatches: null };
  if (!socket) {
    const tcp = await tcpConnect(ip, port, { clock: opts.clock, timeoutMs: opts.connectTimeoutMs ?? opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
    if (!tcp.socket) return { observation: { ...empty, failure: tcp.observation.failure, t0, t: opts.clock.now() }, socket: null };
    socket = tcp.socket;
  }
  const raw = socket;
  if (opts.signal?.aborted) {
    raw.destroy();
    return { observation: { ...empty, failure: FAILURES.interrupted, t0, t: opts.clock.now() }, socket: null };
  }
  return new Promise((resolve) => {
    let tlsSock: TLSSocket;
    // On a verified chain Node builds the detailed chain itself (getPeerCertificate(true), the most
    // costly call of a handshake) and passes it to checkServerIdentity: keep it rather than build it twice.
    let nodeChain: DetailedPeerCertificate | undefined;
    try {
      tlsSock = connect({
        socket: raw,
        ...(serverName ? { servername: serverName } : {}),
        secureContext: secureContextFor(opts.trust),
        // Record the verdict instead of aborting: the chain is evidence either way.
        rejectUnauthorized: false,
        ALPNProtocols: opts.alpn ?? ['h2', 'http/1.1'],
        // No session resumption: a resumed session skips certificate checks.
        session: undefined,
        // The name is checked below, on its own: Node's built-in check would fold it into \`authorized\`
        // (and, with no SNI, check against "localhost").
        checkServerIdentity: (_name, cert) => {
          nodeChain = cert as DetailedPeerCertificate;
          return undefined;
        },
      });
    } catch (err) {
      raw.destroy();
      resolve({ observation: { ...empty, failure: classifyError(err), t0, t: opts.clock.now() }, socket: null });
      return;
    }
    let settled = false;
    const onAbort = (): void => settle({ ...empty, failure: FAILURES.interrupted, t0, t: opts.clock.now() }, false);
    const settle = (observation: TlsHandshakeObservation, keep: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      tlsSock.removeAllListeners('secureConnect');
      tlsSock.on('error', () => {});
      if (keep) {
        resolve({ observation, socket: tlsSock });
      } else {
        tlsSock.destroy();
        raw.destroy();
        resolve({ observation, socket: null });
      }
    };
    const timer = setTimeout(() => settle({ ...empty, failure: FAILURES.timeout, t0, t: opts.clock.now() }, false), opts.timeoutMs);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    tlsSock.once('secureConnect', () => {
      let observation: TlsHandshakeObservation;
      try {
        observation = describeHandshake(tlsSock, nodeChain, ip, port, serverName, opts.verifyName ?? serverName, t0, opts.clock.now());
      } catch (err) {
        observation = { ...empty, failure: FAILURES.failedHandshake, certFailure: 'other', t0, t: opts.clock.now() };
        void err;
      }
      settle(observation, Boolean(opts.keepOpen) && observation.failure === null);
    });
    tlsSock.once('error', (err) => {
      const failure = classifyError(err);
      const code = (err as { code?: string }).code;
      const cls = failure === FAILURES.failedHandshake ? (certFailureClassOfCode(code) ?? 'other') : null;
      settle({ ...empty, failure, ...(cls ? { certFailure: cls } : {}), t0, t: opts.clock.now() }, false);
    });
    tlsSock.once('close', () => settle({ ...empty, failure: FAILURES.eof, t0, t: opts.clock.now() }, false));
  });
}

/**
 * The observation of a completed handshake: the detailed chain Node already built (`nodeChain`, on a
 * verified chain) or one getPeerCertificate call, certificates parsed once per run.
 */
function describeHandshake(tlsSock: TLSSocket, nodeChain: DetailedPeerCertificate | undefined, ip: string, port: number, serverName: string | null, expectedName: string | null, t0: number, t: number): TlsHandshakeObservation {
  const leaf = nodeChain?.raw ? nodeChain : (tlsSock.getPeerCertificate(true) as DetailedPeerCertificate | undefined);
  const chain = peerChain(leaf);
  const chainTrusted = tlsSock.authorized;
  const chainError = tlsSock.authorizationError ? String(tlsSock.authorizationError) : null;
  let hostnameMatches: boolean | null = null;
  if (expectedName) hostnameMatches = leaf && leaf.raw ? checkServerIdentity(expectedName, leaf) === undefined : false;
  let failure: string | null = null;
  let certFailure: CertFailureClass | null = null;
  if (!chainTrusted) {
    const code = chainError ?? 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY';
    failure = classifyError({ code });
    certFailure = certFailureClassOfCode(code) ?? 'other';
  } else if (hostnameMatches === false) {
    failure = FAILURES.invalidHostname;
    certFailure = 'wrong_name';
  }
  const cipher = tlsSock.getCipher();
  return {
    ip,
    port,
    serverName,
    failure,
    ...(certFailure ? { certFailure } : {}),
    tlsVersion: tlsSock.getProtocol() ?? null,
    cipherSuite: cipher?.standardName ?? cipher?.name ?? null,
    alpn: typeof tlsSock.alpnProtocol === 'string' ? tlsSock.alpnProtocol : null,
    peerCertificates: chain,
    chainTrusted,
    chainError,
    hostnameMatches,
    t0,
    t,
  };
}
