// The lab's small internet and its censor, as data. Each site says where it lives, what it serves,
// and what the censor does to it; the lab turns this into servers, zones, iptables and tc rules.
// Addresses: client link 198.18.0.0/30, internet link 198.18.1.0/30, hosts in 203.0.113.0/24 and
// 198.51.100.0/24. Nothing here is routable off the machine.

export const NET = {
  clientIp: '198.18.0.2',
  censorClientSide: '198.18.0.1',
  censorInternetSide: '198.18.1.1',
  internetIp: '198.18.1.2',
  authoritativeDns: '198.51.100.1',
  dohControl: '198.51.100.53',
  /** The DoH control's name, for --control-resolver https://doh.lab/dns-query. */
  dohName: 'doh.lab',
  helper: '198.51.100.80',
  helperPort: 8080,
  /** The helper's throughput reference (TLS, any name): the proof of throttling by name. */
  helperReferencePort: 8443,
  /** The ISP resolver the client is given, run by the censor. */
  ispResolver: '198.18.0.1',
  /** Where DNS-redirected users land: a block-page server in the censor. */
  blockpageServer: '198.18.0.1',
  mitmProxyPort: 8443,
  httpProxyPort: 8080,
};

export const KZ_BLOCKPAGE =
  '<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Ресурс бұғатталған</title></head>' +
  '<body><h1>Ресурста ақпараттық қауіпсіздікке төнетін қауіп-қатер бар</h1>' +
  '<p>Доступ к данному ресурсу ограничен.</p></body></html>';

const SHARED_HOST = '203.0.113.7';

/**
 * scheme: https or http. censor: what happens between client and site.
 * expect: the verdict and method the acceptance suite asserts for a run through the lab.
 */
export const SITES = [
  { name: 'ok.lab', ip: '203.0.113.10', scheme: 'https', censor: null, expect: ['accessible', null], mirrors: 'baseline' },
  { name: 'plain.lab', ip: '203.0.113.11', scheme: 'http', censor: null, expect: ['accessible', null], mirrors: 'baseline' },
  { name: 'dns-bogon.lab', ip: '203.0.113.12', scheme: 'https', censor: { dns: { A: ['127.0.0.1'] } }, expect: ['blocked', 'dns'], mirrors: 'resolvers answering 127.0.0.1 / private addresses for banned names' },
  { name: 'dns-nx.lab', ip: '203.0.113.13', scheme: 'https', censor: { dns: 'NXDOMAIN' }, expect: ['blocked', 'dns'], mirrors: 'resolvers pretending a banned domain does not exist' },
  { name: 'dns-redirect.lab', ip: '203.0.113.14', scheme: 'http', censor: { dns: { A: [NET.blockpageServer] } }, expect: ['blocked', 'dns'], mirrors: 'DNS answers pointing at an ISP block-page server' },
  { name: 'ip-drop.lab', ip: '203.0.113.21', scheme: 'https', censor: { ip: 'drop' }, expect: ['blocked', 'tcp_ip'], mirrors: 'IP blackholing (Telegram DCs, Tor relays)' },
  ...Array.from({ length: 12 }, (_, i) => ({
    name: `shared${i + 1}.lab`,
    ip: SHARED_HOST,
    scheme: 'https',
    censor: i === 0 ? { ip: 'reset' } : null,
    expect: ['blocked', 'tcp_ip'],
    mirrors: i === 0 ? 'Tilda 2019: one banned site, its shared IP blocked (RST)' : 'collateral damage on the shared IP',
  })),
  { name: 'sni-rst.lab', ip: '203.0.113.22', scheme: 'https', censor: { sni: 'reset' }, expect: ['blocked', 'tls'], mirrors: 'SNI filtering answered with a TCP RST' },
  { name: 'sni-neighbour.lab', ip: '203.0.113.22', scheme: 'https', censor: null, expect: ['accessible', null], mirrors: 'same IP as sni-rst.lab, another SNI: still works' },
  { name: 'sni-drop.lab', ip: '203.0.113.23', scheme: 'https', censor: { sni: 'drop' }, expect: ['blocked', 'tls'], mirrors: 'Kazakhstan 2023-24: the handshake stalls after the ClientHello' },
  { name: 'mitm.lab', ip: '203.0.113.30', scheme: 'https', censor: { mitm: true }, expect: ['blocked', 'mitm'], mirrors: 'Qaznet Trust Network interception, 2019 (by SNI, names copied)' },
  { name: 'mitm-pass.lab', ip: '203.0.113.30', scheme: 'https', censor: null, expect: ['accessible', null], mirrors: 'same interception box, an SNI it passes through untouched' },
  { name: 'blockpage.lab', ip: '203.0.113.40', scheme: 'http', censor: { httpBlock: true }, expect: ['blocked', 'http-diff'], mirrors: 'transparent HTTP proxy serving a Kazakh block page' },
  { name: 'http-pass.lab', ip: '203.0.113.40', scheme: 'http', censor: null, expect: ['accessible', null], mirrors: 'same proxy, a Host it forwards' },
  { name: 'slow.lab', ip: '203.0.113.60', scheme: 'https', censor: { throttle: '256kbit' }, expect: ['accessible', null], mirrors: 'throttling by destination (azattyq.org 2022-23, 2018 livestream slowdowns)', bodyBytes: 120_000 },
  { name: 'dead.lab', ip: '203.0.113.70', scheme: 'https', censor: null, listen: false, expect: ['down', null], mirrors: 'a site that is down for everyone: not censorship' },
  { name: 'cdn.lab', ip: '203.0.113.50', scheme: 'https', censor: { dns: { A: ['203.0.113.51'] } }, alsoServes: ['203.0.113.51'], expect: ['accessible', null], mirrors: 'a CDN: the ISP resolver gives another valid edge' },
];

