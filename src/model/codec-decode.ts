import { helperResponseSchema } from './control.ts';
import type { HttpJson } from './codec.ts';
import type { ServiceMeasurement, WebMeasurement } from './measurement.ts';
import type { HttpObservation } from './observation.ts';
import { targetResultSchema, type ServiceResultJson, type TargetResultJson, type WebResultJson } from './run.ts';
import type { Service } from './service-list.ts';

/**
 * The reading half of the result-line codec (model/codec.ts writes): a JSON line, checked with the
 * model's schemas, back onto the model, field for field. What a line leaves out — page bodies,
 * unless the run was saved with --include-bodies — is named in `lacks`.
 */

export type DecodedResult =
  | { kind: 'web'; measurement: WebMeasurement; previous: TargetResultJson['verdict']; lacks: string[] }
  | { kind: 'service'; measurement: ServiceMeasurement; previous: TargetResultJson['verdict']; lacks: string[] }
  | { kind: 'skipped'; label: string; reason: string };

/** An HTTP hop read back: the body as written, or '' (and noted in `lacks` when there was one). */
export function decodeHttp(h: HttpJson, lacks: Set<string>): HttpObservation {
  const { bodySha256: _sha, body, ...rest } = h;
  if (body === undefined && h.failure === null && h.status !== null && h.bodyLength > 0) lacks.add('page bodies (the run was saved without --include-bodies)');
  return { ...rest, body: body ?? '' };
}

function decodeService(r: ServiceResultJson, source: string, services: (id: string) => Service | null): DecodedResult {
  const t = r.target;
  const service = services(t.id);
  if (!service) return { kind: 'skipped', label: t.name, reason: `service "${t.id}" is in none of the shipped service lists` };
  const lacks = new Set<string>();
  const m = r.measurement;
  const measurement: ServiceMeasurement = {
    target: { kind: 'service', service, url: t.url, source: t.source || source },
    startedAt: m.startedAt,
    runtime: m.runtime,
    localResolver: m.localResolver,
    controlAnswered: m.controlAnswered,
    deadlineExceeded: m.deadlineExceeded,
    checks: m.checks.map((c) => ({
      checkId: c.checkId,
      attempts: c.attempts.map((a) => ({ ...a, dns: a.dns as ServiceMeasurement['checks'][number]['attempts'][number]['dns'], http: a.http ? decodeHttp(a.http, lacks) : null })),
    })),
  };
  return { kind: 'service', measurement, previous: r.verdict, lacks: [...lacks] };
}

function decodeWeb(r: WebResultJson): DecodedResult {
  const lacks = new Set<string>();
  const m = r.measurement;
  const helper = m.helper ? { url: m.helper.url, failure: m.helper.failure, response: m.helper.response ? (helperResponseSchema.safeParse(m.helper.response).data ?? null) : null } : null;
  const measurement: WebMeasurement = {
    target: r.target,
    startedAt: m.startedAt,
    runtime: m.runtime,
    hostname: m.hostname,
    port: m.port,
    localResolver: m.localResolver,
    dns: m.dns as WebMeasurement['dns'],
    addresses: m.addresses,
    tcp: m.tcp,
    tls: m.tls,
    http: m.http.map((h) => decodeHttp(h, lacks)),
    redirectDns: m.redirectDns as WebMeasurement['redirectDns'],
    helper,
    controlRecheck: m.controlRecheck as WebMeasurement['controlRecheck'],
    sniProbes: m.sniProbes,
    deadlineExceeded: m.deadlineExceeded,
    ...(m.throughput ? { throughput: m.throughput } : {}),
  };
  return { kind: 'web', measurement, previous: r.verdict, lacks: [...lacks] };
}

/**
 * A result line back onto the model. `source` names where it was read (a target that recorded none
 * gets it); `services` finds a service result's definition in the shipped lists. Returns an error
 * only for a value that is not a result line.
 */
export function decodeResult(value: unknown, source: string, services: (id: string) => Service | null): DecodedResult | { error: string } {
  const parsed = targetResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `not a tekser result line (${issue?.path.join('.') || 'top level'}: ${issue?.message})` };
  }
  const r = parsed.data;
  return r.target.kind === 'service' ? decodeService(r as ServiceResultJson, source, services) : decodeWeb(r as WebResultJson);
}
