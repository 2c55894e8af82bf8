import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { LINT_FORMATS } from '../lint/format.ts';
import { DEFAULT_MAX_PER_RULE } from '../lint/bound.ts';
import { RULES } from '../config/rules.ts';

// commander is CommonJS, required directly (see main.ts).
const { InvalidArgumentError } = createRequire(import.meta.url)('commander') as typeof Commander;

export type CommandName = 'run' | 'lint' | 'helper' | 'certs' | 'history' | 'show' | 'diff' | 'export' | 'config' | 'report' | 'evidence' | 'analyze' | 'push' | 'fleet';

export interface OptionSpec {
  flags: string;
  description: string;
  /** The words for a command where the option means something else there (`-q` in diff, `--resolver` in helper). */
  about?: Partial<Record<CommandName, string>>;
  commands: readonly CommandName[];
  defaultValue?: unknown;
  /** Shown in --help instead of the raw default. */
  defaultDescription?: string;
  choices?: readonly string[];
  parse?: (value: string, previous: unknown) => unknown;
  /** Left out of --help and the README (test and lab switches). */
  hidden?: boolean;
}

/** A commander parser from a shared rule (config/rules.ts): the config file applies the same one. */
function numberBy(check: (v: unknown) => string | null) {
  return (v: string): number => {
    const n = v.trim() === '' ? NaN : Number(v);
    const problem = check(n);
    if (problem) throw new InvalidArgumentError(problem);
    return n;
  };
}
const positiveInt = (_name: string) => numberBy(RULES.positiveInt);
const seconds = numberBy(RULES.seconds);
const wholeNumber = (_name: string) => numberBy((v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : 'must be a whole number ≥ 0'));
function collect(v: string, prev: unknown): string[] {
  return [...((prev as string[] | undefined) ?? []), v];
}
function stringBy(check: (v: unknown) => string | null) {
  return (v: string): string => {
    const problem = check(v);
    if (problem) throw new InvalidArgumentError(problem);
    return v;
  };
}
function collectBy(check: (v: unknown) => string | null) {
  return (v: string, prev: unknown): string[] => collect(stringBy(check)(v), prev);
}

