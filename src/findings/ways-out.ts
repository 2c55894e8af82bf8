import type { WayVerdict } from '../model/check.ts';
import type { Finding } from '../model/finding.ts';
import type { Message, MessageParam } from '../model/message.ts';
import { msg } from '../i18n/index.ts';
import { wayTitle, type JudgedWay } from '../analyze/ways/context.ts';
import { andList, asIs, joined, ownWords, said, type Said } from '../analyze/ways/words.ts';

/**
 * "What still works": the answer a person in a shutdown needs, from the way-out verdicts
 * (src/analyze/ways/). Pure. It says what works now, what is blocked and how, and, when nothing
 * tried answers, "nothing tried reaches outside" in one line. Every sentence is a catalogue message
 * (ways.out.*, ways.ports.*, ways.snowflake.*) with its English beside it.
 */

/** Evidence required: each way's verdict (works = its protocol's own answer came back; blocked = a pair proved it; unreachable = no answer, cause not proven). */
export const WAYS_OUT_EVIDENCE =
  "Each way's verdict: works only when the protocol's own answer came back (a STUN success, a Version Negotiation, a ServerHello, a server reset, a DNS answer over a trusted chain, an echo); blocked only when a pair proved it (shaped vs random bytes, ECH vs none, one name vs another at the same address); otherwise no answer from here, cause not proven.";

export const WAYS_OUT_BLIND_SPOTS =
  'A reachable bridge port is necessary, not sufficient (obfs4 and other transports were not spoken); a STUN answer does not prove the WebRTC data path to Snowflake proxies; a way that works now may be cut minutes later; a server that is down looks like one that is blocked unless a pair says otherwise.';

/** Where people get bridges when the built-in ones fail (Tor Project's documented channels); names and addresses as parameters. */
export const GET_BRIDGES_MESSAGE: Message = msg('ways.out.get-bridges', {
  site: 'https://bridges.torproject.org/',
  email: 'bridges@torproject.org',
  gmail: 'Gmail',
  riseup: 'Riseup',
  bot: '@GetBridgesBot',
  browser: 'Tor Browser',
});
export const GET_BRIDGES = said(GET_BRIDGES_MESSAGE).text;

/** A way's reason in words: its message when the analysis gave one, else its English as stored. */
const reasonOf = (v: WayVerdict): Said => {
  const m = v.reasonMessage;
  return m ? { text: v.reason, message: m } : { text: v.reason, message: asIs(v.reason) };
};
const howOf = (v: WayVerdict): MessageParam | null => v.howMessage ?? v.how;

/** "TCP 179" → [tcp, 179]. */
function portOf(v: WayVerdict): { transport: string; port: number } | null {
  const m = /^(TCP|UDP) (\d+)/.exec(v.reason);
  return m ? { transport: m[1] ?? '', port: Number(m[2]) } : null;
}

/** "TCP 179, 3785 and 5060 and UDP 3478". */
function portsPhrase(vs: readonly WayVerdict[]): MessageParam {
  const by = new Map<string, number[]>();
  for (const v of vs) {
    const p = portOf(v);
    if (p) by.set(p.transport, [...(by.get(p.transport) ?? []), p.port]);
  }
  return andList([...by.entries()].map(([t, ports]) => msg('ways.ports.transport', { transport: t, ports: andList([...new Set(ports)].sort((a, b) => a - b).map(String)) })));
}

/** "TCP 179, 3785 and 5060 and UDP 3478 reach outside; TCP 443 does not", or null without port ways. */
export function portsSentence(verdicts: readonly WayVerdict[]): Said | null {
  const ports = verdicts.filter((v) => v.kind === 'port');
  const open = ports.filter((v) => v.status === 'works');
  const shut = ports.filter((v) => v.status === 'unreachable' || v.status === 'blocked');
  if (open.length === 0 && shut.length === 0) return null;
  if (open.length === 0) return said(msg('ways.ports.none', { ports: portsPhrase(shut) }));
  const reach = msg('ways.ports.reach', { count: open.length, ports: portsPhrase(open) });
  return said(shut.length ? msg('service.join.semicolon', { a: reach, b: msg('ways.ports.do-not', { count: shut.length, ports: portsPhrase(shut) }) }) : reach);
}

