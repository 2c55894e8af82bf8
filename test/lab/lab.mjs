// The network lab: a client, a censoring ISP router and a small "internet" in network namespaces,
// made and torn down by the test run (or by `npm run lab` for manual use). Needs iproute2, iptables
// and tc, and either root or unprivileged user namespaces: as an ordinary user, the lab lives in a
// user namespace of its own (`unshare --user --map-root-user --mount --net`) where it is root over
// its namespaces and nothing else. Nothing is routed off the machine: the namespaces have no link
// to the host.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestPki } from '../servers/pki.mjs';
import { ALL_NAMES, ALL_SITES, NET, SERVICE_HOSTS, SITES, hostAddresses, labMessengersYaml } from './scenarios.mjs';
import { WAYS, labWaysYaml } from './ways.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
const TEKSER = join(REPO, 'bin/tekser');
let labCounter = 0;
/** ip, iptables and tc live in sbin, which an ordinary user's PATH often lacks. */
const ENV = { ...process.env, PATH: `${process.env.PATH ?? '/usr/bin:/bin'}:/usr/local/sbin:/usr/sbin:/sbin` };
const isRoot = () => process.getuid?.() === 0;

export class LabUnavailable extends Error {}

function sh(cmd, args, { ignore = false } = {}) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
  } catch (err) {
    if (ignore) return '';
    throw new Error(`lab: ${cmd} ${args.join(' ')} failed: ${err.stderr || err.message}`);
  }
}

/** The shell lines that give a fresh user+mount+net namespace a private /run/netns for `ip netns`. */
const PRIVATE_RUN = 'mount -t tmpfs tmpfs /run && mkdir -p /run/netns';
/** Everything the lab does to a namespace, tried once in a throwaway one. */
const PROBE = [
  PRIVATE_RUN,
  'ip netns add probe',
  'ip netns exec probe sysctl -qw net.ipv4.ip_forward=1',
  'ip netns exec probe iptables -A FORWARD -p tcp --dport 443 -m string --string probe.lab --algo bm -j REJECT --reject-with tcp-reset',
  'ip netns exec probe iptables -t nat -A PREROUTING -d 203.0.113.1 -p tcp --dport 443 -j REDIRECT --to-ports 8443',
  'ip netns exec probe tc qdisc add dev lo root handle 1: htb default 10',
].join(' && ');

let cachedReason;
/** Why the lab cannot run here, or null. One line, for a skipped test's name. */
export function labUnavailableReason() {
  if (cachedReason !== undefined) return cachedReason;
  cachedReason = findUnavailableReason();
  return cachedReason;
}

function findUnavailableReason() {
  const tools = isRoot() ? ['ip', 'iptables', 'tc', 'openssl'] : ['ip', 'iptables', 'tc', 'openssl', 'unshare', 'nsenter'];
  for (const tool of tools) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore', env: ENV });
    } catch {
      return `the network lab needs ${tool} (apt-get install -y iproute2 iptables openssl util-linux)`;
    }
  }
  if (!existsSync(join(REPO, 'dist/cli/main.js'))) return 'tekser is not built (npm run build)';
  if (isRoot()) {
    const probe = `tkprobe${process.pid}`;
    try {
      execFileSync('ip', ['netns', 'add', probe], { stdio: 'ignore', env: ENV });
      execFileSync('ip', ['netns', 'del', probe], { stdio: 'ignore', env: ENV });
    } catch {
      return 'cannot create network namespaces here, even as root';
    }
    return null;
  }
  try {
    execFileSync('unshare', ['--user', '--map-root-user', '--mount', '--net', 'sh', '-c', PROBE], { stdio: ['ignore', 'ignore', 'pipe'], env: ENV, timeout: 20_000 });
  } catch (err) {
    const why = String(err.stderr || err.message).trim().split('\n').filter(Boolean).pop() ?? 'failed';
    return `not root, and an unprivileged user namespace cannot hold the lab here (unshare --user --map-root-user --net: ${why})`;
  }
  return null;
}

/** Holders of the user namespaces of unprivileged labs, by lab prefix (for the leak check). */
const holders = new Map();

/**
 * As an ordinary user: a process that owns a user, mount and network namespace with a private
 * /run, in which `ip netns` works. It lives until its stdin closes (the lab stops, or this process dies).
 */
