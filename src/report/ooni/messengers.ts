import type { CheckVerdict } from '../../model/verdict.ts';
import type { RunRecord, ServiceResultJson } from '../../model/run.ts';
import { base, type OoniNetwork } from './base.ts';
import { handshake, queries, request, tcpConnect, type Json } from './events.ts';

/**
 * Messengers as OONI's whatsapp (ts-018), telegram (ts-020), signal (ts-029) and
 * facebook_messenger (ts-019). Each key follows tekser's verdict for the check it speaks for:
 * "ok"/false only where tekser found that part reachable, "blocked"/true where it found it blocked,
 * null where it could not tell (a shutdown with the control unreachable too). Failure keys carry the
 * failure tekser saw, whatever the verdict.
 */

type Verdict = ServiceResultJson['verdict'];
type Attempt = ServiceResultJson['measurement']['checks'][number]['attempts'][number];

const isBlocked = (c: CheckVerdict | undefined): boolean => c?.status === 'blocked' || c?.status === 'partially blocked';

export function checkOf(v: Verdict, id: string): CheckVerdict | undefined {
  return v.checks?.find((c) => c.id === id);
}

/** "ok", "blocked", or null when tekser's verdict for the check is neither accessible nor blocked. */
export function statusKey(c: CheckVerdict | undefined): 'ok' | 'blocked' | null {
  if (c?.status === 'accessible') return 'ok';
  return isBlocked(c) ? 'blocked' : null;
}

/** true when blocked, false when accessible, null otherwise. */
export function blockingFlag(c: CheckVerdict | undefined): boolean | null {
  if (c?.status === 'accessible') return false;
  return isBlocked(c) ? true : null;
}

/** The first failure tekser saw at an endpoint of the check that did not work. */
export function failureKey(c: CheckVerdict | undefined): string | null {
  return c?.endpoints.find((e) => e.status !== 'ok' && e.failure !== null)?.failure ?? null;
}

function attemptsOf(r: ServiceResultJson, checkId?: string): Attempt[] {
  return r.measurement.checks.filter((c) => checkId === undefined || c.checkId === checkId).flatMap((c) => c.attempts);
}

/** The urlgetter keys every messenger nettest writes: the raw observations, and failed_operation/failure (null: they describe a single fetch, as in OONI's multi-endpoint nettests). */
function urlgetterKeys(r: ServiceResultJson, includeBodies: boolean): Json {
  const attempts = attemptsOf(r);
  return {
    agent: 'redirect',
    failed_operation: null,
    failure: null,
    queries: attempts.flatMap((a) => (a.dns ? queries(a.dns.local, []) : [])),
    x_tekser_control_queries: attempts.flatMap((a) => (a.dns ? queries(a.dns.control, ['control']) : [])),
    tcp_connect: tcpConnect(attempts.flatMap((a) => a.tcp)),
    tls_handshakes: attempts.flatMap((a) => a.tls.map(handshake)),
    requests: attempts.flatMap((a) => (a.http ? [request(a.http, includeBodies)] : [])),
    network_events: [],
    socksproxy: null,
  };
}

function whatsappKeys(r: ServiceResultJson): Json {
  const v = r.verdict;
  const endpoints = checkOf(v, 'endpoints');
  return {
    registration_server_failure: failureKey(checkOf(v, 'registration')),
    registration_server_status: statusKey(checkOf(v, 'registration')),
    whatsapp_endpoints_blocked: endpoints?.endpoints.filter((e) => e.status === 'blocked').map((e) => e.endpoint) ?? [],
    whatsapp_endpoints_dns_inconsistent: [],
    whatsapp_endpoints_status: statusKey(endpoints),
    whatsapp_web_failure: failureKey(checkOf(v, 'web')),
    whatsapp_web_status: statusKey(checkOf(v, 'web')),
  };
}

const connected = (a: Attempt): boolean => a.tcp.some((t) => t.failure === null) || (a.http !== null && (a.http.failure === null || (a.http.failedOperation !== null && a.http.failedOperation !== 'connect')));
const answered = (a: Attempt): boolean => a.http !== null && a.http.failure === null;

/**
 * OONI's telegram_tcp_blocking is false when any data centre connected, telegram_http_blocking false
 * when any answered: the same from tekser's observations, true only where tekser's verdict says
 * blocked, null where it could not tell.
 */
function telegramKeys(r: ServiceResultJson): Json {
  const dcs = checkOf(r.verdict, 'datacenters');
  const attempts = attemptsOf(r, 'datacenters');
  const flag = (worked: boolean): boolean | null => (worked ? false : isBlocked(dcs) ? true : null);
  return {
    telegram_http_blocking: flag(attempts.some(answered)),
    telegram_tcp_blocking: flag(attempts.some(connected)),
    telegram_web_failure: failureKey(checkOf(r.verdict, 'web')),
    telegram_web_status: statusKey(checkOf(r.verdict, 'web')),
  };
}

function signalKeys(r: ServiceResultJson): Json {
  const backend = checkOf(r.verdict, 'backend');
  return { signal_backend_status: statusKey(backend), signal_backend_failure: failureKey(backend) };
}

function facebookKeys(r: ServiceResultJson): Json {
  return { facebook_dns_blocking: blockingFlag(checkOf(r.verdict, 'dns')), facebook_tcp_blocking: blockingFlag(checkOf(r.verdict, 'tcp')) };
}

/** OONI's nettest for each service tekser knows, with the spec version whose keys are written. */
const NETTESTS: Record<string, { testName: string; specVersion: string; keys: (r: ServiceResultJson) => Json }> = {
  whatsapp: { testName: 'whatsapp', specVersion: '0.11.0', keys: whatsappKeys },
  telegram: { testName: 'telegram', specVersion: '0.3.1', keys: telegramKeys },
  signal: { testName: 'signal', specVersion: '0.2.5', keys: signalKeys },
  'facebook-messenger': { testName: 'facebook_messenger', specVersion: '0.2.1', keys: facebookKeys },
};

function verdictKey(v: Verdict): Json {
  return { status: v.status, method: v.method, reason: v.reason, checks: (v.checks ?? []).map((c) => ({ id: c.id, status: c.status, method: c.method })) };
}

export function messenger(r: ServiceResultJson, record: RunRecord, network: OoniNetwork, includeBodies: boolean): Json {
  const m = r.measurement;
  // No OONI nettest matches an arbitrary service: an experimental test name, as the spec allows x_ data.
  const nettest = NETTESTS[r.target.id];
  const head = { record, network, startedAt: m.startedAt, runtime: m.runtime, input: nettest ? null : r.target.url, helper: null };
  const keys = { ...urlgetterKeys(r, includeBodies), ...(nettest ? nettest.keys(r) : {}), x_tekser_verdict: verdictKey(r.verdict) };
  return base({ ...head, testName: nettest?.testName ?? 'x_tekser_service', specVersion: nettest?.specVersion ?? '0.1.0' }, keys);
}