/** "the AMP-cache rendezvous" of "Snowflake: the AMP-cache rendezvous", in the reader's language when the title is the catalogue's. */
function snowflakePart(v: WayVerdict): MessageParam {
  const short = v.title.replace(/^Snowflake(?:'s)?:?\s*/i, '');
  return short === v.title ? wayTitle(v) : ownWords(`ways.short.${v.id}`, short);
}

/** "Snowflake: the AMP-cache rendezvous and STUN answer; the CDN front is blocked by SNI". */
export function snowflakeSentence(verdicts: readonly WayVerdict[]): Said | null {
  const sf = verdicts.filter((v) => v.kind === 'snowflake');
  if (sf.length === 0) return null;
  const ok = sf.filter((v) => v.status === 'works').map(snowflakePart);
  const blocked = sf.filter((v) => v.status === 'blocked').map((v) => {
    const how = howOf(v);
    return how ? msg('ways.snowflake.blocked-how', { name: snowflakePart(v), how }) : msg('ways.snowflake.blocked', { name: snowflakePart(v) });
  });
  const silent = sf.filter((v) => v.status === 'unreachable').map(snowflakePart);
  const parts = [
    ok.length ? msg('ways.snowflake.answer', { count: ok.length, names: andList(ok) }) : null,
    blocked.length ? andList(blocked) : null,
    silent.length ? msg('ways.snowflake.silent', { names: andList(silent) }) : null,
  ].filter((p): p is MessageParam => p !== null);
  if (parts.length === 0) return null;
  return said(msg(ok.length ? 'ways.snowflake.webrtc' : 'ways.snowflake', { parts: joined('semicolon', parts) }));
}

/** The sentences of ways that work (ports and Snowflake said once, together). */
function worksSentences(verdicts: readonly WayVerdict[]): Said[] {
  const out: Said[] = [];
  const ports = portsSentence(verdicts);
  if (ports && verdicts.some((v) => v.kind === 'port' && v.status === 'works')) out.push(ports);
  const sf = snowflakeSentence(verdicts);
  if (sf && verdicts.some((v) => v.kind === 'snowflake' && v.status === 'works')) out.push(sf);
  for (const v of verdicts) if (v.status === 'works' && v.kind !== 'port' && v.kind !== 'snowflake') out.push(reasonOf(v));
  return out;
}

function blockedSentences(verdicts: readonly WayVerdict[]): Said[] {
  return verdicts.filter((v) => v.status === 'blocked' && v.kind !== 'snowflake').map(reasonOf);
}

/** Next steps as text: bridges when Tor's own relays do not answer, and the plain port caveat. */
function nextSteps(verdicts: readonly WayVerdict[]): Said[] {
  const steps: Said[] = [];
  const tor = verdicts.filter((v) => v.kind === 'tor' || v.kind === 'tor_bridge');
  if (tor.length && !tor.some((v) => v.status === 'works' && !v.portOnly)) steps.push({ text: GET_BRIDGES, message: GET_BRIDGES_MESSAGE });
  if (verdicts.some((v) => v.status === 'works' && v.portOnly)) steps.push(said(msg('ways.out.port-only')));
  return steps;
}

const finding = (title: Said, details: readonly Said[], targets: string[]): Finding => ({
  kind: 'ways-out',
  title: title.text,
  titleMessage: title.message,
  details: details.map((d) => d.text),
  detailMessages: details.map((d) => d.message),
  targets,
});

/** The details of a run where something works or is blocked: what works, Snowflake and ports when not said yet, what is blocked, what did not answer, next steps. */
function triedDetails(verdicts: readonly WayVerdict[], works: readonly Said[], blocked: readonly Said[]): Said[] {
  const shown = new Set(works.map((w) => w.text));
  const sf = snowflakeSentence(verdicts);
  const ports = portsSentence(verdicts);
  const silent = verdicts.filter((v) => v.status === 'unreachable' && v.kind !== 'port' && v.kind !== 'snowflake');
  const anySilent = verdicts.some((v) => v.status === 'unreachable');
  return [
    ...works,
    ...(sf && !shown.has(sf.text) ? [sf] : []),
    ...(ports && !shown.has(ports.text) ? [ports] : []),
    ...blocked.map((b) => said(msg('ways.out.blocked', { reason: b.message }))),
    ...(anySilent ? [said(msg('ways.out.silent', { titles: andList(silent.map(wayTitle)) }))] : []),
    ...nextSteps(verdicts),
  ].filter((d) => !d.text.endsWith(': '));
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
    const why = [...new Map(verdicts.map((v) => [v.reason, reasonOf(v)])).values()].slice(0, 3);
    return finding(said(msg('ways.out.none-tried', { count: verdicts.length })), why, targets);
  }
  if (works.length === 0 && blocked.length === 0) {
    return finding(said(msg('ways.out.nothing-reaches', { count: tried.length })), [...silent.slice(0, 5).map(reasonOf), ...nextSteps(verdicts)], targets);
  }
  const title = works.length ? msg('ways.out.works', { works: joined('semicolon', works.slice(0, 3).map((w) => w.message)) }) : msg('ways.out.nothing-works', { blocked: joined('semicolon', blocked.slice(0, 2).map((b) => b.message)) });
  return finding(said(title), triedDetails(verdicts, works, blocked), targets);
}
