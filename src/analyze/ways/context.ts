import type { WayMeasurement, WayProbe, WayStatus, WayVerdict } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import { msg } from '../../i18n/index.ts';
import type { Message, MessageParam } from '../../model/message.ts';
import { ownWords, said } from './words.ts';

/**
 * A way's verdict with its sentences as catalogue messages beside the English (`reason`, `how`):
 * what the "what still works" finding says in the reader's language.
 */
/** A way's verdict as the analysis returns it (the model's WayVerdict, messages included). */
export type JudgedWay = WayVerdict;

/** What the run as a whole shows, that a single way cannot: read once, before the rules. */
export interface WaysRunContext {
  /** Evidence that something on this network answers connections itself (a TLS handshake with a relay's address came back without a relay's certificate); null when none. */
  transparentProxy: string | null;
  /** The same evidence as a message. */
  transparentProxyMessage?: Message;
}

export const NO_RUN_CONTEXT: WaysRunContext = { transparentProxy: null };

/** One rule of the way-out verdict: it decides (a verdict) or passes (null). Pure. */
export interface WayRule {
  id: string;
  /** What it decides and on what evidence, in words (docs print them). */
  description: string;
  apply: (way: WayMeasurement, run: WaysRunContext) => JudgedWay | null;
}

/** The run context: a relay's address that completed TLS with a certificate not shaped like Tor's. */
export function waysRunContext(ways: readonly WayMeasurement[]): WaysRunContext {
  const probe = ways.flatMap((w) => w.probes).find((p) => p.check === 'tor_or' && p.failure === FAILURES.unexpectedAnswer && 'tlsVersion' in p && p.tlsVersion !== null);
  if (!probe) return { transparentProxy: null };
  const evidence = said(msg('ways.proxy-evidence', { endpoint: probe.endpoint, detail: detailWords(probe.detail, msg('ways.detail.no-relay-certificate')) }));
  return { transparentProxy: evidence.text, transparentProxyMessage: evidence.message };
}

/** Failures that mean nothing was tried: the probe cannot speak for the network. */
export function notTried(p: WayProbe): boolean {
  return p.failure === FAILURES.notDialled || p.failure === FAILURES.interrupted;
}

/** The probe's protocol answer came back. */
export function answered(p: WayProbe): boolean {
  return p.failure === null;
}

/** "tor_or 128.31.0.39:9201 (tcp): ok — TLSv1.3 handshake completed…", one line of evidence per probe. */
export function evidenceLine(p: WayProbe): string {
  const variant = 'variant' in p ? ` [${p.variant}]` : '';
  const result = p.failure ?? 'ok';
  return `${p.check}${variant} ${p.endpoint} (${p.transport}): ${result}${p.detail ? ` — ${p.detail}` : ''}`;
}

/** "TCP 3785", "UDP 3478": how the answer names a port. */
export function portName(p: Pick<WayProbe, 'transport' | 'port'>): string {
  return `${p.transport.toUpperCase()} ${p.port}`;
}

/** The detail lines the measurement writes in words of its own, in the reader's language. */
const DETAILS: Readonly<Record<string, string>> = {
  'not dialled: a local or private address': 'ways.detail.not-dialled',
  'the run ended first': 'ways.detail.interrupted',
};

