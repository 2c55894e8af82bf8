import type { Dispatcher } from 'undici';
import { loadUndici } from '../net/undici.ts';
import type { Clock } from '../net/clock.ts';
import { classifyError } from '../net/failure.ts';
import { FAILURES } from '../model/failure.ts';
import { BROWSER_HEADERS } from '../net/http.ts';
import { HELPER_TOKEN_ENV, HELPER_TOKEN_HEADER } from './token.ts';
import type { HelperResponse } from '../model/control.ts';

/** One call to one helper: which, how it ended, when (seconds on the target's clock). */
export interface HelperAttempt {
  url: string;
  failure: string | null;
  t0: number;
  t: number;
}

export interface HelperCallResult {
  url: string;
  response: HelperResponse | null;
  failure: string | null;
  /** Every helper tried, in the order started (failover), with its failure. */
  attempts?: HelperAttempt[];
}

export interface HelperCallOptions {
  timeoutMs: number;
  dispatcher?: Dispatcher;
  signal?: AbortSignal;
  token?: string;
}

/** Asks the control helper to measure the URL from outside; failures are values, never thrown. */
export async function queryHelper(helperUrl: string, targetUrl: string, endpoints: readonly string[], opts: HelperCallOptions): Promise<HelperCallResult> {
  if (opts.signal?.aborted) return { url: helperUrl, response: null, failure: FAILURES.interrupted };
  // undici and the response schema (zod) load on the first helper call, not at start-up.
  const [{ request }, { helperResponseSchema }] = await Promise.all([loadUndici(), import('../model/control.ts')]);
  // The helper's optional shared token (see `tekser helper --token`): one header, nothing else.
  const token = opts.token ?? process.env[HELPER_TOKEN_ENV];
  try {
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const res = await request(helperUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ooniprobe-tekser/0', ...(token ? { [HELPER_TOKEN_HEADER]: `Bearer ${token}` } : {}) },
      body: JSON.stringify({
        http_request: targetUrl,
        http_request_headers: Object.fromEntries(Object.entries(BROWSER_HEADERS).map(([k, v]) => [k, [v]])),
        tcp_connect: endpoints,
      }),
      signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) return { url: helperUrl, response: null, failure: `http_unexpected_status_code` };
    const parsed = helperResponseSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { url: helperUrl, response: null, failure: FAILURES.jsonParse };
    return { url: helperUrl, response: parsed.data, failure: null };
  } catch (err) {
    if (opts.signal?.aborted) return { url: helperUrl, response: null, failure: FAILURES.interrupted };
    return { url: helperUrl, response: null, failure: err instanceof SyntaxError ? FAILURES.jsonParse : classifyError(err) };
  }
}

/** OONI's rule: the next helper starts when the previous one has not answered within 15 s. */
export const HELPER_FAILOVER_MS = 15_000;

/**
 * Asks the helpers in order: the next starts when the previous fails, or has not answered within
 * `failoverMs` (then both race; the first good answer wins and the others are cancelled). Every
 * attempt is recorded with its failure. `call` is injectable for tests.
 */
export async function queryHelpers(
  helperUrls: readonly string[],
  targetUrl: string,
  endpoints: readonly string[],
  opts: HelperCallOptions & { clock: Clock; failoverMs?: number; call?: typeof queryHelper },
): Promise<HelperCallResult | null> {
  if (helperUrls.length === 0) return null;
  const call = opts.call ?? queryHelper;
  const failoverMs = opts.failoverMs ?? HELPER_FAILOVER_MS;
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  const attempts: HelperAttempt[] = [];
  const results: HelperCallResult[] = [];
  return new Promise((resolve) => {
    let started = 0;
    let running = 0;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (winner: HelperCallResult | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop.abort();
      const last = winner ?? results.at(-1) ?? { url: helperUrls[0] as string, response: null, failure: FAILURES.interrupted };
      // Attempts still running when another won were cancelled: say so rather than leave them open.
      for (const a of attempts) if (a.failure === null && a.url !== winner?.url && a.t === -1) a.failure = FAILURES.interrupted;
      for (const a of attempts) if (a.t === -1) a.t = opts.clock.now();
      resolve({ ...last, attempts });
    };
    const startNext = (): void => {
      clearTimeout(timer);
      if (done || started >= helperUrls.length || signal.aborted) {
        if (running === 0) finish(null);
        return;
      }
      const url = helperUrls[started++] as string;
      const attempt: HelperAttempt = { url, failure: null, t0: opts.clock.now(), t: -1 };
      attempts.push(attempt);
      running++;
      if (started < helperUrls.length) timer = setTimeout(startNext, failoverMs);
      void call(url, targetUrl, endpoints, { timeoutMs: opts.timeoutMs, ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}), signal }).then((r) => {
        running--;
        if (done) return;
        attempt.t = opts.clock.now();
        attempt.failure = r.failure;
        results.push(r);
        if (r.failure === null) return finish(r);
        startNext();
      });
    };
    startNext();
  });
}

/** Where a helper with an IP-to-AS table sees this machine: its AS and country, never the address. */
export type HelperNetwork = { asn: string | null; cc: string | null } | { problem: string };

/** Asks a helper's GET /network; a failure is a value (in words), never thrown. */
export async function helperNetwork(helperUrl: string, opts: { timeoutMs: number; token?: string }): Promise<HelperNetwork> {
  const { request } = await loadUndici();
  const token = opts.token ?? process.env[HELPER_TOKEN_ENV];
  try {
    const url = new URL('network', helperUrl.endsWith('/') ? helperUrl : `${helperUrl}/`);
    const res = await request(url, { method: 'GET', headers: token ? { [HELPER_TOKEN_HEADER]: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(opts.timeoutMs), headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs });
    const body = (await res.body.json().catch(() => null)) as { asn?: unknown; cc?: unknown; error?: unknown } | null;
    if (res.statusCode !== 200) return { problem: typeof body?.error === 'string' ? body.error : `HTTP ${res.statusCode}` };
    const asn = typeof body?.asn === 'string' && /^AS[1-9]\d{0,9}$/.test(body.asn) ? body.asn : null;
    const cc = typeof body?.cc === 'string' && /^[A-Z]{2}$/.test(body.cc) ? body.cc : null;
    return { asn, cc };
  } catch (err) {
    return { problem: classifyError(err) };
  }
}

/** Where a helper's throughput reference is (its port and size), or why there is none (in words). */
export type HelperReference = { port: number; bytes: number } | { problem: string };

/** Asks a helper's GET /reference; a failure is a value, never thrown. */
export async function helperReference(helperUrl: string, opts: { timeoutMs: number; token?: string; signal?: AbortSignal }): Promise<HelperReference> {
  const [{ request }, { referenceInfoSchema }] = await Promise.all([loadUndici(), import('./protocol.ts')]);
  const token = opts.token ?? process.env[HELPER_TOKEN_ENV];
  try {
    const url = new URL('reference', helperUrl.endsWith('/') ? helperUrl : `${helperUrl}/`);
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const res = await request(url, { method: 'GET', headers: token ? { [HELPER_TOKEN_HEADER]: `Bearer ${token}` } : {}, signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs });
    const body: unknown = await res.body.json().catch(() => null);
    if (res.statusCode !== 200) return { problem: `the helper serves no throughput reference (HTTP ${res.statusCode})` };
    const parsed = referenceInfoSchema.safeParse(body);
    return parsed.success ? parsed.data : { problem: 'the helper answered GET /reference with something else than its port and size' };
  } catch (err) {
    return { problem: opts.signal?.aborted ? FAILURES.interrupted : classifyError(err) };
  }
}
