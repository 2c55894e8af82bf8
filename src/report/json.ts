import { createHash } from 'node:crypto';
import type { ServiceResult, TargetResult, WebResult, RunDocument, RunSummary, TargetResultJson, WebResultJson } from '../model/run.ts';
import { RUN_SCHEMA_ID } from '../model/values.ts';
import type { Finding } from '../model/finding.ts';
import type { HttpObservation } from '../model/observation.ts';

export interface SerializeOptions {
  /** Page bodies can echo the prober's own address: left out unless asked for. */
  includeBodies: boolean;
}

function serializeHttp(h: HttpObservation, opts: SerializeOptions): WebResultJson['measurement']['http'][number] {
  const { body, ...rest } = h;
  return {
    ...rest,
    bodySha256: h.failure === null ? createHash('sha256').update(body).digest('hex') : null,
    ...(opts.includeBodies ? { body } : {}),
  };
}

export function serializeResult(r: TargetResult, opts: SerializeOptions): TargetResultJson {
  if (r.target.kind === 'service') {
    const m = (r as ServiceResult).measurement;
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
        checks: m.checks.map((c) => ({ checkId: c.checkId, attempts: c.attempts.map((a) => ({ ...a, http: a.http ? serializeHttp(a.http, opts) : null })) })),
      },
    };
  }
  const m = (r as WebResult).measurement;
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
      http: m.http.map((h) => serializeHttp(h, opts)),
      redirectDns: m.redirectDns,
      helper: m.helper,
      controlRecheck: m.controlRecheck,
      sniProbes: m.sniProbes,
      deadlineExceeded: m.deadlineExceeded,
    },
  };
}

export function summarize(results: readonly { verdict: { status: string } }[]): RunSummary {
  const count = (s: string): number => results.filter((r) => r.verdict.status === s).length;
  return {
    total: results.length,
    accessible: count('accessible'),
    blocked: count('blocked'),
    partiallyBlocked: count('partially blocked'),
    down: count('down'),
    inconclusive: count('inconclusive'),
  };
}

export function runDocument(
  results: readonly TargetResult[],
  findings: readonly Finding[],
  meta: Omit<RunDocument, 'schema' | 'summary' | 'results' | 'findings'>,
  opts: SerializeOptions,
): RunDocument {
  return { schema: RUN_SCHEMA_ID, ...meta, summary: summarize(results), findings: [...findings], results: results.map((r) => serializeResult(r, opts)) };
}
