import type { HttpObservation } from './observation.ts';
import type { ServiceResult, TargetResult, TargetResultJson, WebResult, WebResultJson } from './run.ts';
import { RUN_SCHEMA_ID } from './values.ts';

/**
 * The one codec of a result line (a line of measurements.jsonl, of `--format jsonl`, an element of a
 * JSON document's results): `encodeResult` writes a TargetResult in its JSON form, and
 * `decodeResult` (model/codec-decode.ts, beside it) reads that form back onto the model, field for
 * field. They are two files so the writer loads no zod: this half is imported by the run path
 * before its first queries (test/startup.test.ts); the decoder checks its input with the model's
 * schemas. Page bodies are left out unless asked for (they can echo the prober's own address);
 * their SHA-256 is always written, by the digest the caller passes (model/ does no hashing).
 */

export interface EncodeOptions {
  /** Page bodies can echo the prober's own address: left out unless asked for. */
  includeBodies: boolean;
}

/** SHA-256 of a page body, hex. */
export type BodyDigest = (body: string) => string;

export type HttpJson = WebResultJson['measurement']['http'][number];

/** An HTTP hop as written: the body's digest, and the body only when asked for. */
export function encodeHttp(h: HttpObservation, opts: EncodeOptions, digest: BodyDigest): HttpJson {
  const { body, ...rest } = h;
  return {
    ...rest,
    // A hop read back without its body (a run saved without --include-bodies) has no body to hash: null, never the hash of ''.
    bodySha256: h.failure === null && !(body === '' && h.bodyLength > 0) ? digest(body) : null,
    ...(opts.includeBodies ? { body } : {}),
  };
}

function encodeService(r: ServiceResult, opts: EncodeOptions, digest: BodyDigest): TargetResultJson {
  const m = r.measurement;
  const svc = r.target.service;
  return {
    schema: RUN_SCHEMA_ID,
    target: { kind: 'service', url: r.target.url, id: svc.id, name: svc.name, serviceKind: svc.kind, source: r.target.source },
    verdict: r.verdict,
    measurement: {
      startedAt: m.startedAt,
      runtime: m.runtime,
      localResolver: m.localResolver,
      controlAnswered: m.controlAnswered,
      deadlineExceeded: m.deadlineExceeded,
      checks: m.checks.map((c) => ({ checkId: c.checkId, attempts: c.attempts.map((a) => ({ ...a, http: a.http ? encodeHttp(a.http, opts, digest) : null })) })),
    },
  };
}

function encodeWeb(r: WebResult, opts: EncodeOptions, digest: BodyDigest): TargetResultJson {
  const m = r.measurement;
  return {
    schema: RUN_SCHEMA_ID,
    target: r.target,
    verdict: r.verdict,
    measurement: {
      startedAt: m.startedAt,
      runtime: m.runtime,
      hostname: m.hostname,
      port: m.port,
      localResolver: m.localResolver,
      dns: m.dns,
      addresses: m.addresses,
      tcp: m.tcp,
      tls: m.tls,
      http: m.http.map((h) => encodeHttp(h, opts, digest)),
      redirectDns: m.redirectDns,
      helper: m.helper,
      controlRecheck: m.controlRecheck,
      sniProbes: m.sniProbes,
      deadlineExceeded: m.deadlineExceeded,
      ...(m.throughput ? { throughput: m.throughput } : {}),
    },
  };
}

/** A result in its JSON line form. */
export function encodeResult(r: TargetResult, opts: EncodeOptions, digest: BodyDigest): TargetResultJson {
  return r.target.kind === 'service' ? encodeService(r as ServiceResult, opts, digest) : encodeWeb(r as WebResult, opts, digest);
}
