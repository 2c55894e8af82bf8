import { whenAborted } from './abort.ts';
import { createHash, X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import { checkServerIdentity, connect, createSecureContext, rootCertificates, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { Clock } from './clock.ts';
import { classifyError } from './failure.ts';
import { certFailureClassOfCode } from '../model/failure.ts';
import { FAILURES, type CertFailureClass } from '../model/failure.ts';
import type { CertificateInfo, TlsHandshakeObservation } from '../model/observation.ts';
import { certificateInfo } from './certificate.ts';
import { assembleChain, identityFields, peerSentCertificates, storeTail } from './chain.ts';
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

const pinnedStores = new Map<string, TrustStore>();

/**
 * A store of only the given roots (pinned CAs), optionally with the public roots too. The same
 * inputs give the same store object, so a service checked for every target reuses one secure
 * context (building one parses every root).
 */
export function pinnedTrustStore(pems: readonly string[], withPublic: boolean, extraPems: readonly string[] = []): TrustStore {
  const key = JSON.stringify([pems, withPublic, extraPems]);
  let store = pinnedStores.get(key);
  if (!store) {
    store = newPinnedTrustStore(pems, withPublic, extraPems);
    if (pinnedStores.size >= 64) pinnedStores.clear();
    pinnedStores.set(key, store);
  }
  return store;
}

function newPinnedTrustStore(pems: readonly string[], withPublic: boolean, extraPems: readonly string[]): TrustStore {
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
  info(fingerprint: string, der: Buffer, parsed?: X509Certificate): CertificateInfo {
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
      info = certificateInfo(der, parsed);
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

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Each PEM text parsed once per process (the bundled roots are the same strings in every store). */
const parsedPems = new Map<string, X509Certificate[]>();
function parsedPem(pem: string): X509Certificate[] {
  let certs = parsedPems.get(pem);
  if (!certs) {
    certs = (pem.match(PEM_BLOCK) ?? []).flatMap((block) => {
      try {
        return [new X509Certificate(block)];
      } catch {
        return []; // OpenSSL's store skips what it cannot parse too
      }
    });
    parsedPems.set(pem, certs);
  }
  return certs;
}

/** Per trust store: its certificates parsed (on first need), and the store's part of a chain by the last certificate the peer sent. */
interface StoreIndex {
  certs: X509Certificate[] | null;
  tails: Map<string, X509Certificate[]>;
}
const storeIndexes = new WeakMap<TrustStore, StoreIndex>();

function storeIssuersFor(trust: TrustStore): (cert: X509Certificate) => readonly X509Certificate[] {
  let index = storeIndexes.get(trust);
  if (!index) {
    index = { certs: null, tails: new Map() };
    storeIndexes.set(trust, index);
  }
  const ix = index;
  return (cert) => {
    const hit = ix.tails.get(cert.fingerprint256);
    if (hit) return hit;
    ix.certs ??= trust.pems.flatMap(parsedPem);
    const tail = storeTail(cert, ix.certs);
    ix.tails.set(cert.fingerprint256, tail);
    if (ix.tails.size > 512) {
      const oldest = ix.tails.keys().next().value;
      if (oldest !== undefined) ix.tails.delete(oldest);
    }
    return tail;
  };
}

/**
 * Node's onConnectSecure calls \`this.getPeerCertificate(true)\` on every verified handshake only to
 * hand the result to checkServerIdentity, which tekser replaces with a no-op (describeHandshake
 * checks the name itself, from the same fields). That detailed chain was ~0.4 ms per handshake.
 * This shadows the method on this one socket until the handshake has settled (the returned function
 * removes the shadow, so later callers get Node's method); the verify result (\`authorized\`,
 * \`authorizationError\`) does not depend on it. tls.test.ts checks that a wrong name still fails
 * with the same failure and class, and that the socket handed on has Node's own method.
 */
function skipUnusedDetailedChain(sock: TLSSocket): () => void {
  Object.defineProperty(sock, 'getPeerCertificate', { configurable: true, writable: true, value: () => ({}) });
  return () => {
    delete (sock as { getPeerCertificate?: unknown }).getPeerCertificate;
  };
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
  const opened = openTls(raw, serverName, opts);
  if (!opened.tlsSock) {
    raw.destroy();
    return { observation: { ...empty, failure: classifyError(opened.error), t0, t: opts.clock.now() }, socket: null };
  }
  return awaitHandshake(raw, opened.tlsSock, opened.restore, { ip, port, serverName, t0, empty }, opts);
}

/** Starts TLS over `raw`: the chain is recorded whatever it is, and the name checked on its own (in describeHandshake). */
function openTls(raw: Socket, serverName: string | null, opts: TlsOptions): { tlsSock: TLSSocket; restore: () => void } | { tlsSock: null; error: unknown } {
  try {
    const tlsSock = connect({
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
      checkServerIdentity: () => undefined,
    });
    return { tlsSock, restore: skipUnusedDetailedChain(tlsSock) };
  } catch (error) {
    return { tlsSock: null, error };
  }
}

/** The handshake's end: done (the chain described), failed, closed, timed out or interrupted; the socket kept only when asked and it validated. */
function awaitHandshake(
  raw: Socket,
  tlsSock: TLSSocket,
  restore: () => void,
  at: { ip: string; port: number; serverName: string | null; t0: number; empty: Omit<TlsHandshakeObservation, 'failure' | 't0' | 't'> },
  opts: TlsOptions,
): Promise<{ observation: TlsHandshakeObservation; socket: TLSSocket | null }> {
  const { ip, port, serverName, t0, empty } = at;
  return new Promise((resolve) => {
    let settled = false;
    let stopWaiting = (): void => {};
    const settle = (observation: TlsHandshakeObservation, keep: boolean): void => {
      if (settled) return;
      settled = true;
      restore();
      clearTimeout(timer);
      stopWaiting();
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
    stopWaiting = whenAborted(opts.signal, () => settle({ ...empty, failure: FAILURES.interrupted, t0, t: opts.clock.now() }, false));
    tlsSock.once('secureConnect', () => {
      let observation: TlsHandshakeObservation;
      try {
        restore();
        observation = describeHandshake(tlsSock, opts.trust, ip, port, serverName, opts.verifyName ?? serverName, t0, opts.clock.now());
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

/** The observation of a completed handshake: the chain as Node would describe it, each certificate parsed once per run. */
function describeHandshake(tlsSock: TLSSocket, trust: TrustStore, ip: string, port: number, serverName: string | null, expectedName: string | null, t0: number, t: number): TlsHandshakeObservation {
  const certs = assembleChain(peerSentCertificates(tlsSock.getPeerX509Certificate()), storeIssuersFor(trust));
  const chain = certs.map((c) => certificateCache.info(c.fingerprint256, c.raw, c));
  const leaf = certs[0];
  const chainTrusted = tlsSock.authorized;
  const chainError = tlsSock.authorizationError ? String(tlsSock.authorizationError) : null;
  let hostnameMatches: boolean | null = null;
  if (expectedName) hostnameMatches = leaf ? checkServerIdentity(expectedName, identityFields(leaf) as PeerCertificate) === undefined : false;
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