async function startHolder() {
  const child = spawn('unshare', ['--user', '--map-root-user', '--mount', '--net', 'sh', '-c', `${PRIVATE_RUN} && echo ready && exec cat >/dev/null`], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: ENV,
  });
  await waitReady(child, 'ready', 'user namespace');
  return child;
}

/** Names every lab object starts with, so a leak check can find them. */
export function labPrefix(id) {
  return `tk${id}`;
}

function waitReady(child, marker, what, ms = 15_000) {
  return new Promise((resolveReady, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`lab: ${what} did not start in ${ms} ms:\n${out}`)), ms);
    const onData = (d) => {
      out += d;
      if (out.includes(marker)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`lab: ${what} exited (${code}):\n${out}`));
    });
  });
}

/**
 * The censor's shaping: a token bucket (htb) per throttle rate on the link towards the client.
 * By destination (censor.throttle): packets from the site's address. By name (censor.sniThrottle,
 * issue 20): a connection whose ClientHello carries the name is marked (CONNMARK), whatever its
 * address, and its packets back are put in the throttle's class. A stall by name (censor.sniStall): such a connection's packets back are
 * dropped once it has carried that many bytes (conntrack accounting).
 */
function shapeTraffic(inNs, ns, p) {
  const dev = `${p}r0`;
  const byAddress = ALL_SITES.filter((s) => s.censor?.throttle);
  const byName = ALL_SITES.filter((s) => s.censor?.sniThrottle);
  const stalls = ALL_SITES.filter((s) => s.censor?.sniStall);
  const ipt = (...args) => inNs(ns.censor, 'iptables', args);
  const tc = (...args) => inNs(ns.censor, 'tc', args);
  // A name in a ClientHello, on the TLS ports the lab uses (not the helper's plain-HTTP API, which carries names too).
  const named = (name) => ['-i', `${p}r0`, '-p', 'tcp', '-m', 'multiport', '--dports', '443,8443', '-m', 'string', '--string', name, '--algo', 'bm'];
  tc('qdisc', 'add', 'dev', dev, 'root', 'handle', '1:', 'htb', 'default', '10', 'r2q', '1000');
  tc('class', 'add', 'dev', dev, 'parent', '1:', 'classid', '1:10', 'htb', 'rate', '10gbit');
  const rates = [...new Set([...byAddress.map((s) => s.censor.throttle), ...byName.map((s) => s.censor.sniThrottle)])];
  rates.forEach((rate, i) => tc('class', 'add', 'dev', dev, 'parent', '1:', 'classid', `1:${20 + i}`, 'htb', 'rate', rate, 'ceil', rate));
  for (const s of byAddress) tc('filter', 'add', 'dev', dev, 'protocol', 'ip', 'parent', '1:0', 'prio', '1', 'u32', 'match', 'ip', 'src', `${s.ip}/32`, 'flowid', `1:${20 + rates.indexOf(s.censor.throttle)}`);
  byName.forEach((s, i) => {
    const mark = String(0x100 + i);
    ipt('-t', 'mangle', '-A', 'FORWARD', ...named(s.name), '-j', 'CONNMARK', '--set-mark', mark);
    // Its packets towards the client go to the throttle's class (CLASSIFY: no tc classifier module needed).
    ipt('-t', 'mangle', '-A', 'POSTROUTING', '-o', dev, '-m', 'connmark', '--mark', mark, '-j', 'CLASSIFY', '--set-class', `1:${20 + rates.indexOf(s.censor.sniThrottle)}`);
  });
  if (stalls.length) inNs(ns.censor, 'sysctl', ['-qw', 'net.netfilter.nf_conntrack_acct=1']);
  stalls.forEach((s, i) => {
    const mark = String(0x200 + i);
    ipt('-t', 'mangle', '-A', 'FORWARD', ...named(s.name), '-j', 'CONNMARK', '--set-mark', mark);
    ipt('-A', 'FORWARD', '-i', `${p}r1`, '-m', 'connmark', '--mark', mark, '-m', 'connbytes', '--connbytes', `${s.censor.sniStall}:`, '--connbytes-dir', 'reply', '--connbytes-mode', 'bytes', '-j', 'DROP');
  });
}

/**
 * Builds the lab. Modes of the censor:
 *  - shutdown: true        drops everything (a total shutdown)
 *  - interceptAll: true    every TLS connection goes through the Qaznet-style interceptor, the DoH
 *                          control's included (corporate and state middleboxes)
 *  - allowOnly: [ip, ...]  default deny (8 January 2022): only these addresses are reached, everything
 *                          else is silently dropped; the ISP's own resolver still answers
 * Returns handles to run tekser in the client namespace and to tear it all down.
 */
