import { helperResponseSchema } from '../model/control.ts';
import type { Service } from '../model/service-list.ts';
import type { ServiceMeasurement, WebMeasurement } from '../model/measurement.ts';
import type { HttpObservation } from '../model/observation.ts';
import { targetResultSchema, type ServiceResultJson, type TargetResultJson, type WebResultJson } from '../model/run.ts';

/**
 * tekser's own stored results (a line of measurements.jsonl, or of `--format jsonl`) back onto the
 * model, so a run can be re-analysed when the rules improve. What a stored line leaves out — page
 * bodies, unless the run was saved with --include-bodies — is named in `lacks`.
 */

export type StoredItem =
  | { kind: 'web'; measurement: WebMeasurement; previous: TargetResultJson['verdict']; lacks: string[] }
  | { kind: 'service'; measurement: ServiceMeasurement; previous: TargetResultJson['verdict']; lacks: string[] }
  | { kind: 'skipped'; label: string; reason: string };

/** Whether a JSON value looks like one of tekser's result lines (not an OONI measurement). */
export function isStoredResult(v: unknown): boolean {
  const o = v as Record<string, unknown> | null;
  return o !== null && typeof o === 'object' && typeof o.schema === 'string' && o.schema.startsWith('tekser/run/') && 'measurement' in o;
}

/** Whether a JSON value is a run-summary line (skipped quietly: it is re-made). */
export function isRunSummaryLine(v: unknown): boolean {
  const o = v as Record<string, unknown> | null;
  return o !== null && typeof o === 'object' && o.type === 'run-summary';
}

function hop(h: WebResultJson['measurement']['http'][number], lacks: Set<string>): HttpObservation {
  const { bodySha256: _sha, body, ...rest } = h;
  if (body === undefined && h.failure === null && h.status !== null && h.bodyLength > 0) lacks.add('page bodies (the run was saved without --include-bodies)');
  return { ...rest, body: body ?? '' };
}

export function storedToModel(value: unknown, source: string, services: (id: string) => Service | null): StoredItem | { error: string } {
  const parsed = targetResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `not a tekser result line (${issue?.path.join('.') || 'top level'}: ${issue?.message})` };
  }
  const r = parsed.data;
  const lacks = new Set<string>();
  if (r.target.kind === 'service') {
    const t = r.target as ServiceResultJson['target'];
    const service = services(t.id);
    if (!service) return { kind: 'skipped', label: t.name, reason: `service "${t.id}" is in none of the shipped service lists` };
    const m = (r as ServiceResultJson).measurement;
    const measurement: ServiceMeasurement = {
      target: { kind: 'service', service, url: t.url, source: t.source || source },
      startedAt: m.startedAt,
      runtime: m.runtime,
      localResolver: m.localResolver,
      controlAnswered: m.controlAnswered,
      deadlineExceeded: m.deadlineExceeded,
      checks: m.checks.map((c) => ({
        checkId: c.checkId,
        attempts: c.attempts.map((a) => ({ ...a, dns: a.dns as ServiceMeasurement['checks'][number]['attempts'][number]['dns'], http: a.http ? hop(a.http, lacks) : null })),
      })),
    };
    return { kind: 'service', measurement, previous: r.verdict, lacks: [...lacks] };
  }
  const w = r as WebResultJson;
  const m = w.measurement;
  const helper = m.helper ? { url: m.helper.url, failure: m.helper.failure, response: m.helper.response ? (helperResponseSchema.safeParse(m.helper.response).data ?? null) : null } : null;
  const measurement: WebMeasurement = {
    target: w.target,
    startedAt: m.startedAt,
    runtime: m.runtime,
    hostname: m.hostname,
    port: m.port,
    localResolver: m.localResolver,
    dns: m.dns as WebMeasurement['dns'],
    addresses: m.addresses,
    tcp: m.tcp,
    tls: m.tls,
    http: m.http.map((h) => hop(h, lacks)),
    redirectDns: m.redirectDns as WebMeasurement['redirectDns'],
    helper,
    controlRecheck: m.controlRecheck as WebMeasurement['controlRecheck'],
    sniProbes: m.sniProbes,
    deadlineExceeded: m.deadlineExceeded,
  };
  return { kind: 'web', measurement, previous: r.verdict, lacks: [...lacks] };
}
