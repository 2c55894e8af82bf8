import { ConnectError } from '../errors.ts';
import { certificateFailureOfCode, FAILURES, unknownFailure } from '../model/failure.ts';

/**
 * Maps every network error to the one vocabulary of failure strings (src/model/failure.ts, OONI's df-007 / netxlite names), so
 * that analysis, reports and OONI export all speak the same words. Never a raw exception.
 */
const BY_CODE: Record<string, string> = {
  ETIMEDOUT: FAILURES.timeout,
  ETIMEOUT: FAILURES.timeout,
  ABORT_ERR: FAILURES.timeout,
  TimeoutError: FAILURES.timeout,
  UND_ERR_CONNECT_TIMEOUT: FAILURES.timeout,
  UND_ERR_HEADERS_TIMEOUT: FAILURES.timeout,
  UND_ERR_BODY_TIMEOUT: FAILURES.timeout,
  ECONNREFUSED: FAILURES.refused,
  ECONNRESET: FAILURES.reset,
  EPIPE: FAILURES.reset,
  UND_ERR_SOCKET: FAILURES.eof,
  ECONNABORTED: FAILURES.aborted,
  EHOSTUNREACH: FAILURES.hostUnreachable,
  ENETUNREACH: FAILURES.networkUnreachable,
  ENETDOWN: FAILURES.networkDown,
  EADDRNOTAVAIL: FAILURES.addressNotAvailable,
  EAFNOSUPPORT: FAILURES.addressFamilyNotSupported,
  EACCES: FAILURES.permissionDenied,
  EPERM: FAILURES.permissionDenied,
  ENOTFOUND: FAILURES.nxdomain,
  ENODATA: FAILURES.noAnswer,
  ESERVFAIL: FAILURES.servfail,
  EREFUSED: FAILURES.refusedDns,
  EBADRESP: FAILURES.dnsMisbehaving,
  EAI_AGAIN: FAILURES.dnsTemporary,
  ERR_SSL_WRONG_VERSION_NUMBER: FAILURES.failedHandshake,
  UND_ERR_ABORTED: FAILURES.interrupted,
  // Certificate codes: one table in model/failure.ts gives both the class and the failure string.
};



const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\b/gi;

/** Hides addresses in free text: an unknown error must never leak the prober's own IP. */
export function scrubAddresses(text: string): string {
  return text.replace(IPV4, '[scrubbed]').replace(IPV6, '[scrubbed]');
}

/** Maps any error from node:net, node:tls, node:dns, dgram or undici to a failure string. */
export function classifyError(err: unknown): string {
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown; failure?: unknown } | null;
  if (!e) return unknownFailure('null');
  // Our own connectors (net/dispatcher.ts) fail with the failure already classified.
  if (err instanceof ConnectError) return err.failure;
  const message = String(e.message ?? '');
  // A FIN during the handshake surfaces as ECONNRESET with this message: it is an EOF, not a RST.
  if (e.code === 'ECONNRESET' && /socket disconnected before secure TLS connection/i.test(message)) return FAILURES.eof;
  if (e.code === 'UND_ERR_SOCKET' && /other side closed/i.test(message)) return FAILURES.eof;
  const byCode = (e.code && (BY_CODE[e.code] ?? certificateFailureOfCode(e.code))) || (e.name && BY_CODE[e.name]);
  if (byCode) return byCode;
  if (typeof e.code === 'string' && e.code.startsWith('ERR_SSL_')) return FAILURES.failedHandshake;
  if (typeof e.code === 'string' && e.code.startsWith('HPE_')) return FAILURES.httpRequestFailed;
  if (e.name === 'AbortError') return FAILURES.interrupted;
  if (e.cause && e.cause !== err) return classifyError(e.cause);
  return unknownFailure(scrubAddresses(message || String(e.code ?? e.name ?? 'error')));
}
