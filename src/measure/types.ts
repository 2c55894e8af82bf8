import type { Service } from '../lists/services-schema.ts';
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
  helper: { url: string; response: HelperResponse | null; failure: string | null; attempts?: { url: string; failure: string | null; t0: number; t: number }[] } | null;
  /** Control lookups repeated right after a failure: a control that fails now says the network, not the site, broke. */
  controlRecheck: DnsObservation[];
  /**
   * After a handshake with the target's SNI failed: the same address with a harmless SNI and with none,
   * and (with --sni-probe-host) the target's SNI sent to a neutral server, plus the harmless SNI there.
   */
  sniProbes: SniProbe[];
  /** Set when the whole-target deadline cut the measurement short. */
  deadlineExceeded: boolean;
}

export interface SniProbe {
  kind: 'same-ip-harmless-sni' | 'same-ip-no-sni' | 'neutral-host-target-sni' | 'neutral-host-harmless-sni';
  handshake: TlsHandshakeObservation;
}


/** A messenger or circumvention service from a YAML service list. */
export interface ServiceTarget {
  kind: 'service';
  service: Service;
  /** `service:<id>`: how the service is named in reports and deduplicated. */
  url: string;
  source: string;
}

export type Target = WebTarget | ServiceTarget;

/** One attempt at one endpoint: a host on one port, a URL, or a name to resolve. */
export interface EndpointAttempt {
  /** The endpoint as the list names it (host, host:port, URL): attempts with the same label are one endpoint. */
  label: string;
  host: string;
  port: number | null;
  dns: { local: DnsObservation[]; control: DnsObservation[] } | null;
  tcp: TcpConnectObservation[];
  tls: TlsHandshakeObservation[];
  http: HttpObservation | null;
}

export interface CheckMeasurement {
  checkId: string;
  attempts: EndpointAttempt[];
}

export interface ServiceMeasurement {
  target: ServiceTarget;
  startedAt: string;
  runtime: number;
  localResolver: string;
  checks: CheckMeasurement[];
  /** Whether the control resolver answered anything; null when the service needed no DNS. */
  controlAnswered: boolean | null;
  deadlineExceeded: boolean;
}

/** A web measurement with nothing observed yet: the shape a deadline-cut measurement reports. */
export function emptyWebMeasurement(target: WebTarget, localResolver: string, startedAt: string, runtime: number): WebMeasurement {
  const url = new URL(target.url);
  return {
    target,
    startedAt,
    runtime,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    localResolver,
    dns: { local: [], control: [] },
    addresses: [],
    tcp: [],
    tls: [],
    http: [],
    redirectDns: [],
    helper: null,
    controlRecheck: [],
    sniProbes: [],
    deadlineExceeded: false,
  };
}
