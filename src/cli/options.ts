import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { LINT_FORMATS } from '../lint/format.ts';
import { DEFAULT_MAX_PER_RULE } from '../lint/bound.ts';
import { RULE_WORDS } from '../config/rules.ts';
import { currentLang, LANGS, msg, render, t, type Lang } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';

// commander is CommonJS, required directly (see main.ts).
const { InvalidArgumentError } = createRequire(import.meta.url)('commander') as typeof Commander;

export const COMMAND_NAMES = ['run', 'lint', 'helper', 'certs', 'history', 'show', 'diff', 'export', 'config', 'report', 'evidence', 'analyze', 'push', 'fleet'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface OptionSpec {
  flags: string;
  /** Its words in the catalogue (src/i18n/<lang>.json): `cli.opt.<key>`, in English in the en part. */
  key: string;
  /** Commands where the option means something else (`-q` in diff, `--resolver` in helper): their words are `cli.opt.<key>.<command>`. */
  about?: readonly CommandName[];
  commands: readonly CommandName[];
  defaultValue?: unknown;
  /** Shown in --help instead of the raw default: a value as written (`text`, `7d`), no words. */
  defaultDescription?: string;
  /** The default in words, shown in --help and the README: `cli.opt.<key>.default`. */
  defaultWords?: true;
  choices?: readonly string[];
  parse?: (value: string, previous: unknown) => unknown;
  /** Left out of --help and the README (test and lab switches). */
  hidden?: boolean;
}

/** The problem with a flag's value, in the reader's language (commander adds the flag and the value before it). */
const invalid = (problem: Message): Error => new InvalidArgumentError(render(currentLang(), problem));

/** A commander parser from a shared rule (config/rules.ts): the config file applies the same one. */
function numberBy(check: (v: unknown) => Message | null) {
  return (v: string): number => {
    const n = v.trim() === '' ? NaN : Number(v);
    const problem = check(n);
    if (problem) throw invalid(problem);
    return n;
  };
}
const positiveInt = (_name: string) => numberBy(RULE_WORDS.positiveInt);
const seconds = numberBy(RULE_WORDS.seconds);
const wholeNumber = (_name: string) => numberBy((v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : msg('cli.err.whole-number')));
function collect(v: string, prev: unknown): string[] {
  return [...((prev as string[] | undefined) ?? []), v];
}
function stringBy(check: (v: unknown) => Message | null) {
  return (v: string): string => {
    const problem = check(v);
    if (problem) throw invalid(problem);
    return v;
  };
}
function collectBy(check: (v: unknown) => Message | null) {
  return (v: string, prev: unknown): string[] => collect(stringBy(check)(v), prev);
}

/** The format for people is `text` in every command; `table` is still read (older scripts), as the same. */
const PLAIN_FORMATS = ['text', 'table'];
/** A --format parser: the choices shown, and the name the command's code knows the plain format by. */
function formatBy(choices: readonly string[], plain: 'text' | 'table') {
  return (v: string): string => {
    if (PLAIN_FORMATS.includes(v)) return plain;
    // commander's own words for a wrong choice: the CLI edge says them in the reader's language (errors.ts commanderText).
    if (!choices.includes(v)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return v;
  };
}

/** The shipped lists `tekser run` measures without --list (test-lists/), and the canaries beside them. */
export const SHIPPED_LISTS = ['kz.csv', 'global.csv', 'messengers.yaml', 'circumvention.yaml'] as const;
export const SHIPPED_CANARIES = 'canaries.csv';
const SHIPPED_LISTS_TEXT = SHIPPED_LISTS.join(', ');

/**
 * What the words of --help may name, the same in every language: values, commands, paths, names.
 * Placeholders, so that no Russian or Kazakh sentence in the catalogue carries an English word.
 */
export const HELP_VALUES: Readonly<Record<string, string>> = {
  lists: SHIPPED_LISTS_TEXT,
  canaries: SHIPPED_CANARIES,
  configKey: 'lang',
  system: 'system',
  addressForms: 'udp://IP[:port], tcp://IP[:port]',
  text: 'text',
  none: 'none',
  last: 'last',
  run: 'run',
  github: 'github',
  actions: 'GitHub Actions',
  marks: 'BOM, CRLF',
  browser: 'Tor Browser',
  helperName: 'tekser helper',
  runCmd: 'tekser run',
  pgpassword: 'PGPASSWORD',
  zz: 'ZZ',
  header: 'Authorization: Bearer',
  columns: 'prefix,asn,cc',
  protocol: 'Web Connectivity',
  dataDirs: '$XDG_DATA_HOME/tekser (Linux), ~/Library/Application Support/tekser (macOS), %LOCALAPPDATA%\\tekser (Windows)',
};

/** What an option means in a command, in a language: its words for that command, else its one description. */
export const describeOption = (o: OptionSpec, command: CommandName, lang: Lang = 'en'): string =>
  t(lang, o.about?.includes(command) ? `cli.opt.${o.key}.${command}` : `cli.opt.${o.key}`, HELP_VALUES);

/** The default --help and the README show for an option, when it has one to describe. */
export const describeDefault = (o: OptionSpec, lang: Lang = 'en'): string | undefined =>
  o.defaultWords ? t(lang, `cli.opt.${o.key}.default`, HELP_VALUES) : o.defaultDescription;

/** The one table of CLI options: commander wiring, --help text and the README all come from it. */
export const OPTIONS: readonly OptionSpec[] = [
  // lint
  { flags: '--global <file>', key: 'global', defaultWords: true, commands: ['lint'] },
  { flags: '--categories <file>', key: 'categories', defaultWords: true, commands: ['lint'] },
  { flags: '--fix', key: 'fix', commands: ['lint'] },
  { flags: '-f, --format <format>', key: 'format', choices: LINT_FORMATS, defaultWords: true, commands: ['lint'] },
  { flags: '--max-per-rule <n>', key: 'max-per-rule', parse: wholeNumber('--max-per-rule'), defaultValue: DEFAULT_MAX_PER_RULE, commands: ['lint'] },
  // run
  { flags: '-l, --list <file>', key: 'list', parse: collect, defaultWords: true, commands: ['run', 'config'] },
  { flags: '--canaries <file>', key: 'canaries', defaultWords: true, commands: ['run'] },
  {
    flags: '--resolver <resolver>',
    key: 'resolver',
    about: ['helper'],
    parse: stringBy(RULE_WORDS.resolver),
    defaultValue: 'system',
    commands: ['run', 'helper', 'config'],
  },
  { flags: '--control-resolver <url>', key: 'control-resolver', parse: collectBy(RULE_WORDS.controlResolver), defaultWords: true, commands: ['run', 'config'] },
  { flags: '--control-helper <url>', key: 'control-helper', parse: collectBy(RULE_WORDS.helperUrl), commands: ['run', 'config'] },
  { flags: '--ca-file <pem>', key: 'ca-file', parse: collect, commands: ['run', 'helper', 'config'] },
  { flags: '-c, --concurrency <n>', key: 'concurrency', parse: positiveInt('--concurrency'), defaultValue: 16, commands: ['run', 'config'] },
  { flags: '--dns-timeout <s>', key: 'dns-timeout', parse: seconds, defaultValue: 4, commands: ['run', 'config'] },
  { flags: '--tcp-timeout <s>', key: 'tcp-timeout', parse: seconds, defaultValue: 10, commands: ['run', 'config'] },
  { flags: '--tls-timeout <s>', key: 'tls-timeout', parse: seconds, defaultValue: 10, commands: ['run', 'config'] },
  { flags: '--http-timeout <s>', key: 'http-timeout', parse: seconds, defaultValue: 10, commands: ['run', 'config'] },
  { flags: '--target-timeout <s>', key: 'target-timeout', parse: seconds, defaultValue: 60, commands: ['run', 'config'] },
  { flags: '--retries <n>', key: 'retries', parse: numberBy(RULE_WORDS.retries), defaultValue: 2, commands: ['run', 'config'] },
  { flags: '--harmless-sni <name>', key: 'harmless-sni', defaultValue: 'example.org', commands: ['run'] },
  { flags: '--sni-probe-host <host[:port]>', key: 'sni-probe-host', commands: ['run'] },
  { flags: '--interception-cas <file>', key: 'interception-cas', parse: collect, commands: ['run', 'certs', 'config', 'analyze'] },
  { flags: '--data-dir <dir>', key: 'data-dir', defaultWords: true, commands: ['run', 'history', 'show', 'diff', 'export', 'config', 'report', 'evidence', 'analyze', 'push'] },
  { flags: '--no-save', key: 'no-save', commands: ['run'] },
  { flags: '--config <file>', key: 'config', defaultWords: true, commands: ['run', 'config', 'push'] },
  { flags: '--max-runtime <s>', key: 'max-runtime', parse: seconds, commands: ['run', 'config'] },
  {
    flags: '-q, --quiet',
    key: 'quiet',
    about: ['diff'],
    commands: ['run', 'diff'],
  },
  {
    flags: '--format <format>',
    key: 'format.run',
    choices: ['text', 'json', 'jsonl'],
    parse: formatBy(['text', 'json', 'jsonl'], 'table'),
    defaultValue: 'table',
    defaultDescription: 'text',
    commands: ['run', 'show', 'analyze'],
  },
  { flags: '-o, --output <file>', key: 'output', commands: ['run'] },
  { flags: '-o, --output <file>', key: 'output.export', commands: ['export', 'report', 'analyze'] },
  { flags: '--fail-on <what>', key: 'fail-on', choices: ['blocked'], commands: ['run', 'analyze'] },
  { flags: '--include-bodies', key: 'include-bodies', commands: ['run', 'analyze'] },
  { flags: '-v, --verbose', key: 'verbose', commands: ['run', 'show', 'analyze'] },
  { flags: '--no-color', key: 'no-color', commands: ['run', 'show', 'analyze'] },
  // run: what still works (ways out)
  { flags: '--bridge <line>', key: 'bridge', parse: collect, commands: ['run'] },
  { flags: '--bridges <file>', key: 'bridges', parse: collect, commands: ['run'] },
  { flags: '--endpoint <url>', key: 'endpoint', parse: collect, commands: ['run'] },
  { flags: '--echo-ports <ports>', key: 'echo-ports', commands: ['run'] },
  { flags: '--way-timeout <s>', key: 'way-timeout', parse: seconds, defaultValue: 6, commands: ['run'] },
  { flags: '--no-ways', key: 'no-ways', commands: ['run'] },
  { flags: '--reveal-private', key: 'reveal-private', commands: ['run'] },
  // the network this probe measures from, and the fleet it pushes to
  { flags: '--network-asn <asn>', key: 'network-asn', parse: stringBy(RULE_WORDS.asn), commands: ['run', 'config'] },
  { flags: '--network-cc <cc>', key: 'network-cc', parse: stringBy(RULE_WORDS.countryCode), commands: ['run', 'config'] },
  { flags: '--network-name <name>', key: 'network-name', parse: stringBy(RULE_WORDS.networkName), commands: ['run', 'config'] },
  { flags: '--network-from-helper', key: 'network-from-helper', commands: ['run', 'config'] },
  { flags: '--fleet-url <url>', key: 'fleet-url', parse: stringBy(RULE_WORDS.fleetUrl), commands: ['run', 'config'] },
  { flags: '--push', key: 'push', commands: ['run'] },
  { flags: '--to <url>', key: 'to', parse: stringBy(RULE_WORDS.fleetUrl), defaultWords: true, commands: ['push'] },
  { flags: '--all', key: 'all', commands: ['push'] },
  { flags: '--db <url>', key: 'db', parse: stringBy(RULE_WORDS.fleetUrl), commands: ['fleet'] },
  { flags: '--from <url>', key: 'from', parse: stringBy(RULE_WORDS.fleetUrl), commands: ['report', 'history', 'diff'] },
  { flags: '--since <when>', key: 'since', defaultDescription: '7d', commands: ['history', 'diff'] },
  { flags: '--network <name>', key: 'network', parse: collect, commands: ['report', 'history', 'diff'] },
  // history, show, diff, export
  { flags: '--format <format>', key: 'format.history', choices: ['text', 'json'], parse: formatBy(['text', 'json'], 'table'), defaultValue: 'table', defaultDescription: 'text', commands: ['history'] },
  { flags: '--format <format>', key: 'format.diff', choices: ['text', 'json'], parse: formatBy(['text', 'json'], 'text'), defaultValue: 'text', commands: ['diff', 'config'] },
  { flags: '--fail-on-change', key: 'fail-on-change', commands: ['diff'] },
  { flags: '--ooni', key: 'ooni', commands: ['export'] },
  { flags: '--probe-asn <asn>', key: 'probe-asn', commands: ['export'] },
  { flags: '--probe-cc <cc>', key: 'probe-cc', commands: ['export'] },
  { flags: '--include-bodies', key: 'include-bodies.export', commands: ['export'] },
  // report, evidence
  { flags: '--since <when>', key: 'since.report', defaultValue: '24h', commands: ['report'] },
  { flags: '--csv <file>', key: 'csv', commands: ['report'] },
  {
    flags: '--include-bodies',
    key: 'include-bodies.report',
    about: ['evidence'],
    commands: ['report', 'evidence'],
  },
  { flags: '-o, --output <file>', key: 'output.evidence', defaultDescription: 'tekser-evidence-<run id>.tar.gz', commands: ['evidence'] },
  { flags: '--verify <file>', key: 'verify', commands: ['evidence'] },
  // certs
  { flags: '--store <pem>', key: 'store', parse: collect, commands: ['certs'] },
  // helper
  { flags: '--listen <host:port>', key: 'listen', defaultValue: '127.0.0.1:8080', commands: ['helper'] },
  { flags: '--tls-cert <pem>', key: 'tls-cert', commands: ['helper'] },
  { flags: '--tls-key <pem>', key: 'tls-key', commands: ['helper'] },
  { flags: '--token <token>', key: 'token', defaultWords: true, commands: ['helper'] },
  { flags: '--rate-limit <n>', key: 'rate-limit', parse: positiveInt('--rate-limit'), defaultValue: 60, commands: ['helper'] },
  { flags: '--max-concurrent <n>', key: 'max-concurrent', parse: positiveInt('--max-concurrent'), defaultValue: 16, commands: ['helper'] },
  { flags: '--trust-forwarded-for', key: 'trust-forwarded-for', commands: ['helper'] },
  { flags: '--echo-ports <ports>', key: 'echo-ports.helper', commands: ['helper'] },
  { flags: '--asn-table <csv>', key: 'asn-table', commands: ['helper'] },
  { flags: '--reference-port <port>', key: 'reference-port', parse: positiveInt('--reference-port'), commands: ['helper'] },
  // every command: the language it speaks
  { flags: '--lang <lang>', key: 'lang', choices: LANGS, defaultWords: true, commands: COMMAND_NAMES },
  { flags: '--allow-lab-ranges', key: 'allow-lab-ranges', commands: ['helper'], hidden: true },
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
    const described = describeDefault(o);
    const shown = o.defaultValue !== undefined && o.defaultValue !== false ? (described ?? String(o.defaultValue)) : null;
    const def = shown !== null ? `\`${shown}\`` : (described ?? '');
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
