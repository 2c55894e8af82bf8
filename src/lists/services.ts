import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { splitHostPort } from '../net/endpoint.ts';
import { parseCidr } from './endpoints.ts';
import { LineCounter, parseDocument, isNode, visit, type Document } from 'yaml';
import { listProblem, type ListProblem } from './problem.ts';
import type { Message } from '../model/message.ts';
import { msg } from '../i18n/index.ts';
import type { z } from 'zod';
import { meanMessage, keyPlace } from './yaml-words.ts';
import { serviceListSchema, type ServiceList, type ServiceCheck } from '../model/service-list.ts';
import { wayEntryProblems } from './ways.ts';

export interface ServicesParse {
  list: ServiceList | null;
  problems: ListProblem[];
}

/** Alias expansions allowed when a service list is turned into data (yaml's own default, made explicit). */
export const MAX_YAML_ALIASES = 100;

function firstAliasLine(doc: Document, lc: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = lc.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/** The keys the schema allows at a path (through lists and optional values), for "did you mean". */
function keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  let node = schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown; in?: unknown } } | undefined;
  const step = (): void => {
    while (node?.def && ['optional', 'nullable', 'default', 'pipe', 'readonly'].includes(node.def.type ?? '')) node = (node.def.innerType ?? node.def.in) as typeof node;
  };
  for (const key of path) {
    step();
    node = (node?.def?.type === 'array' ? node.def.element : node?.def?.shape?.[String(key)]) as typeof node;
  }
  step();
  return Object.keys(node?.def?.shape ?? {});
}

/** A schema issue as lint problems: an unknown key at its own line with the nearest allowed key. */
function schemaIssueProblems(file: string, issue: z.core.$ZodIssue, doc: Document, lc: LineCounter, lineOf: (p: readonly PropertyKey[]) => number): ListProblem[] {
  const where = issue.path.length ? issue.path.join('.') : msg('lint.svc.top-level');
  if (issue.code !== 'unrecognized_keys') return [listProblem({ file, line: lineOf(issue.path), ruleId: 'yaml-schema', severity: 'error' }, msg('lint.svc.at', { where, problem: issue.message.replace(/^Invalid input: /, '') }))];
  const path = issue.path as (string | number)[];
  return issue.keys.map((key) =>
    listProblem(
      { file, line: keyPlace(doc, lc, path, key)?.line ?? lineOf(path), ruleId: 'yaml-schema', severity: 'error' },
      msg('lint.svc.not-a-key', { path: [...path, key].join('.'), mean: meanMessage(key, keysAt(serviceListSchema, path)) }),
    ),
  );
}

