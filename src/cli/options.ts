import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { LINT_FORMATS } from '../lint/format.ts';
import { RULES } from '../config/rules.ts';

// commander is CommonJS, required directly (see main.ts).
const { InvalidArgumentError } = createRequire(import.meta.url)('commander') as typeof Commander;

export type CommandName = 'run' | 'lint' | 'helper' | 'certs' | 'history' | 'show' | 'diff' | 'export' | 'config' | 'report' | 'evidence' | 'analyze';

export interface OptionSpec {
  flags: string;
  description: string;
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

/** The one table of CLI options: commander wiring, --help text and the README all come from it. */
export const OPTIONS: readonly OptionSpec[] = [
  // lint
  { flags: '--global <file>', description: 'global list to check local lists against', defaultDescription: 'global.csv beside each list', commands: ['lint'] },
  { flags: '--categories <file>', description: 'category legend (00-LEGEND-new_category_codes.csv format)', defaultDescription: 'the legend beside each list, else built in', commands: ['lint'] },
  { flags: '--fix', description: 'rewrite what is mechanically fixable (spaces, trailing slash, exact duplicates, BOM, CRLF) and report it', commands: ['lint'] },
  { flags: '-f, --format <format>', description: 'output format', choices: LINT_FORMATS, defaultDescription: 'github under GitHub Actions, else text', commands: ['lint'] },
  // run
  { flags: '-l, --list <file>', description: 'test list to run: Citizen Lab CSV, or a YAML service list (messengers, circumvention); repeat for several', parse: collect, defaultDescription: 'the shipped lists in test-lists/: kz.csv, global.csv, messengers.yaml, circumvention.yaml', commands: ['run', 'config'] },
  { flags: '--canaries <file>', description: 'neutral canary targets (CSV) measured to recognise an allow-list regime; "none" to skip', defaultDescription: 'test-lists/canaries.csv when the shipped lists run, else none', commands: ['run'] },
  { flags: '--resolver <resolver>', description: 'resolver under test: system, udp://IP[:port], tcp://IP[:port] or a DoH URL', parse: stringBy(RULES.resolver), defaultValue: 'system', commands: ['run', 'helper', 'config'] },
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
  { flags: '--data-dir <dir>', description: 'where runs, history and the config file live', defaultDescription: '$XDG_DATA_HOME/tekser (Linux), ~/Library/Application Support/tekser (macOS), %LOCALAPPDATA%\\tekser (Windows); TEKSER_DATA_DIR overrides', commands: ['run', 'history', 'show', 'diff', 'export', 'config', 'report', 'evidence', 'analyze'] },
  { flags: '--no-save', description: 'do not keep this run in the data directory (no lock either)', commands: ['run'] },
  { flags: '--config <file>', description: 'config file (YAML) with defaults for run; flags override it', defaultDescription: '<data-dir>/config.yaml if present', commands: ['run', 'config'] },
  { flags: '--max-runtime <s>', description: 'whole-run deadline: no new targets start after it (set it below your cron interval)', parse: seconds, commands: ['run', 'config'] },
  { flags: '-q, --quiet', description: 'run: print nothing unless something is blocked or a finding is made; diff: print nothing unless something changed (for cron mail)', commands: ['run', 'diff'] },
  { flags: '--format <format>', description: 'output: table (people), json (one document), jsonl (one line per target as it finishes)', choices: ['table', 'json', 'jsonl'], defaultValue: 'table', commands: ['run', 'show', 'analyze'] },
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
  { flags: '--format <format>', description: 'output format', choices: ['table', 'json'], defaultValue: 'table', commands: ['history'] },
  { flags: '--format <format>', description: 'output format', choices: ['text', 'json'], defaultValue: 'text', commands: ['diff'] },
  { flags: '--format <format>', description: 'output format', choices: ['text', 'json'], defaultValue: 'text', commands: ['config'] },
  { flags: '--fail-on-change', description: 'exit 1 when anything changed (so cron mails only then)', commands: ['diff'] },
  { flags: '--ooni', description: "write OONI's data format (JSONL, one measurement per line)", commands: ['export'] },
  // report, evidence
  { flags: '--since <when>', description: 'without run ids: the runs since then, as a duration (90m, 24h, 7d) or a UTC date/time', defaultValue: '24h', commands: ['report'] },
  { flags: '--csv <file>', description: 'also write the timeline as CSV (one line per run and target)', commands: ['report'] },
  { flags: '--include-bodies', description: 'show page bodies the run kept (only runs made with --include-bodies have them; they may contain your own IP address)', commands: ['report', 'evidence'] },
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
    const def = o.defaultValue !== undefined && o.defaultValue !== false ? `\`${String(o.defaultValue)}\`` : (o.defaultDescription ?? '');
    const choices = o.choices ? ` (${o.choices.map((c) => `\`${c}\``).join(', ')})` : '';
    return `| \`${o.flags}\` | ${mdCell(def)} | ${mdCell(o.description)}${choices} |`;
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