/**
 * Sites the internet serves and the zones hold, but that are not in the default list: the issue-11
 * scenarios put them in their own lists (lab.list(...)).
 *  - throttle: one big site at 2 Mbit/s among big sites at LAN speed (Azattyq 2023)
 *  - canary: neutral sites no censor targets, measured to tell an allow-list regime from censorship
 */
export const SCENARIO_SITES = [
  { name: 'big.lab', ip: '203.0.113.61', scheme: 'https', censor: { throttle: '2mbit' }, bodyBytes: 1_000_000, group: 'throttle', mirrors: 'SNI/destination throttling at 2 Mbit/s while the rest loads at LAN speed' },
  ...Array.from({ length: 4 }, (_, i) => ({ name: `big${i + 1}.lab`, ip: `203.0.113.${62 + i}`, scheme: 'https', censor: null, bodyBytes: 1_000_000, group: 'throttle', mirrors: 'a big page at LAN speed' })),
  ...Array.from({ length: 3 }, (_, i) => ({ name: `canary${i + 1}.lab`, ip: `198.51.100.${111 + i}`, scheme: 'https', censor: null, group: 'canary', mirrors: 'a neutral canary site' })),
  // Issue 20: throttling and stalls by name (proven with the control helper's reference), the site's own refusals.
  { name: 'sni-slow.lab', ip: '203.0.113.66', scheme: 'https', censor: { sniThrottle: '1mbit' }, bodyBytes: 300_000, group: 'issue20', mirrors: 'throttling by SNI (Twitter in Russia, March 2021): every connection that names it, whatever the address' },
  { name: 'stall.lab', ip: '203.0.113.67', scheme: 'https', censor: { sniStall: 16_384 }, bodyBytes: 200_000, group: 'issue20', mirrors: 'connections that stop after the first 16 KB for one name (Russia since 2022)' },
  { name: 'geo.lab', ip: '203.0.113.68', scheme: 'https', censor: null, refuse: { from: '198.18.', status: 451, title: 'Unavailable For Legal Reasons' }, group: 'issue20', mirrors: "a site's own 451 for visitors from this network (the helper gets the page)" },
  { name: 'challenge.lab', ip: '203.0.113.69', scheme: 'https', censor: null, refuse: { from: '198.18.', status: 403, title: 'Just a moment...', headers: { 'cf-mitigated': 'challenge' } }, group: 'issue20', mirrors: "a CDN bot challenge for this network's visitors only" },
];

/** Every site the lab's internet serves. */
export const ALL_SITES = [...SITES, ...SCENARIO_SITES];

/** The addresses an allow-list regime (8 January 2022) lets through: the "domestic" sites. */
export const ALLOWED_IN_REGIME = ['203.0.113.10', '203.0.113.11'];

/**
 * Stand-ins for messenger endpoints. ports: what listens where ("https", "http", or "tcp": accept
 * and close). cert "signal" is issued by a separate lab Signal root that only the YAML pins.
 */
