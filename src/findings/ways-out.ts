import type { WayVerdict } from '../model/check.ts';
import type { Finding } from '../model/finding.ts';

/**
 * "What still works": the answer a person in a shutdown needs, from the way-out verdicts
 * (src/analyze/ways/). Pure. It says what works now, what is blocked and how, and, when nothing
 * tried answers, "nothing tried reaches outside" in one line.
 */

/** Evidence required: each way's verdict (works = its protocol's own answer came back; blocked = a pair proved it; unreachable = no answer, cause not proven). */
export const WAYS_OUT_EVIDENCE =
  "Each way's verdict: works only when the protocol's own answer came back (a STUN success, a Version Negotiation, a ServerHello, a server reset, a DNS answer over a trusted chain, an echo); blocked only when a pair proved it (shaped vs random bytes, ECH vs none, one name vs another at the same address); otherwise no answer from here, cause not proven.";

export const WAYS_OUT_BLIND_SPOTS =
  'A reachable bridge port is necessary, not sufficient (obfs4 and other transports were not spoken); a STUN answer does not prove the WebRTC data path to Snowflake proxies; a way that works now may be cut minutes later; a server that is down looks like one that is blocked unless a pair says otherwise.';

/** Where people get bridges when the built-in ones fail (Tor Project's documented channels). */
export const GET_BRIDGES =
  'To get bridges: https://bridges.torproject.org/ (from any way that works), an email to bridges@torproject.org from a Gmail or Riseup address, the Telegram bot @GetBridgesBot, or "Request a bridge" in Tor Browser\'s connection settings.';

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "TCP 179" → [tcp, 179]. */
function portOf(v: WayVerdict): { transport: string; port: number } | null {
  const m = /^(TCP|UDP) (\d+)/.exec(v.reason);
  return m ? { transport: m[1] ?? '', port: Number(m[2]) } : null;
}

/** "TCP 179, 3785 and 5060 and UDP 3478". */
function portsPhrase(vs: readonly WayVerdict[]): string {
  const by = new Map<string, number[]>();
  for (const v of vs) {
    const p = portOf(v);
    if (p) by.set(p.transport, [...(by.get(p.transport) ?? []), p.port]);
  }
  return listWords([...by.entries()].map(([t, ports]) => `${t} ${listWords([...new Set(ports)].sort((a, b) => a - b).map(String))}`));
}

/** "TCP 179, 3785 and 5060 and UDP 3478 reach outside; TCP 443 does not", or null without port ways. */
export function portsSentence(verdicts: readonly WayVerdict[]): string | null {
  const ports = verdicts.filter((v) => v.kind === 'port');
  const open = ports.filter((v) => v.status === 'works');
  const shut = ports.filter((v) => v.status === 'unreachable' || v.status === 'blocked');
  if (open.length === 0 && shut.length === 0) return null;
  if (open.length === 0) return `No port tried reaches outside (${portsPhrase(shut)})`;
  const one = open.length === 1 ? 'reaches' : 'reach';
  return `${portsPhrase(open)} ${one} outside${shut.length ? `; ${portsPhrase(shut)} ${shut.length === 1 ? 'does' : 'do'} not` : ''}`;
}