/** Detail lines with a token inside (src/net/checks/ writes them): the reasons quote these. */
const DETAIL_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Message]> = [
  [/^TLS completed, but with a certificate that is not a Tor relay's: something else answered$/, () => msg('ways.detail.not-a-relay')],
  [/^TLS completed, but with a certificate that is not a Tor relay's \((.+)\): something else answered$/, (m) => msg('ways.detail.not-a-relay-subject', { subject: m[1] ?? '' })],
  [/^(\d+) datagram\(s\) came back, none a Version Negotiation for this packet$/, (m) => msg('ways.detail.quic-stray', { count: Number(m[1]) })],
  [/^TLS to (\S+): the chain does not check out \((.+)\)$/, (m) => msg('ways.detail.bad-chain', { name: m[1] ?? '', why: m[2] ?? '' })],
];

/** A probe's detail line in words (a known one in the reader's language, another as written), or `fallback` when it has none. */
export function detailWords(detail: string | null | undefined, fallback: MessageParam): MessageParam {
  if (!detail) return fallback;
  const known = DETAILS[detail];
  if (known) return msg(known);
  for (const [re, words] of DETAIL_PATTERNS) {
    const m = re.exec(detail);
    if (m) return words(m);
  }
  return detail;
}

/** Product names in the shipped lists' way titles, kept out of the translated words. */
const TITLE_NAMES: Readonly<Record<string, Record<string, string>>> = { 'riseupvpn-api': { name: 'RiseupVPN' } };

const TITLE_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Message]> = [
  [/^Tor through the (\S+) bridge on port (\d+)$/, (m) => msg('ways.title.bridge-transport-port', { transport: m[1] ?? '', port: m[2] ?? '' })],
  [/^Tor through the bridge on port (\d+)$/, (m) => msg('ways.title.bridge-port', { port: m[1] ?? '' })],
  [/^Tor through the (\S+) bridge at (\S+)$/, (m) => msg('ways.title.bridge-transport-at', { transport: m[1] ?? '', address: m[2] ?? '' })],
  [/^Tor through the bridge at (\S+)$/, (m) => msg('ways.title.bridge-at', { address: m[1] ?? '' })],
  [/^Tor through the (\S+) bridge$/, (m) => msg('ways.title.bridge-transport', { transport: m[1] ?? '' })],
  [/^your (.+) on port (\d+)$/, (m) => msg('ways.title.endpoint-port', { what: endpointName(m[1] ?? ''), port: m[2] ?? '' })],
  [/^your (.+) on (\S+)$/, (m) => msg('ways.title.endpoint-at', { what: endpointName(m[1] ?? ''), address: m[2] ?? '' })],
  [/^(WireGuard|OpenVPN) on ((?:TCP|UDP) \d+)$/, (m) => msg('ways.title.signature', { name: m[1] ?? '', port: m[2] ?? '' })],
];

const ENDPOINT_NAMES: Readonly<Record<string, string>> = {
  'TCP endpoint': 'ways.endpoint.tcp',
  'TLS endpoint': 'ways.endpoint.tls',
  'HTTPS endpoint': 'ways.endpoint.https',
  'STUN server': 'ways.endpoint.stun',
  'QUIC endpoint': 'ways.endpoint.quic',
  'OpenVPN server (UDP)': 'ways.endpoint.openvpn-udp',
  'OpenVPN server (TCP)': 'ways.endpoint.openvpn-tcp',
};
const endpointName = (name: string): MessageParam => {
  const key = ENDPOINT_NAMES[name];
  return key ? msg(key) : name;
};

/**
 * A way's title in the reader's language: the catalogue's for a shipped list's way (`ways.title.<id>`),
 * the titles tekser gives the user's bridges, endpoints and echo ways by their shape, else as written.
 */
export function wayTitle(way: Pick<WayMeasurement, 'id' | 'title'>): MessageParam {
  const own = ownWords(`ways.title.${way.id}`, way.title, TITLE_NAMES[way.id]);
  if (typeof own !== 'string') return own;
  for (const [re, words] of TITLE_PATTERNS) {
    const m = re.exec(way.title);
    if (m) return words(m);
  }
  return way.title;
}

/** Builds the verdict of `way` as `rule` decided it. */
export function verdict(way: WayMeasurement, rule: string, status: WayStatus, reason: Message, how: Message | null = null, probes: readonly WayProbe[] = way.probes): JudgedWay {
  const shownHow = status === 'blocked' && how ? said(how) : null;
  return {
    id: way.id,
    kind: way.kind,
    title: way.title,
    status,
    how: shownHow?.text ?? null,
    howMessage: shownHow?.message ?? null,
    reason: said(reason).text,
    reasonMessage: reason,
    evidence: probes.map(evidenceLine),
    rule,
    portOnly: way.pluggableTransport !== null,
  };
}
