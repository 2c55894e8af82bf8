import type { WebMeasurement } from '../model/measurement.ts';
import type { WebTarget } from '../model/target.ts';
import { urlEndpoint } from '../net/endpoint.ts';

/** A web measurement with nothing observed yet: the shape a deadline-cut measurement reports. */
export function emptyWebMeasurement(target: WebTarget, localResolver: string, startedAt: string, runtime: number): WebMeasurement {
  const { host, port } = urlEndpoint(new URL(target.url));
  return {
    target,
    startedAt,
    runtime,
    hostname: host,
    port,
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