export async function startLab({ shutdown = false, interceptAll = false, allowOnly = null } = {}) {
  const reason = labUnavailableReason();
  if (reason) throw new LabUnavailable(reason);
  const id = `${process.pid % 100000}${labCounter++}`;
  const p = labPrefix(id);
  const ns = { client: `${p}c`, censor: `${p}r`, internet: `${p}i` };
  const dir = mkdtempSync(join(tmpdir(), 'tekser-lab-'));
  const children = [];
  let torn = false;
  let holder = null;
  /** A command as this lab runs it: directly as root, else inside the holder's namespaces. */
  const wrap = (cmd, args) =>
    holder ? ['nsenter', ['--target', String(holder.pid), '--user', '--mount', '--net', '--preserve-credentials', cmd, ...args]] : [cmd, args];
  const run = (cmd, args, opts) => sh(...wrap(cmd, args), opts);

  const inNs = (n, cmd, args, opts) => run('ip', ['netns', 'exec', n, cmd, ...args], opts);
  const teardown = () => {
    if (torn) return;
    torn = true;
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const n of Object.values(ns)) run('ip', ['netns', 'del', n], { ignore: true });
    if (!holder) rmSync(`/etc/netns/${ns.client}`, { recursive: true, force: true });
    if (holder && holder.exitCode === null && holder.signalCode === null) holder.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', teardown);

  try {
    if (!isRoot()) {
      holder = await startHolder();
      holders.set(p, holder);
    }
    // Certificates: the lab's own root for sites and the DoH control; a "Qaznet" chain for the interceptor.
    const pki = new TestPki(dir);
    const root = pki.root('lab-root', '/CN=tekser lab root');
    const site = pki.issue('site', '/CN=tekser lab site', root, { names: ALL_NAMES });
    const doh = pki.issue('doh', '/CN=tekser lab DoH', root, { names: [NET.dohControl, NET.dohName] });
    const qaznet = pki.root('qaznet', '/C=KZ/CN=Qaznet Trust Network');
    const inter = pki.issue('security-cert', '/C=KZ/CN=Security Certificate', qaznet, { ca: true });
    const fake = pki.issue('fake-leaf', '/CN=tekser lab site', inter, { names: ALL_NAMES }); // copies the real names
    const signalRoot = pki.root('lab-signal-root', '/O=Signal Messenger (lab)/CN=Signal Messenger lab root');
    const signal = pki.issue('signal', '/CN=chat.signal.lab', signalRoot, { names: SERVICE_HOSTS.filter((h) => h.cert === 'signal').flatMap((h) => h.names) });
    // Ways out (issue 21): a relay's link certificate as tor makes them, and the front's names.
    const relay = pki.issue('relay', '/CN=www.labrelayabcd.net', pki.root('relay-id', '/CN=www.labrelayidwxyz.com'), { names: ['www.labrelayabcd.net'] });
    const front = pki.issue('front', '/CN=front.lab', root, { names: WAYS.frontNames });

    // Namespaces and links: client <-> censor <-> internet.
    for (const n of Object.values(ns)) run('ip', ['netns', 'add', n]);
    run('ip', ['link', 'add', `${p}c0`, 'netns', ns.client, 'type', 'veth', 'peer', 'name', `${p}r0`, 'netns', ns.censor]);
    run('ip', ['link', 'add', `${p}r1`, 'netns', ns.censor, 'type', 'veth', 'peer', 'name', `${p}i0`, 'netns', ns.internet]);
    const ipn = (n, ...args) => run('ip', ['-n', n, ...args]);
    for (const n of Object.values(ns)) ipn(n, 'link', 'set', 'lo', 'up');
    ipn(ns.client, 'addr', 'add', `${NET.clientIp}/30`, 'dev', `${p}c0`);
    ipn(ns.censor, 'addr', 'add', `${NET.censorClientSide}/30`, 'dev', `${p}r0`);
    ipn(ns.censor, 'addr', 'add', `${NET.censorInternetSide}/30`, 'dev', `${p}r1`);
    ipn(ns.internet, 'addr', 'add', `${NET.internetIp}/30`, 'dev', `${p}i0`);
    ipn(ns.client, 'link', 'set', `${p}c0`, 'up');
    ipn(ns.censor, 'link', 'set', `${p}r0`, 'up');
    ipn(ns.censor, 'link', 'set', `${p}r1`, 'up');
    ipn(ns.internet, 'link', 'set', `${p}i0`, 'up');
    ipn(ns.client, 'route', 'add', 'default', 'via', NET.censorClientSide);
    ipn(ns.internet, 'route', 'add', 'default', 'via', NET.censorInternetSide);
    for (const prefix of ['203.0.113.0/24', '198.51.100.0/24']) ipn(ns.censor, 'route', 'add', prefix, 'via', NET.internetIp);
    inNs(ns.censor, 'sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
    // The client's system resolver is the ISP's, as on a real access network (`ip netns exec` binds
    // /etc/netns/NAME/resolv.conf; the unprivileged lab has a mount namespace of its own for it).
    const resolvConf = `nameserver ${NET.ispResolver}\n`;
    if (!holder) {
      mkdirSync(`/etc/netns/${ns.client}`, { recursive: true });
      writeFileSync(`/etc/netns/${ns.client}/resolv.conf`, resolvConf);
    } else {
      writeFileSync(join(dir, 'resolv.conf'), resolvConf);
      run('sh', ['-c', 't=$(readlink -f /etc/resolv.conf); case "$t" in /run/*) mkdir -p "$(dirname "$t")" && cat "$1" > "$t";; *) mount --bind "$1" /etc/resolv.conf;; esac', 'sh', join(dir, 'resolv.conf')]);
    }
    const hostIps = new Set([...hostAddresses().keys(), ...SERVICE_HOSTS.map((h) => h.ip), NET.authoritativeDns, NET.dohControl, NET.helper, WAYS.relay, WAYS.bridge, WAYS.stun, WAYS.front, WAYS.ech]);
    for (const ip of hostIps) ipn(ns.internet, 'addr', 'add', `${ip}/32`, 'dev', 'lo');

    // The censor's rules.
    const ipt = (...args) => inNs(ns.censor, 'iptables', args);
    if (shutdown) {
      ipt('-P', 'FORWARD', 'DROP');
      ipt('-A', 'INPUT', '-i', `${p}r0`, '-j', 'DROP');
    } else {
      if (allowOnly) {
        ipt('-P', 'FORWARD', 'DROP');
        ipt('-A', 'FORWARD', '-m', 'state', '--state', 'ESTABLISHED,RELATED', '-j', 'ACCEPT');
        for (const ip of allowOnly) ipt('-A', 'FORWARD', '-i', `${p}r0`, '-d', ip, '-j', 'ACCEPT');
      }
      if (interceptAll) ipt('-t', 'nat', '-A', 'PREROUTING', '-i', `${p}r0`, '-p', 'tcp', '--dport', '443', '-j', 'REDIRECT', '--to-ports', String(NET.mitmProxyPort));
      for (const s of ALL_SITES) {
        if (s.censor?.ip === 'drop') ipt('-I', 'FORWARD', '-d', s.ip, '-j', 'DROP');
        if (s.censor?.ip === 'reset') ipt('-I', 'FORWARD', '-d', s.ip, '-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset');
        if (s.censor?.sni === 'reset') ipt('-I', 'FORWARD', '-p', 'tcp', '--dport', '443', '-m', 'string', '--string', s.name, '--algo', 'bm', '-j', 'REJECT', '--reject-with', 'tcp-reset');
        if (s.censor?.sni === 'drop') ipt('-I', 'FORWARD', '-p', 'tcp', '--dport', '443', '-m', 'string', '--string', s.name, '--algo', 'bm', '-j', 'DROP');
        // Under default deny the regime is the censorship: no proxy in the censor may reach past it.
        if (s.censor?.mitm && !interceptAll && !allowOnly) ipt('-t', 'nat', '-A', 'PREROUTING', '-i', `${p}r0`, '-d', s.ip, '-p', 'tcp', '--dport', '443', '-j', 'REDIRECT', '--to-ports', String(NET.mitmProxyPort));
        if (s.censor?.httpBlock && !allowOnly) ipt('-t', 'nat', '-A', 'PREROUTING', '-i', `${p}r0`, '-d', s.ip, '-p', 'tcp', '--dport', '80', '-j', 'REDIRECT', '--to-ports', String(NET.httpProxyPort));
      }
      shapeTraffic(inNs, ns, p);
    }

    // Processes.
    const internetCfg = join(dir, 'internet.json');
    writeFileSync(internetCfg, JSON.stringify({ siteCert: site.cert, siteKey: site.key, dohCert: doh.cert, dohKey: doh.key, signalCert: signal.cert, signalKey: signal.key, relayCert: relay.cert, relayKey: relay.key, frontCert: front.cert, frontKey: front.key }));
    const censorCfg = join(dir, 'censor.json');
    const overridesFile = join(dir, 'dns-overrides.json');
    // Like many interception boxes, the proxy sends its whole chain, root included.
    writeFileSync(censorCfg, JSON.stringify({ mitmChain: fake.cert + inter.cert + qaznet.cert, mitmKey: fake.key, shutdown, interceptAll, overridesFile }));
    const spawnIn = (n, args, what, marker) => {
      const child = spawn(...wrap('ip', ['netns', 'exec', n, ...args]), { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
      children.push(child);
      return waitReady(child, marker, what);
    };
    await Promise.all([
      spawnIn(ns.internet, [process.execPath, join(HERE, 'internet.mjs'), internetCfg], 'internet', 'ready'),
      spawnIn(ns.censor, [process.execPath, join(HERE, 'censor.mjs'), censorCfg], 'censor', 'ready'),
      spawnIn(ns.internet, [process.execPath, TEKSER, 'helper', '--listen', `${NET.helper}:${NET.helperPort}`, '--resolver', `udp://${NET.authoritativeDns}`, '--ca-file', root.certFile, '--allow-lab-ranges', '--rate-limit', '100000', '--max-concurrent', '256', '--echo-ports', 'tcp:179,3785,5060,443 udp:3478,51820', '--reference-port', String(NET.helperReferencePort)], 'helper', 'listening'),
    ]);

    // The lab's own test lists: the default one, and any subset a scenario asks for.
    const writeList = (name, names) => {
      const file = join(dir, `${name}.csv`);
      const chosen = names.map((n) => {
        const site = ALL_SITES.find((x) => x.name === n);
        if (!site) throw new Error(`lab: no site ${n}`);
        return site;
      });
      writeFileSync(
        file,
        ['url,category_code,category_description,date_added,source,notes', ...chosen.map((s) => `${s.scheme}://${s.name}/,MISC,Miscellaneous content,2026-11-23,tekser lab,${s.mirrors.replace(/,/g, ';')}`)].join('\n') + '\n',
      );
      return file;
    };
    const list = writeList('lab', SITES.map((s) => s.name));
    // Neutral canaries no censor targets (ALL_SITES group "canary"), for the allow-list decision.
    const canaryList = writeList('canaries', ALL_SITES.filter((s) => s.group === 'canary').map((s) => s.name));

    // The documented extension point: the lab's Qaznet root, by fingerprint.
    const interceptionCas = join(dir, 'interception-cas.yaml');
    const qaznetSha256 = createHash('sha256').update(new X509Certificate(qaznet.cert).raw).digest('hex');
    writeFileSync(interceptionCas, `interception_cas:\n  - name: Qaznet Trust Network\n    country: KZ\n    notes: the lab's own stand-in root\n    sha256: [${qaznetSha256}]\n`);

    const messengers = join(dir, 'messengers.yaml');
    writeFileSync(messengers, labMessengersYaml(signalRoot.cert));
    const waysList = join(dir, 'ways.yaml');
    writeFileSync(waysList, labWaysYaml());

    const runArgs = [
      '--list', list,
      '--resolver', `udp://${NET.ispResolver}`,
      '--control-resolver', `https://${NET.dohControl}/dns-query`,
      '--control-helper', `http://${NET.helper}:${NET.helperPort}/`,
      '--ca-file', root.certFile,
      '--interception-cas', interceptionCas,
      '--data-dir', join(dir, 'data'),
      '--sni-probe-host', `${SITES[0].ip}:443`,
      '--dns-timeout', '2', '--tcp-timeout', '2', '--tls-timeout', '2', '--http-timeout', '8',
      '--concurrency', '32',
    ];

    return {
      id,
      prefix: p,
      ns,
      /** As an ordinary user: the process holding the lab's user namespace (enter it with nsenter). */
      holderPid: holder?.pid ?? null,
      dir,
      rootCaFile: root.certFile,
      listFile: list,
      canaryList,
      messengersFile: messengers,
      /** A service list whose ways point at the lab's way-out servers (test/lab/ways.mjs). */
      waysList,
      runArgs,
      /** Writes a list of the named lab sites; returns its path. */
      list: (name, names) => writeList(name, names),
      /**
       * The run arguments with another list, without the control helper (helper: false) or with
       * other helpers (helper: [url, ...]), other control resolvers (control: [url, ...]; the flag
       * is repeatable, so extra flags would only add fallbacks), and extra flags.
       */
      args({ list: l = list, helper = true, control = null, extra = [] } = {}) {
        const out = [];
        for (let i = 0; i < runArgs.length; i += 2) {
          const [flag, value] = [runArgs[i], runArgs[i + 1]];
          if (flag === '--list') out.push(flag, l);
          else if (flag === '--control-resolver' && control) for (const c of control) out.push(flag, c);
          else if (flag === '--control-helper') {
            if (helper === true) out.push(flag, value);
            else if (Array.isArray(helper)) for (const h of helper) out.push(flag, h);
          } else out.push(flag, value);
        }
        return [...out, ...extra];
      },
      /** Adds (or with -D removes) an iptables rule in the censor. */
      iptables: (...args) => inNs(ns.censor, 'iptables', args),
      /** Replaces the censor resolver's per-run lies: { name: "NXDOMAIN" | { A: [...] } }. */
      setDnsOverrides: (overrides) => writeFileSync(overridesFile, JSON.stringify(overrides)),
      qaznetRoot: qaznet,
      qaznetSha256,
      /** Runs the built tekser CLI inside the client namespace. */
      tekser(args, { timeoutMs = 120_000 } = {}) {
        return new Promise((resolveRun) => {
          const child = spawn(...wrap('ip', ['netns', 'exec', ns.client, process.execPath, TEKSER, ...args]), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...ENV, NO_COLOR: '1' } });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr += d));
          const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
          child.on('close', (code) => {
            clearTimeout(timer);
            resolveRun({ code, stdout, stderr });
          });
        });
      },
      pids: () => children.map((c) => c.pid),
      async stop() {
        for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
        await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => {
          const t = setTimeout(() => { c.kill('SIGKILL'); r(); }, 3000);
          c.once('exit', () => { clearTimeout(t); r(); });
        }))));
        const holderGone = holder && holder.exitCode === null && holder.signalCode === null ? new Promise((r) => holder.once('exit', r)) : null;
        teardown();
        await holderGone;
        process.removeListener('exit', teardown);
      },
    };
  } catch (err) {
    teardown();
    process.removeListener('exit', teardown);
    throw err;
  }
}