export const SERVICE_HOSTS = [
  { ip: '198.51.100.20', names: ['e1.whatsapp.lab', 'e2.whatsapp.lab', 'e3.whatsapp.lab'], ports: { 443: 'https', 5222: 'tcp' }, cert: 'site' },
  { ip: '198.51.100.21', names: ['v.whatsapp.lab', 'web.whatsapp.lab'], ports: { 443: 'https' }, cert: 'site' },
  { ip: '198.51.100.30', names: [], ports: { 80: 'http', 443: 'http' }, cert: 'site' },
  { ip: '198.51.100.31', names: [], ports: { 80: 'http', 443: 'http' }, cert: 'site' },
  { ip: '198.51.100.32', names: ['web.telegram.lab'], ports: { 443: 'https' }, cert: 'site' },
  { ip: '198.51.100.40', names: ['chat.signal.lab', 'storage.signal.lab'], ports: { 443: 'https' }, cert: 'signal' },
];
export const TELEGRAM_DCS = ['198.51.100.30', '198.51.100.31'];
export const SIGNAL_NAMES = ['chat.signal.lab', 'storage.signal.lab'];

/** The lab's messengers list, in tekser's service-list format, pointing at the stand-ins. */
export function labMessengersYaml(signalRootPem) {
  const pem = signalRootPem.trim().split('\n').map((l) => `        ${l}`).join('\n');
  return `version: 1
services:
  - id: whatsapp
    name: WhatsApp (lab)
    kind: messenger
    category_code: COMT
    checks:
      - id: endpoints
        title: chat servers
        protocol: tcp
        endpoints: [e1.whatsapp.lab, e2.whatsapp.lab, e3.whatsapp.lab]
        ports: [443, 5222]
      - id: registration
        title: registration service
        protocol: https
        endpoints: [https://v.whatsapp.lab/v2/register]
      - id: web
        title: WhatsApp Web
        protocol: https
        endpoints: [https://web.whatsapp.lab/]
  - id: telegram
    name: Telegram (lab)
    kind: messenger
    category_code: COMT
    checks:
      - id: datacenters
        title: data centres
        protocol: http-post
        endpoints: [${TELEGRAM_DCS.flatMap((ip) => [`http://${ip}/`, `http://${ip}:443/`]).join(', ')}]
      - id: web
        title: Telegram Web
        protocol: https
        endpoints: [https://web.telegram.lab/]
  - id: signal
    name: Signal (lab)
    kind: messenger
    category_code: COMT
    cas:
      lab-signal: |
${pem}
    checks:
      - id: backend
        title: service hosts
        protocol: https
        endpoints: [${SIGNAL_NAMES.map((n) => `https://${n}/`).join(', ')}]
        pinned_cas: [lab-signal]
        blocked_when: any_endpoint_blocked
      - id: dns
        title: DNS of the service hosts
        protocol: dns
        endpoints: [${SIGNAL_NAMES.join(', ')}]
        blocked_when: any_endpoint_blocked
        blocking_steps: [dns]
`;
}

export const ALL_NAMES = [...new Set([...ALL_SITES.map((s) => s.name), ...SERVICE_HOSTS.flatMap((h) => h.names)])];

/** The authoritative zone: every site at its real address. */
export function authoritativeZone() {
  const zone = {};
  for (const s of ALL_SITES) zone[s.name] = { A: [s.ip], AAAA: [] };
  for (const h of SERVICE_HOSTS) for (const n of h.names) zone[n] = { A: [h.ip], AAAA: [] };
  zone[NET.dohName] = { A: [NET.dohControl], AAAA: [] };
  return zone;
}

/** The ISP resolver's zone: the truth, except where the censor lies. */
export function ispZone() {
  const zone = authoritativeZone();
  for (const s of SITES) if (s.censor?.dns) zone[s.name] = s.censor.dns;
  return zone;
}

/** Every address the internet namespace must hold, with the sites (by Host) each serves. */
export function hostAddresses() {
  const byIp = new Map();
  const add = (ip, site) => {
    if (!byIp.has(ip)) byIp.set(ip, []);
    if (site) byIp.get(ip).push(site);
  };
  for (const s of ALL_SITES) {
    add(s.ip, s.listen === false ? null : s);
    for (const ip of s.alsoServes ?? []) add(ip, s);
  }
  return byIp;
}

export const SHARED_HOST_IP = SHARED_HOST;
