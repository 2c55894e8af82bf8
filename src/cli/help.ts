import type * as Commander from 'commander';
import { EXIT } from '../errors.ts';
import { t, type Lang } from '../i18n/index.ts';
import { HELP_VALUES, type CommandName } from './options.ts';

// --help in the reader's language: the examples and notes after each command's options, and
// commander's own words (Usage:, Options:, "(default: …)"). The words are in the catalogue
// (src/i18n/<lang>.json); the commands in the examples are the same in every language.

/** An example: the command line, and what it does (`cli.ex.…`), when it needs saying. */
type Example = readonly [command: string, key?: string];
/** A part of the text after the options: examples in a column, or sentences (`cli.help.…`, each its own lines). */
type Block = { examples: readonly Example[]; width: number } | { say: readonly string[] };

/** What the sentences may name besides the option table's values: methods, commands and exit codes, some in the language. */
const HELP_PARAMS = (lang: Lang): Record<string, string> => ({
  ...HELP_VALUES,
  methods: 'dns, tcp_ip, tls, mitm, http-failure, http-diff',
  history: 'tekser history',
  head: '| head',
  interrupted: String(EXIT.interrupted),
  terminated: String(EXIT.terminated),
  helperCmd: '`tekser run --control-helper`',
  pushCmd: '`run --push`',
  helpCmd: `\`tekser <${t(lang, 'cli.help.command')}> --help\``,
  defaultWord: t(lang, 'cli.config.default'),
});

/** A sentence of --help: its key, filled with the values help may name. */
export const helpWords = (lang: Lang, key: string): string => t(lang, key, HELP_PARAMS(lang));

const CONFIG_EXAMPLE = `  lists: [/home/me/lists/kz.csv]
  resolver: system
  control_helper: https://helper.example.org/
  concurrency: 8
  timeouts: { dns: 4, tcp: 10, tls: 10, http: 10, target: 60 }
  max_runtime: 3000`;

/** The text after each command's options, in order. */
const HELP_AFTER: Record<CommandName | 'tekser', readonly Block[]> = {
  tekser: [
    {
      width: 48,
      examples: [
        ['tekser run', 'cli.ex.top.run'],
        ['tekser run https://orda.kz/ https://kaztag.kz/', 'cli.ex.top.sites'],
        ['tekser run --control-helper https://helper.example/', 'cli.ex.top.helper'],
        ['tekser history', 'cli.ex.top.history'],
        ['tekser diff --quiet', 'cli.ex.top.diff'],
        ['tekser lint test-lists/', 'cli.ex.top.lint'],
        ['tekser config', 'cli.ex.top.config'],
      ],
    },
    { say: ['cli.help.top.more'] },
  ],
  lint: [
    {
      width: 48,
      examples: [
        ['tekser lint test-lists/', 'cli.ex.lint.dir'],
        ['tekser lint lists/kz.csv --global lists/global.csv'],
        ['tekser lint lists/ --format github', 'cli.ex.lint.github'],
        ['tekser lint lists/kz.csv --fix', 'cli.ex.lint.fix'],
      ],
    },
    { say: ['cli.help.lint.exit'] },
  ],
  run: [
    {
      width: 48,
      examples: [
        ['tekser run', 'cli.ex.run.shipped'],
        ['tekser run https://orda.kz/ https://kaztag.kz/', 'cli.ex.run.urls'],
        ['tekser run --list lists/kz.csv --format jsonl -o results.jsonl'],
        ['tekser run --resolver udp://192.0.2.53 --control-helper https://helper.example/'],
        ['tekser run --list my.csv --fail-on blocked', 'cli.ex.run.ci'],
      ],
    },
    { say: ['cli.help.run.lists', 'cli.help.run.verdicts', 'cli.help.run.saved', 'cli.help.run.exit'] },
  ],
  history: [
    { width: 35, examples: [['tekser history', 'cli.ex.history.list'], ['tekser history --format json']] },
    { say: ['cli.help.history.interrupted'] },
  ],
  show: [
    {
      width: 35,
      examples: [['tekser show last', 'cli.ex.show.last'], ['tekser show last~1 -v', 'cli.ex.show.before'], ['tekser show 20261123T090000Z-1a2b --format json']],
    },
  ],
  diff: [
    { width: 35, examples: [['tekser diff', 'cli.ex.diff.last'], ['tekser diff last~5 last', 'cli.ex.diff.five'], ['tekser diff --fail-on-change', 'cli.ex.diff.fail']] },
  ],
  export: [
    { width: 0, examples: [['tekser export --ooni last > last.jsonl'], ['tekser export --ooni 20261123T090000Z-1a2b -o run.jsonl']] },
    { say: ['cli.help.export.about'] },
  ],
  config: [
    { say: ['cli.help.config.about'] },
    { width: 0, examples: [['tekser config'], ['tekser config --format json']] },
    { say: ['cli.help.config.file'] },
  ],
  report: [
    {
      width: 49,
      examples: [
        ['tekser report last -o report.html', 'cli.ex.report.one'],
        ['tekser report -o day.html --csv day.csv', 'cli.ex.report.day'],
        ['tekser report --since 7d -o week.html'],
        ['tekser report last~1 last -o two.html', 'cli.ex.report.named'],
      ],
    },
    { say: ['cli.help.report.privacy'] },
  ],
  evidence: [
    { width: 49, examples: [['tekser evidence last -o evidence.tar.gz', 'cli.ex.evidence.write'], ['tekser evidence --verify evidence.tar.gz', 'cli.ex.evidence.verify']] },
    { say: ['cli.help.evidence.exit'] },
  ],
  certs: [
    { say: ['cli.help.certs.about'] },
    { width: 0, examples: [['tekser certs'], ['tekser certs --store /path/to/bundle.pem'], ['tekser certs --interception-cas my-cas.yaml']] },
    { say: ['cli.help.certs.exit'] },
  ],
  analyze: [
    { say: ['cli.help.analyze.about'] },
    {
      width: 48,
      examples: [
        ['tekser analyze measurement.json', 'cli.ex.analyze.one'],
        ['tekser analyze export.jsonl --format jsonl', 'cli.ex.analyze.jsonl'],
        ["curl -s 'https://api.ooni.io/api/v1/measurement_meta?measurement_uid=…&full=true' | tekser analyze -"],
        ['tekser analyze last', 'cli.ex.analyze.last'],
      ],
    },
    { say: ['cli.help.analyze.exit'] },
  ],
  push: [
    {
      width: 49,
      examples: [
        ['tekser push', 'cli.ex.push.queued'],
        ['tekser push last --to postgres://probe_alice@fleet.example.org/tekser?sslmode=verify-full'],
        ['tekser push --all', 'cli.ex.push.all'],
      ],
    },
    { say: ['cli.help.push.about', 'cli.help.push.exit'] },
  ],
  fleet: [
    { width: 0, examples: [['tekser fleet init --db postgres://admin@fleet.example.org/tekser?sslmode=verify-full']] },
    { say: ['cli.help.fleet.about', 'cli.help.fleet.exit'] },
  ],
  helper: [
    { say: ['cli.help.helper.about'] },
    {
      width: 60,
      examples: [
        ['tekser helper --listen 0.0.0.0:8080'],
        ['tekser helper --listen 0.0.0.0:443 --tls-cert cert.pem --tls-key key.pem'],
        ['TEKSER_HELPER_TOKEN=$(openssl rand -hex 24) tekser helper', 'cli.ex.helper.token'],
      ],
    },
    { say: ['cli.help.helper.exit'] },
  ],
};