/** The format for people is `text` in every command; `table` is still read (older scripts), as the same. */
const PLAIN_FORMATS = ['text', 'table'];
/** A --format parser: the choices shown, and the name the command's code knows the plain format by. */
function formatBy(choices: readonly string[], plain: 'text' | 'table') {
  return (v: string): string => {
    if (PLAIN_FORMATS.includes(v)) return plain;
    if (!choices.includes(v)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return v;
  };
}

/** What an option means in a command: its words for that command, else its one description. */
export const describeOption = (o: OptionSpec, command: CommandName): string => o.about?.[command] ?? o.description;

/** The shipped lists `tekser run` measures without --list (test-lists/), and the canaries beside them. */
export const SHIPPED_LISTS = ['kz.csv', 'global.csv', 'messengers.yaml', 'circumvention.yaml'] as const;
export const SHIPPED_CANARIES = 'canaries.csv';

/** The one table of CLI options: commander wiring, --help text and the README all come from it. */
export const OPTIONS: readonly OptionSpec[] = [
  // lint
  { flags: '--global <file>', description: 'global list to check local lists against', defaultDescription: 'global.csv beside each list', commands: ['lint'] },
  { flags: '--categories <file>', description: 'category legend (00-LEGEND-new_category_codes.csv format)', defaultDescription: 'the legend beside each list, else built in', commands: ['lint'] },
  { flags: '--fix', description: 'rewrite what is mechanically fixable (spaces, trailing slash, exact duplicates, BOM, CRLF) and report it', commands: ['lint'] },
  { flags: '-f, --format <format>', description: 'output format', choices: LINT_FORMATS, defaultDescription: 'github under GitHub Actions, else text', commands: ['lint'] },
  { flags: '--max-per-rule <n>', description: 'problems of one rule listed per file; the rest become one line "and N more like this (rows a–b)" (JSON and SARIF carry the count); 0 lists all', parse: wholeNumber('--max-per-rule'), defaultValue: DEFAULT_MAX_PER_RULE, commands: ['lint'] },
  // run
  { flags: '-l, --list <file>', description: 'test list to run: Citizen Lab CSV, or a YAML service list (messengers, circumvention); repeat for several', parse: collect, defaultDescription: `the shipped lists in test-lists/: ${SHIPPED_LISTS.join(', ')}`, commands: ['run', 'config'] },
  { flags: '--canaries <file>', description: 'neutral canary targets (CSV) measured to recognise an allow-list regime; "none" to skip', defaultDescription: `test-lists/${SHIPPED_CANARIES} when the shipped lists run, else none`, commands: ['run'] },
  {
    flags: '--resolver <resolver>',
    description: 'resolver under test: system, udp://IP[:port], tcp://IP[:port] or a DoH URL',
    about: { helper: 'resolver the helper looks each name up with: system, udp://IP[:port], tcp://IP[:port] or a DoH URL' },
    parse: stringBy(RULES.resolver),
    defaultValue: 'system',
    commands: ['run', 'helper', 'config'],
  },
  { flags: '--control-resolver <url>', description: 'DoH resolver used as the control; repeat for fallbacks. By IP (https://1.1.1.1/dns-query), or by name with its address after # (https://dns.google/dns-query#8.8.8.8); a bare name is looked up once with the system resolver, and a failure there counts against the control, never the target', parse: collectBy(RULES.controlResolver), defaultDescription: 'https://1.1.1.1/dns-query, then https://8.8.8.8/dns-query', commands: ['run', 'config'] },
  { flags: '--control-helper <url>', description: 'control helper (`tekser helper` outside the censored network, or an OONI test helper) that fetches each URL from outside; tells "down" from "blocked". Repeat for failover: the next is tried when one fails or has not answered in 15 s', parse: collectBy(RULES.helperUrl), commands: ['run', 'config'] },
  { flags: '--ca-file <pem>', description: 'extra trusted root(s) in PEM, added to the bundled public roots; repeatable', parse: collect, commands: ['run', 'helper', 'config'] },
  { flags: '-c, --concurrency <n>', description: 'targets measured at once', parse: positiveInt('--concurrency'), defaultValue: 16, commands: ['run', 'config'] },
  { flags: '--dns-timeout <s>', description: 'DNS timeout per query, seconds', parse: seconds, defaultValue: 4, commands: ['run', 'config'] },
  { flags: '--tcp-timeout <s>', description: 'TCP connect timeout, seconds', parse: seconds, defaultValue: 10, commands: ['run', 'config'] },
  { flags: '--tls-timeout <s>', description: 'TLS handshake timeout, seconds', parse: seconds, defaultValue: 10, commands: ['run', 'config'] },
  { flags: '--http-timeout <s>', description: 'HTTP response timeout, seconds', parse: seconds, defaultValue: 10, commands: ['run', 'config'] },
  { flags: '--target-timeout <s>', description: 'whole-target deadline, seconds', parse: seconds, defaultValue: 60, commands: ['run', 'config'] },
  { flags: '--retries <n>', description: 'extra attempts (fresh connections) before a failing step counts as blocked', parse: numberBy(RULES.retries), defaultValue: 2, commands: ['run', 'config'] },
  { flags: '--harmless-sni <name>', description: 'SNI used to prove SNI filtering (the same address should accept it)', defaultValue: 'example.org', commands: ['run'] },
  { flags: '--sni-probe-host <host[:port]>', description: 'neutral TLS server to send blocked SNIs to: shows whether the filter follows the name anywhere', commands: ['run'] },
  { flags: '--interception-cas <file>', description: 'extra known interception CAs (YAML/JSON, see README), added to the built-in table', parse: collect, commands: ['run', 'certs', 'config', 'analyze'] },
  { flags: '--data-dir <dir>', description: 'where runs, history and the config file live', defaultDescription: '$XDG_DATA_HOME/tekser (Linux), ~/Library/Application Support/tekser (macOS), %LOCALAPPDATA%\\tekser (Windows); TEKSER_DATA_DIR overrides', commands: ['run', 'history', 'show', 'diff', 'export', 'config', 'report', 'evidence', 'analyze', 'push'] },
  { flags: '--no-save', description: 'do not keep this run in the data directory (no lock either)', commands: ['run'] },
  { flags: '--config <file>', description: 'config file (YAML) with defaults for run; flags override it', defaultDescription: '<data-dir>/config.yaml if present', commands: ['run', 'config', 'push'] },
  { flags: '--max-runtime <s>', description: 'whole-run deadline: no new targets start after it (set it below your cron interval)', parse: seconds, commands: ['run', 'config'] },
  {
    flags: '-q, --quiet',
    description: 'print nothing unless something is blocked or a finding is made (for cron mail)',
    about: { diff: 'print nothing unless something changed (for cron mail)' },
    commands: ['run', 'diff'],
  },
  {
    flags: '--format <format>',
    description: 'output: text (the table, for people), json (one document), jsonl (one line per target as it finishes)',
    choices: ['text', 'json', 'jsonl'],
    parse: formatBy(['text', 'json', 'jsonl'], 'table'),
    defaultValue: 'table',
    defaultDescription: 'text',
    commands: ['run', 'show', 'analyze'],
  },
  { flags: '-o, --output <file>', description: 'write the report to a file instead of stdout (the terminal still gets the summary and findings, on stderr)', commands: ['run'] },
  { flags: '-o, --output <file>', description: 'write the report to a file instead of stdout', commands: ['export', 'report', 'analyze'] },
  { flags: '--fail-on <what>', description: 'exit 1 when a target is blocked (for CI)', choices: ['blocked'], commands: ['run', 'analyze'] },
  { flags: '--include-bodies', description: 'keep page bodies in JSON output (they may contain your own IP address)', commands: ['run', 'analyze'] },
  { flags: '-v, --verbose', description: 'show the evidence under each row of the table', commands: ['run', 'show', 'analyze'] },
  { flags: '--no-color', description: 'no colours (NO_COLOR is honoured too)', commands: ['run', 'show', 'analyze'] },
  // run: what still works (ways out)
  { flags: '--bridge <line>', description: 'a Tor bridge line of your own to check (as Tor Browser takes it); repeatable. Private: its address never appears in reports', parse: collect, commands: ['run'] },
  { flags: '--bridges <file>', description: 'a file of bridge lines (one per line, # comments); repeatable', parse: collect, commands: ['run'] },
  { flags: '--endpoint <url>', description: 'your own VPN or proxy endpoint to check: tcp://, tls://, https://, stun://, quic://, openvpn:// or openvpn+tcp:// host:port; repeatable. Private, like --bridge', parse: collect, commands: ['run'] },
  { flags: '--echo-ports <ports>', description: "with --control-helper: probe the helper's echo service on these ports (tcp:179,3785 udp:3478): which ports reach outside, and whether WireGuard or OpenVPN is dropped by its signature", commands: ['run'] },
  { flags: '--way-timeout <s>', description: 'per-probe timeout for the ways out, seconds', parse: seconds, defaultValue: 6, commands: ['run'] },
  { flags: '--no-ways', description: "do not try the lists' ways out (what still works); your --bridge and --endpoint are still checked", commands: ['run'] },
  { flags: '--reveal-private', description: 'write your bridges and endpoints in clear in reports, history and exports (they are hashed and scrubbed otherwise)', commands: ['run'] },
  // the network this probe measures from, and the fleet it pushes to
  { flags: '--network-asn <asn>', description: 'AS number of the network measured from (9198 or AS9198), kept with the run; never looked up', parse: stringBy(RULES.asn), commands: ['run', 'config'] },
  { flags: '--network-cc <cc>', description: 'country of the network measured from (two letters, KZ)', parse: stringBy(RULES.countryCode), commands: ['run', 'config'] },
  { flags: '--network-name <name>', description: 'name of the network measured from, as people call it (Kazakhtelecom); fleet reports group by it', parse: stringBy(RULES.networkName), commands: ['run', 'config'] },
  { flags: '--network-from-helper', description: 'ask the control helper for the AS and country it sees this machine in (it needs --asn-table; it never says the address); --network-asn and --network-cc win', commands: ['run', 'config'] },
  { flags: '--fleet-url <url>', description: "the fleet's PostgreSQL database (postgres://probe@host/db?sslmode=verify-full; the password in ~/.pgpass or PGPASSWORD)", parse: stringBy(RULES.fleetUrl), commands: ['run', 'config'] },
  { flags: '--push', description: 'after the run, push it (and any run still queued) to --fleet-url; a database that cannot be reached keeps them queued', commands: ['run'] },
  { flags: '--to <url>', description: "the fleet's PostgreSQL database", parse: stringBy(RULES.fleetUrl), defaultDescription: 'fleet_url in the config file', commands: ['push'] },
  { flags: '--all', description: 'push every stored run (the database keeps each once)', commands: ['push'] },
  { flags: '--db <url>', description: "the fleet's PostgreSQL database, as a role that may create schemas and roles", parse: stringBy(RULES.fleetUrl), commands: ['fleet'] },
  { flags: '--from <url>', description: "read the fleet's PostgreSQL database (a reader role) instead of the data directory", parse: stringBy(RULES.fleetUrl), commands: ['report', 'history', 'diff'] },
  { flags: '--since <when>', description: 'with --from: the runs since then, as a duration (90m, 24h, 7d) or a UTC date/time', defaultDescription: '7d', commands: ['history', 'diff'] },
  { flags: '--network <name>', description: 'with --from: only these networks (name, or AS number); repeatable', parse: collect, commands: ['report', 'history', 'diff'] },
  // history, show, diff, export
  { flags: '--format <format>', description: 'output: text (for people) or json', choices: ['text', 'json'], parse: formatBy(['text', 'json'], 'table'), defaultValue: 'table', defaultDescription: 'text', commands: ['history'] },
  { flags: '--format <format>', description: 'output: text (for people) or json', choices: ['text', 'json'], parse: formatBy(['text', 'json'], 'text'), defaultValue: 'text', commands: ['diff', 'config'] },
  { flags: '--fail-on-change', description: 'exit 1 when anything changed (so cron mails only then)', commands: ['diff'] },
  { flags: '--ooni', description: "write OONI's data format (JSONL, one measurement per line)", commands: ['export'] },
  { flags: '--probe-asn <asn>', description: "the network's AS number (AS1234), instead of the one the run recorded; OONI's pipeline drops AS0", commands: ['export'] },
  { flags: '--probe-cc <cc>', description: "the network's country (two letters), instead of the one the run recorded; OONI's pipeline drops ZZ", commands: ['export'] },
  { flags: '--include-bodies', description: "keep the page bodies the run kept (only runs made with --include-bodies have them): OONI can then match a block page by its fingerprint, but a page may contain your own IP address", commands: ['export'] },
  // report, evidence
  { flags: '--since <when>', description: 'without run ids: the runs since then, as a duration (90m, 24h, 7d) or a UTC date/time', defaultValue: '24h', commands: ['report'] },
  { flags: '--csv <file>', description: 'also write the timeline as CSV (one line per run and target)', commands: ['report'] },
  {
    flags: '--include-bodies',
    description: 'show the page bodies the run kept on the page (only runs made with --include-bodies have them; they may contain your own IP address)',
    about: { evidence: 'put the page bodies the run kept in the bundle (only runs made with --include-bodies have them; they may contain your own IP address)' },
    commands: ['report', 'evidence'],
  },
  { flags: '-o, --output <file>', description: 'bundle to write (.tar.gz)', defaultDescription: 'tekser-evidence-<run id>.tar.gz', commands: ['evidence'] },
  { flags: '--verify <file>', description: 'check a bundle against its manifest (exit 1 with the reason when a file does not match)', commands: ['evidence'] },
  // certs
  { flags: '--store <pem>', description: 'check this PEM bundle instead of the system trust store; repeatable', parse: collect, commands: ['certs'] },
  // helper
  { flags: '--listen <host:port>', description: 'address to serve the control helper on', defaultValue: '127.0.0.1:8080', commands: ['helper'] },
  { flags: '--tls-cert <pem>', description: 'serve over HTTPS with this certificate (with --tls-key)', commands: ['helper'] },
  { flags: '--tls-key <pem>', description: 'private key for --tls-cert', commands: ['helper'] },
  { flags: '--token <token>', description: 'shared token callers must send (Authorization: Bearer); tekser run sends $TEKSER_HELPER_TOKEN', defaultDescription: '$TEKSER_HELPER_TOKEN, else none: open to anyone, as OONI helpers are', commands: ['helper'] },
  { flags: '--rate-limit <n>', description: 'requests per minute per client address', parse: positiveInt('--rate-limit'), defaultValue: 60, commands: ['helper'] },
  { flags: '--max-concurrent <n>', description: 'measurements in flight at once (503 above)', parse: positiveInt('--max-concurrent'), defaultValue: 16, commands: ['helper'] },
  { flags: '--trust-forwarded-for', description: 'rate-limit by the X-Forwarded-For your reverse proxy sets (only behind one)', commands: ['helper'] },
  { flags: '--echo-ports <ports>', description: 'opt-in echo service on these ports (tcp:179,3785,5060 udp:3478,51820): each reply the same bytes, never more; rate-limited per sender', commands: ['helper'] },
  { flags: '--asn-table <csv>', description: 'IP-to-AS table (prefix,asn,cc per line): GET /network tells a caller its AS and country, never its address', commands: ['helper'] },
  { flags: '--reference-port <port>', description: "opt-in throughput reference over TLS on this port (any SNI, a throwaway certificate): tekser run downloads it with a slow site's name and with a harmless one to prove throttling by name", parse: positiveInt('--reference-port'), commands: ['helper'] },
  { flags: '--allow-lab-ranges', description: 'network lab only: dial documentation and benchmarking ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 198.18/15)', commands: ['helper'], hidden: true },
];


/** A table cell: pipes escaped, and <…> outside code spans kept from being read as HTML. */
const mdCell = (s: string): string =>
  s
    .replace(/\|/g, '\\|')
    .split('`')
    .map((part, i) => (i % 2 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('`');

/** The README's option table for a command, generated from OPTIONS (test/readme.test.ts keeps them equal). */
export function optionsMarkdown(command: CommandName): string {
  const rows = OPTIONS.filter((o) => o.commands.includes(command) && !o.hidden).map((o) => {
    const shown = o.defaultValue !== undefined && o.defaultValue !== false ? (o.defaultDescription ?? String(o.defaultValue)) : null;
    const def = shown !== null ? `\`${shown}\`` : (o.defaultDescription ?? '');
    const choices = o.choices ? ` (${o.choices.map((c) => `\`${c}\``).join(', ')})` : '';
    return `| \`${o.flags}\` | ${mdCell(def)} | ${mdCell(describeOption(o, command))}${choices} |`;
  });
  return ['| option | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The markers around a generated table in the README. */
export const README_MARKERS = (command: CommandName): [string, string] => [`<!-- options:${command} (generated from src/cli/options.ts by npm run docs) -->`, `<!-- /options:${command} -->`];

/** The README with every marked option table regenerated. */
export function updateReadme(readme: string): string {
  let out = readme;
  for (const command of ['run', 'lint', 'history', 'show', 'diff', 'export', 'config', 'certs', 'helper'] as const) {
    const [start, end] = README_MARKERS(command);
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) continue;
    out = `${out.slice(0, i + start.length)}\n${optionsMarkdown(command)}\n${out.slice(j)}`;
  }
  return out;
}