/** Parses and validates a service list; every problem carries the YAML line it comes from. */
export function parseServices(text: string, file: string): ServicesParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const problems: ListProblem[] = [];
  for (const err of doc.errors) {
    const pos = err.linePos?.[0];
    problems.push(listProblem({ file, line: pos?.line ?? 1, ...(pos ? { column: pos.col } : {}), ruleId: 'yaml-syntax', severity: 'error' }, msg('lint.yaml-syntax', { detail: (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') })));
  }
  if (problems.length > 0) return { list: null, problems };

  const lineOf = (path: readonly PropertyKey[]): number => lineOfPath(doc, lineCounter, path);
  let plain: unknown;
  try {
    plain = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    // yaml throws a ReferenceError when aliases expand past the cap (a "billion laughs" document).
    if (!(err instanceof ReferenceError)) throw err;
    return { list: null, problems: [listProblem({ file, line: firstAliasLine(doc, lineCounter), ruleId: 'yaml-syntax', severity: 'error' }, msg('lint.svc.aliases', { max: MAX_YAML_ALIASES }))] };
  }
  if (plain === null || plain === undefined) {
    return { list: null, problems: [listProblem({ file, line: 1, ruleId: 'yaml-schema', severity: 'error' }, msg('lint.svc.empty', { first: 'version: 1', second: 'services:', section: 'Service lists' }))] };
  }
  const result = serviceListSchema.safeParse(plain);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...schemaIssueProblems(file, issue, doc, lineCounter, lineOf));
    return { list: null, problems: sortByLine(problems) };
  }
  const list = result.data;
  for (const p of semanticProblems(list, file, lineOf)) problems.push(p);
  // The ways out (what still works): what the schema cannot say about each probe.
  for (const p of wayEntryProblems(list.ways ?? [])) problems.push(listProblem({ file, line: lineOf(p.path), ruleId: 'yaml-schema', severity: 'error' }, msg('lint.svc.at', { where: p.path.join('.'), problem: p.message })));
  return { list: problems.some((p) => p.severity === 'error') ? null : list, problems: sortByLine(problems) };
}

function semanticProblems(list: ServiceList, file: string, lineOf: (p: readonly PropertyKey[]) => number): ListProblem[] {
  const out: ListProblem[] = [];
  const err = (path: PropertyKey[], problem: Message): void => {
    out.push(listProblem({ file, line: lineOf(path), ruleId: 'yaml-schema', severity: 'error' }, msg('lint.svc.at', { where: path.join('.'), problem })));
  };
  const seen = new Set<string>();
  list.services.forEach((svc, si) => {
    if (seen.has(svc.id)) err(['services', si, 'id'], msg('lint.svc.duplicate-service', { id: svc.id }));
    seen.add(svc.id);
    for (const [name, pem] of Object.entries(svc.cas ?? {})) {
      try {
        new X509Certificate(pem);
      } catch {
        err(['services', si, 'cas', name], msg('lint.svc.ca-not-pem', { name }));
      }
    }
    const checkIds = new Set<string>();
    svc.checks.forEach((check, ci) => {
      const at = ['services', si, 'checks', ci];
      if (checkIds.has(check.id)) err([...at, 'id'], msg('lint.svc.duplicate-check', { id: check.id }));
      checkIds.add(check.id);
      for (const name of check.pinned_cas ?? []) {
        if (!svc.cas?.[name]) err([...at, 'pinned_cas'], msg('lint.svc.pinned-undefined', { name, cas: 'cas' }));
      }
      if (check.public_roots === false && !(check.pinned_cas ?? []).length) {
        err([...at, 'public_roots'], msg('lint.svc.no-roots'));
      }
      check.endpoints.forEach((ep, ei) => {
        const problem = endpointProblem(check, ep);
        if (problem) err([...at, 'endpoints', ei], problem);
      });
      (check.expect_prefixes ?? []).forEach((cidr, pi) => {
        if (!parseCidr(cidr)) err([...at, 'expect_prefixes', pi], msg('lint.svc.not-cidr', { cidr }));
      });
    });
  });
  return out;
}

const HOST_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]\.?$/i;

function endpointProblem(check: ServiceCheck, ep: string): Message | null {
  if (check.protocol === 'https' || check.protocol === 'http-post') {
    let url: URL;
    try {
      url = new URL(ep);
    } catch {
      return msg('lint.svc.ep-not-url', { ep, protocol: check.protocol });
    }
    const want = check.protocol === 'https' ? 'https:' : 'http:';
    return url.protocol === want ? null : msg('lint.svc.ep-scheme', { ep, want, protocol: check.protocol });
  }
  const { host, port } = splitHostPort(ep);
  if (!host || (!isIP(host) && !HOST_RE.test(host))) return msg('lint.svc.ep-not-host', { ep });
  if (check.protocol === 'dns') return isIP(host) ? msg('lint.svc.ep-dns-ip', { ep }) : null;
  if (port === null && !check.ports) return msg('lint.svc.ep-no-port', { ep, ports: 'ports' });
  return null;
}

export { parseCidr, prefixMatcher } from './endpoints.ts';
export { splitHostPort } from '../net/endpoint.ts';

function lineOfPath(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number {
  // Walk up the path until a node with a source range exists (a missing key points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

function sortByLine(ps: ListProblem[]): ListProblem[] {
  return ps.sort((a, b) => a.line - b.line || a.message.localeCompare(b.message));
}
