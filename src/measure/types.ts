import type { DnsObservation, HttpObservation, TcpConnectObservation, TlsHandshakeObservation } from '../net/observations.ts';
import type { HelperResponse } from '../helper/protocol.ts';

/** A URL to test, with where it came from. */
export interface WebTarget {
  kind: 'web';
  url: string;
  category: string | null;
  /** The list file and line it came from, or "command line". */
  source: string;
}

export type AddressSource = 'local' | 'control' | 'helper';

export interface AddressInfo {
  ip: string;
  sources: AddressSource[];
  /** Loopback/unspecified answers are never dialled (they would probe this machine). */
  skipped: 'loopback' | null;
}

/** Everything measured for one web target; the analysis reads only this. */
export interface WebMeasurement {
  target: WebTarget;
  startedAt: string;
  runtime: number;
  hostname: string;
  port: number;
  localResolver: string;
  dns: { local: DnsObservation[]; control: DnsObservation[] };
  addresses: AddressInfo[];
  tcp: TcpConnectObservation[];
  /** Handshakes to every address (https targets, and on 443 to validate unknown addresses of http targets). */
  tls: TlsHandshakeObservation[];
  /** The fetch, hop by hop (first request first). */
  http: HttpObservation[];
  /** DNS done for redirect hops to other hosts. */
  redirectDns: DnsObservation[];
  helper: { url: string; response: HelperResponse | null; failure: string | null } | null;
  /** Set when the whole-target deadline cut the measurement short. */
  deadlineExceeded: boolean;
}