/** "Snowflake: the AMP-cache rendezvous and STUN answer; the CDN front is blocked by SNI". */
export function snowflakeSentence(verdicts: readonly WayVerdict[]): string | null {
  const sf = verdicts.filter((v) => v.kind === 'snowflake');
  if (sf.length === 0) return null;
  const short = (v: WayVerdict): string => v.title.replace(/^Snowflake(?:'s)?:?\s*/i, '');
  const ok = sf.filter((v) => v.status === 'works').map(short);
  const blocked = sf.filter((v) => v.status === 'blocked').map((v) => `${short(v)} is blocked ${v.how ?? ''}`.trim());
  const silent = sf.filter((v) => v.status === 'unreachable').map(short);
  const parts = [
    ok.length ? `${listWords(ok)} ${ok.length === 1 ? 'answers' : 'answer'}` : null,
    blocked.length ? listWords(blocked) : null,
    silent.length ? `${listWords(silent)}: no answer` : null,
  ].filter((p): p is string => p !== null);
  const webrtc = ok.length ? ' (the WebRTC path to the proxies themselves was not tried)' : '';
  return parts.length ? `Snowflake: ${parts.join('; ')}${webrtc}` : null;
}

/** The sentences of ways that work (ports and Snowflake said once, together). */
function worksSentences(verdicts: readonly WayVerdict[]): string[] {
  const out: string[] = [];
  const ports = portsSentence(verdicts);
  if (ports && verdicts.some((v) => v.kind === 'port' && v.status === 'works')) out.push(ports);
  const sf = snowflakeSentence(verdicts);
  if (sf && verdicts.some((v) => v.kind === 'snowflake' && v.status === 'works')) out.push(sf);
  for (const v of verdicts) if (v.status === 'works' && v.kind !== 'port' && v.kind !== 'snowflake') out.push(v.reason);
  return out;
}

function blockedSentences(verdicts: readonly WayVerdict[]): string[] {
  return verdicts.filter((v) => v.status === 'blocked' && v.kind !== 'snowflake').map((v) => v.reason);
}

/** Next steps as text: bridges when Tor's own relays do not answer, and the plain port caveat. */
function nextSteps(verdicts: readonly WayVerdict[]): string[] {
  const steps: string[] = [];
  const tor = verdicts.filter((v) => v.kind === 'tor' || v.kind === 'tor_bridge');
  if (tor.length && !tor.some((v) => v.status === 'works' && !v.portOnly)) steps.push(GET_BRIDGES);
  if (verdicts.some((v) => v.status === 'works' && v.portOnly)) steps.push('A bridge whose port answers may still fail: a reachable port is necessary, not sufficient (its pluggable transport was not spoken).');
  return steps;
}

/** The run's "what still works" finding, or null when no way out was tried. */
export function waysOutFinding(verdicts: readonly WayVerdict[]): Finding | null {
  const tried = verdicts.filter((v) => v.status !== 'inconclusive');
  if (verdicts.length === 0) return null;
  const works = worksSentences(verdicts);
  const blocked = blockedSentences(verdicts);
  const silent = verdicts.filter((v) => v.status === 'unreachable');
  const targets = verdicts.map((v) => v.title);
  if (tried.length === 0) {
    const why = [...new Set(verdicts.map((v) => v.reason))].slice(0, 3);
    return { kind: 'ways-out', title: `No way out could be tried (${verdicts.length} named): nothing to say about what works here.`, details: why, targets };
  }
  if (works.length === 0 && blocked.length === 0) {
    return { kind: 'ways-out', title: `Nothing tried reaches outside: none of ${tried.length} way(s) out answered.`, details: [...silent.slice(0, 5).map((v) => v.reason), ...nextSteps(verdicts)], targets };
  }
  const title = works.length ? `What still works: ${works.slice(0, 3).join('; ')}.` : `Nothing tried works: ${blocked.slice(0, 2).join('; ')}.`;
  const sf = snowflakeSentence(verdicts);
  const ports = portsSentence(verdicts);
  const details = [
    ...works,
    ...(sf && !works.includes(sf) ? [sf] : []),
    ...(ports && !works.includes(ports) ? [ports] : []),
    ...blocked.map((b) => `Blocked: ${b}`),
    ...(silent.length ? [`No answer from here (blocked, or down: not proven): ${listWords(silent.filter((v) => v.kind !== 'port' && v.kind !== 'snowflake').map((v) => v.title))}`] : []),
    ...nextSteps(verdicts),
  ].filter((d) => !d.endsWith(': '));
  return { kind: 'ways-out', title, details, targets };
}