/** What a lab leaves behind: namespaces and links whose names start with the prefix. */
export function leftovers(prefix) {
  const holder = holders.get(prefix);
  if (holder) {
    // Unprivileged: the namespaces live and die with the holder's user namespace.
    let alive = holder.exitCode === null && holder.signalCode === null;
    try {
      process.kill(holder.pid, 0);
    } catch {
      alive = false;
    }
    return alive ? [`user namespace holder ${holder.pid} still running`] : [];
  }
  const netns = sh('ip', ['netns', 'list'], { ignore: true }).split('\n').filter((l) => l.startsWith(prefix));
  const links = sh('ip', ['-o', 'link'], { ignore: true }).split('\n').filter((l) => l.includes(prefix));
  const etc = existsSync(`/etc/netns/${prefix}c`) ? [`/etc/netns/${prefix}c`] : [];
  return [...netns, ...links, ...etc];
}

// `npm run lab`: bring the lab up for manual use.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const lab = await startLab({ shutdown: process.argv.includes('--shutdown') }).catch((err) => {
    console.error(`tekser lab: ${err.message}`);
    process.exit(2);
  });
  console.log(`tekser lab is up (${lab.ns.client} -> ${lab.ns.censor} -> ${lab.ns.internet}).`);
  console.log('Run tekser inside the client namespace:\n');
  const enter = lab.holderPid ? `nsenter --target ${lab.holderPid} --user --mount --net --preserve-credentials ` : '';
  console.log(`  ${enter}ip netns exec ${lab.ns.client} ${TEKSER} run ${lab.runArgs.join(' ')}\n`);
  console.log('Scenarios:');
  for (const s of SITES) console.log(`  ${s.scheme}://${s.name}/`.padEnd(32) + s.mirrors);
  console.log('\nCtrl-C tears it down.');
  const stop = async () => {
    await lab.stop();
    console.log('lab torn down');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
