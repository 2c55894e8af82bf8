import type { Socket } from 'node:net';
import { checkServerIdentity, connect, createSecureContext, rootCertificates, type DetailedPeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { Clock } from './clock.ts';
import { classifyError } from './failure.ts';
import { FAILURES } from '../model/failure.ts';
import type { CertificateInfo, TlsHandshakeObservation } from '../model/observation.ts';
import { tcpConnect } from './tcp.ts';
import { certificateInfo } from './certificate.ts';

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
}

/** The chain as the peer presented it, leaf first; the issuer walk stops at a self-signed root. */
function peerChain(sock: TLSSocket): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = sock.getPeerCertificate(true);
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(certificateInfo(cert.raw));
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
    const tcp = await tcpConnect(ip, port, opts);
    if (!tcp.socket) return { observation: { ...empty, failure: tcp.observation.failure, t0, t: opts.clock.now() }, socket: null };
    socket = tcp.socket;
  }
  const raw = socket;
  return new Promise((resolve) => {
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
    let settled = false;
    const settle = (observation: TlsHandshakeObservation, keep: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      tlsSock.removeAllListeners('secureConnect');
      if (keep) {
        tlsSock.on('error', () => {});
        resolve({ observation, socket: tlsSock });
      } else {
        tlsSock.destroy();
        raw.destroy();
        resolve({ observation, socket: null });
      }
    };
    const timer = setTimeout(() => settle({ ...empty, failure: FAILURES.timeout, t0, t: opts.clock.now() }, false), opts.timeoutMs);
    tlsSock.once('secureConnect', () => {
      const chain = peerChain(tlsSock);
      const chainTrusted = tlsSock.authorized;
      const chainError = tlsSock.authorizationError ? String(tlsSock.authorizationError) : null;
      let hostnameMatches: boolean | null = null;
      const expectedName = opts.verifyName ?? serverName;
      if (expectedName) {
        const leaf = tlsSock.getPeerCertificate(false);
        hostnameMatches = leaf && leaf.raw ? checkServerIdentity(expectedName, leaf) === undefined : false;
      }
      let failure: string | null = null;
      if (!chainTrusted) failure = classifyError({ code: chainError ?? 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
      else if (hostnameMatches === false) failure = FAILURES.invalidHostname;
      const cipher = tlsSock.getCipher();
      const observation: TlsHandshakeObservation = {
        ip,
        port,
        serverName,
        failure,
        tlsVersion: tlsSock.getProtocol() ?? null,
        cipherSuite: cipher?.standardName ?? cipher?.name ?? null,
        alpn: typeof tlsSock.alpnProtocol === 'string' ? tlsSock.alpnProtocol : null,
        peerCertificates: chain,
        chainTrusted,
        chainError,
        hostnameMatches,
        t0,
        t: opts.clock.now(),
      };
      settle(observation, Boolean(opts.keepOpen) && failure === null);
    });
    tlsSock.once('error', (err) => settle({ ...empty, failure: classifyError(err), t0, t: opts.clock.now() }, false));
    tlsSock.once('close', () => settle({ ...empty, failure: FAILURES.eof, t0, t: opts.clock.now() }, false));
  });
}