/** Example lines: each command, then what it does in a column (a longer command pushes its words on). */
function examplesText(lang: Lang, examples: readonly Example[], width: number): string {
  const lines = examples.map(([command, key]) => {
    if (!key) return `  ${command}`;
    const gap = command.length < width ? width - command.length : 3;
    const words = helpWords(lang, key).split('\n');
    return [`  ${command}${' '.repeat(gap)}${words[0]}`, ...words.slice(1).map((w) => `  ${' '.repeat(width)}${w}`)].join('\n');
  });
  return `${t(lang, 'cli.help.examples')}\n${lines.join('\n')}`;
}

function blockText(lang: Lang, block: Block): string {
  if ('examples' in block) return examplesText(lang, block.examples, block.width);
  return block.say.map((key) => helpWords(lang, key)).join('\n');
}

/** The text `tekser <command> --help` shows after the options (`tekser` for the program's own help). */
export function helpAfter(lang: Lang, command: CommandName | 'tekser'): string {
  const text = HELP_AFTER[command].map((b) => blockText(lang, b)).join('\n\n');
  return `\n${command === 'config' ? `${text}\n${CONFIG_EXAMPLE}` : text}`;
}

/** "(choices: …, default: …)" after a description, in the language: as commander writes it, in other words. */
function withExtras(lang: Lang, description: string, choices: readonly string[] | undefined, shownDefault: string | undefined): string {
  const extras = [
    ...(choices ? [t(lang, 'cli.help.choices', { choices: choices.map((c) => JSON.stringify(c)).join(', ') })] : []),
    ...(shownDefault !== undefined ? [t(lang, 'cli.help.default', { value: shownDefault })] : []),
  ];
  return extras.length ? `${description} (${extras.join(', ')})` : description;
}

/** Whether commander would show an option's default (a value it takes, or a boolean default). */
const showsDefault = (o: Commander.Option): boolean =>
  o.defaultValue !== undefined && (o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean'));

/** commander's help configuration in a language: its headings and "(default: …)" words. */
export function helpConfiguration(lang: Lang): Commander.HelpConfiguration {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'cli.help.usage'),
    'Options:': t(lang, 'cli.help.options'),
    'Commands:': t(lang, 'cli.help.commands'),
    'Arguments:': t(lang, 'cli.help.arguments'),
    'Global Options:': t(lang, 'cli.help.globalOptions'),
  };
  const shown = (v: unknown, described: string | undefined): string => described || JSON.stringify(v);
  // "tekser run [options] [urls...]": commander's own placeholders in the language, the arguments' names as they are.
  const placeholders = (usage: string): string =>
    usage.replace('[options]', `[${t(lang, 'cli.help.optionsArg')}]`).replace('[command]', `[${t(lang, 'cli.help.command')}]`);
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    styleUsage: placeholders,
    styleSubcommandTerm: placeholders,
    optionDescription: (o) => withExtras(lang, o.description, o.argChoices, showsDefault(o) ? shown(o.defaultValue, o.defaultValueDescription) : undefined),
    argumentDescription: (a) =>
      withExtras(lang, a.description, a.argChoices, a.defaultValue !== undefined ? shown(a.defaultValue, a.defaultValueDescription) : undefined),
  };
}

/** An option's words with a default commander cannot show (no value to show), in the language. */
export const withDefaultWords = (lang: Lang, words: string, described: string): string => withExtras(lang, words, undefined, described);
