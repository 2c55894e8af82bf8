import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { EXIT, isTekserError, UsageError } from '../errors.ts';
import { TEKSER_VERSION } from '../version.ts';
import { processIO, type CommandIO } from './io.ts';
import { describeOption, OPTIONS, SHIPPED_CANARIES, SHIPPED_LISTS, type CommandName } from './options.ts';

// commander is CommonJS: required directly it loads in half the time of its ESM wrapper (start-up, issue #13).
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;

const HELP_EXAMPLES: Record<CommandName, string> = {
  lint: `
Examples:
  tekser lint test-lists/                         lint every list in a directory
  tekser lint lists/kz.csv --global lists/global.csv
  tekser lint lists/ --format github              annotations for GitHub Actions
  tekser lint lists/kz.csv --fix                  fix trailing slashes, spaces, duplicates

Exit codes: 0 clean (warnings allowed), 1 lint errors, 2 bad usage or unreadable input.`,
  run: `
Examples:
  tekser run                                      the shipped lists and canaries (see Lists below)
  tekser run https://orda.kz/ https://kaztag.kz/  just these URLs
  tekser run --list lists/kz.csv --format jsonl -o results.jsonl
  tekser run --resolver udp://192.0.2.53 --control-helper https://helper.example/
  tekser run --list my.csv --fail-on blocked      exit 1 when something is blocked (CI)

Lists: without URLs or --list, test-lists/ ${SHIPPED_LISTS.join(', ')}
and the canaries in ${SHIPPED_CANARIES} (neutral sites: they tell an allow-list regime apart).
Verdicts: accessible, blocked (method: dns, tcp_ip, tls, mitm, http-failure, http-diff),
partially blocked (a service: some checks blocked, others work), down (fails from the control
too: not censorship), inconclusive (the control itself failed).
Each run is kept in the data directory (see tekser history); --no-save skips that.
With -o, the terminal still gets a one-line summary, the findings and the next steps (on stderr).
Exit codes: 0 run completed (interference found is data), 1 --fail-on matched, 2 bad usage or list,
3 no connectivity at all, 4 another run holds the lock, 5 finished but not all written (disk full),
141 stdout closed (| head), ${EXIT.interrupted}/${EXIT.terminated} stopped by SIGINT/SIGTERM.`,
  history: `
Examples:
  tekser history                     runs on disk, newest first: status and counts
  tekser history --format json

A run killed before it finished shows as "interrupted", with the targets it had finished.`,
  show: `
Examples:
  tekser show last                   the latest run, as the table
  tekser show last~1 -v              the run before it, with evidence
  tekser show 20261123T090000Z-1a2b --format json`,
  diff: `
Examples:
  tekser diff                        the last two runs
  tekser diff last~5 last            against a run five runs ago
  tekser diff --fail-on-change       exit 1 when something changed (cron mails only then)`,
  export: `
Examples:
  tekser export --ooni last > last.jsonl
  tekser export --ooni 20261123T090000Z-1a2b -o run.jsonl

Writes web targets as web_connectivity and messengers as OONI's whatsapp, telegram, signal and
facebook_messenger nettests (data format 0.2.0), probe_ip scrubbed to 127.0.0.1.`,
  config: `
Shows the settings tekser run would use: the config file (--config, or config.yaml in the data
directory), overridden by flags, over the built-in defaults, under the file's names, and where each
value comes from (the flag, file:line, or default). The file is checked with the rules of the flags.

Examples:
  tekser config
  tekser config --format json

Example config.yaml:
  lists: [/home/me/lists/kz.csv]
  resolver: system
  control_helper: https://helper.example.org/
  concurrency: 8
  timeouts: { dns: 4, tcp: 10, tls: 10, http: 10, target: 60 }
  max_runtime: 3000`,
  report: `
Examples:
  tekser report last -o report.html                one run: findings, then every target with its evidence
  tekser report -o day.html --csv day.csv          timeline of the last 24 h of runs (and the same as CSV)
  tekser report --since 7d -o week.html
  tekser report last~1 last -o two.html            a timeline of the runs named

The page is one file that makes no network request when opened. It never contains your public IP
address, page bodies (unless --include-bodies) or passwords written in URLs.`,
  evidence: `
Examples:
  tekser evidence last -o evidence.tar.gz          run.json, measurements, certificate chains (PEM),
                                                   the report page, the OONI export, manifest.json
  tekser evidence --verify evidence.tar.gz         every file against the manifest's SHA-256

Exit codes: 0 written / verified, 1 the bundle does not match its manifest, 2 bad usage.`,
  certs: `
Checks your system trust store (and NODE_EXTRA_CA_CERTS) for certificates known to be used for state
TLS interception, such as Kazakhstan's "Qaznet Trust Network", and says how to remove them.

Examples:
  tekser certs
  tekser certs --store /path/to/bundle.pem
  tekser certs --interception-cas my-cas.yaml

Exit codes: 0 none found, 1 found, 2 bad usage.`,
  analyze: `
Re-analyses measurements with the current rules: OONI measurements (web_connectivity 0.4/0.5,
whatsapp, telegram, signal, facebook_messenger; JSON, JSONL or API measurement_meta answers) and
tekser's own stored runs. Each result carries OONI's verdict beside tekser's, with their agreement.

Examples:
  tekser analyze measurement.json                 one OONI measurement
  tekser analyze export.jsonl --format jsonl      a JSONL export, streamed
  curl -s 'https://api.ooni.io/api/v1/measurement_meta?measurement_uid=…&full=true' | tekser analyze -
  tekser analyze last                             the latest stored run, with today's rules

Exit codes: 0 analysed (interference found is data), 1 --fail-on matched, 2 bad usage or input (file:line).`,
  push: `
Examples:
  tekser push                                      the runs still queued, else the last run
  tekser push last --to postgres://probe_alice@fleet.example.org/tekser?sslmode=verify-full
  tekser push --all                                every stored run (the database keeps each once)

Each run goes in one transaction; a run pushed twice is stored once. What cannot be pushed stays
queued in the data directory and goes with the next push or \`run --push\`.
Exit codes: 0 pushed, 2 bad usage, 6 the database could not take every run (they stay queued).`,
  fleet: `
Examples:
  tekser fleet init --db postgres://admin@fleet.example.org/tekser?sslmode=verify-full

Creates or updates the fleet's schema (versioned migrations, applied in order, recorded in
tekser_fleet.migrations) and two group roles: tekser_probe (push only) and tekser_reader (read only).
Exit codes: 0 up to date, 2 bad usage, 6 the database cannot be reached or refused.`,
  helper: `
Run this on a machine outside the censored network; give its URL to \`tekser run --control-helper\`.
It answers OONI's Web Connectivity test-helper protocol (POST JSON). It never dials loopback,
private, link-local or other non-public addresses, whoever asks.

Examples:
  tekser helper --listen 0.0.0.0:8080
  tekser helper --listen 0.0.0.0:443 --tls-cert cert.pem --tls-key key.pem
  TEKSER_HELPER_TOKEN=$(openssl rand -hex 24) tekser helper   behind a reverse proxy, with a token

Exit codes: 0 stopped by SIGINT/SIGTERM, 2 bad usage (address, certificate, key).`,
};

/** user:password@ in any URL an error message repeats: never echoed (a terminal log or cron mail keeps it). */
export const redactCredentials = (text: string): string => text.replace(/\/\/[^\s/@']*@/g, '//***@');

const TOP_HELP = `
Examples:
  tekser run                                      measure the shipped lists and explain what is blocked
  tekser run https://orda.kz/ https://kaztag.kz/  just these sites
  tekser run --control-helper https://helper.example/   tell "down" from "blocked" with a helper outside
  tekser history                                  the runs kept so far
  tekser diff --quiet                             what changed since the last run (for cron mail)
  tekser lint test-lists/                         check test lists before a pull request
  tekser config                                   the settings run would use, and where each comes from

Run \`tekser <command> --help\` for a command's options and exit codes.`;

function addOptions(cmd: Command, name: CommandName): Command {
  for (const spec of OPTIONS.filter((o) => o.commands.includes(name))) {
    // commander shows a default only when there is a value: describe value-less defaults in the text.
    const words = describeOption(spec, name);
    const described = spec.defaultValue === undefined && spec.defaultDescription ? `${words} (default: ${spec.defaultDescription})` : words;
    const opt = new Option(spec.flags, described);
    if (spec.choices) opt.choices(spec.choices);
    if (spec.parse) opt.argParser(spec.parse);
    if (spec.hidden) opt.hideHelp();
    if (spec.defaultValue !== undefined) opt.default(spec.defaultValue, spec.defaultDescription);
    cmd.addOption(opt);
  }
  return cmd.addHelpText('after', HELP_EXAMPLES[name]);
}

/** Where each command's action leaves its exit code: `code` at once, or `pending` to await. */
type CommandResult = { code: number; pending?: Promise<number> };

/** Builds the program; each action stores its exit code in `result` so main() can return it. */
export function buildProgram(io: CommandIO, result: CommandResult): Command {
  const program = newProgram(io);
  // In this order in `tekser --help`.
  addListCommands(program, io, result);
  addStoredRunCommands(program, io, result);
  addMachineCommands(program, io, result);
  addAnalyzeCommand(program, io, result);
  addFleetCommands(program, io, result);
  addHelpCommand(program);
  return program;
}

/** `tekser help [command]`: that command's help; a command that does not exist is a usage error (exit 2), as for `tekser nonsense`. */
function addHelpCommand(program: Command): void {
  program.helpCommand(false);
  program
    .command('help')
    .description('show the help of a command')
    .argument('[command]', 'the command')
    .action((name: string | undefined) => {
      if (!name) return program.outputHelp();
      const commands = program.commands.filter((c) => c.name() !== 'help');
      const cmd = commands.find((c) => c.name() === name);
      if (cmd) return cmd.outputHelp();
      program.error(`unknown command '${name}': the commands are ${commands.map((c) => c.name()).join(', ')}`, { exitCode: EXIT.usage, code: 'tekser.unknownCommand' });
    });
}

/** The program itself: name, version, one-line usage errors, the top help. */
function newProgram(io: CommandIO): Command {
  return new Command('tekser')
    .description('Measure network interference (blocking, shutdowns, interception) and explain it.')
    .version(TEKSER_VERSION, '-V, --version')
    .exitOverride()
    // Usage errors are one line, like every other error the user can fix: "tekser: … (see --help)".
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`tekser: ${redactCredentials(text.trim().replace(/^error: /, ''))} (see --help)\n`) })
    .addHelpText('after', TOP_HELP);
}

/** lint and run: the commands that read lists. */
function addListCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(
    program.command('lint').description('check test lists (Citizen Lab CSV, service YAML) the way CI should').argument('[paths...]', 'list files or directories (default: test-lists/)'),
    'lint',
  ).action(async (paths: string[] | undefined, opts) => {
    // Commands load on demand: `tekser lint` in CI need not load the probe engine.
    const { lintCommand } = await import('./commands/lint.ts');
    result.pending = lintCommand(paths ?? [], opts, io);
  });

  addOptions(
    program.command('run').description('measure targets and say how each is blocked, if it is').argument('[urls...]', 'URLs to test instead of the lists'),
    'run',
  ).action(async (urls: string[] | undefined, opts, cmd: Command) => {
    const { runCommand } = await import('./commands/run.ts');
    result.pending = runCommand(urls ?? [], opts, io, (key) => cmd.getOptionValueSource(key) === 'cli');
  });
}

/** history, show, diff, export, report, evidence: the commands that read the runs kept on disk. */
function addStoredRunCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(program.command('history').description('list the runs kept in the data directory, newest first'), 'history').action(async (opts) => {
    if (opts.from) {
      result.pending = (await import('./commands/fleet-read.ts')).fleetHistoryCommand(opts, io);
      return;
    }
    const { historyCommand } = await import('./commands/history.ts');
    result.code = historyCommand(opts, io);
  });

  addOptions(program.command('show').description('show a stored run again, as the table or JSON').argument('[run]', 'run id, unique prefix, last or last~N', 'last'), 'show').action(async (ref: string, opts) => {
    const { showCommand } = await import('./commands/show.ts');
    result.code = showCommand(ref, opts, io);
  });

  addOptions(
    program.command('diff').description('what changed between two runs: newly blocked, unblocked, other methods, findings').argument('[old]', 'older run (default: the one before the last)').argument('[new]', 'newer run (default: the last)'),
    'diff',
  ).action(async (oldRef: string | undefined, newRef: string | undefined, opts) => {
    if (opts.from) {
      if (oldRef || newRef) throw new UsageError('diff --from compares each probe\'s last two runs: give no run ids (--network picks networks)');
      result.pending = (await import('./commands/fleet-read.ts')).fleetDiffCommand(opts, io);
      return;
    }
    const { diffCommand } = await import('./commands/diff.ts');
    result.code = diffCommand(oldRef, newRef, opts, io);
  });

  addOptions(program.command('export').description("export a stored run in OONI's data format").argument('[run]', 'run id, unique prefix, last or last~N', 'last'), 'export').action(async (ref: string, opts) => {
    const { exportCommand } = await import('./commands/export.ts');
    result.pending = exportCommand(ref, opts, io);
  });

  addOptions(program.command('report').description('a self-contained HTML page of a run, or a timeline of runs (default: the last 24 h)').argument('[runs...]', 'run ids, unique prefixes, last or last~N'), 'report').action(async (refs: string[] | undefined, opts) => {
    if (opts.from) {
      if (refs?.length) throw new UsageError('report --from reads the fleet database: give no run ids (--since and --network choose the runs)');
      result.pending = (await import('./commands/fleet-read.ts')).fleetReportCommand(opts, io);
      return;
    }
    const { reportCommand } = await import('./commands/report.ts');
    result.code = reportCommand(refs ?? [], opts, io);
  });

  addOptions(program.command('evidence').description('bundle a run as evidence (tar.gz with a SHA-256 manifest), or --verify a bundle').argument('[run]', 'run id, unique prefix, last or last~N', 'last'), 'evidence').action(async (ref: string, opts) => {
    const { evidenceCommand } = await import('./commands/evidence.ts');
    result.pending = evidenceCommand(ref, opts, io);
  });
}

/** config, certs, helper: the commands about this machine's settings, trust store and helper. */
function addMachineCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(program.command('config').description('print the effective configuration for run and where each value comes from'), 'config').action(async (opts, cmd: Command) => {
    const { configCommand } = await import('./commands/config.ts');
    result.pending = configCommand(opts, io, (key) => cmd.getOptionValueSource(key) === 'cli');
  });

  addOptions(program.command('certs').description('check this machine\'s trusted roots for known interception certificates'), 'certs').action(async (opts) => {
    const { certsCommand } = await import('./commands/certs.ts');
    result.code = certsCommand(opts, io);
  });

  addOptions(program.command('helper').description('serve a control helper that measures URLs from outside the censored network'), 'helper').action(async (opts) => {
    const { helperCommand } = await import('./commands/helper.ts');
    result.pending = helperCommand(opts, io);
  });
}

/** analyze: OONI measurements or stored runs, with today's rules. */
function addAnalyzeCommand(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(
    program.command('analyze').description("re-analyse OONI measurements or stored runs with tekser's rules, beside OONI's verdict").argument('[inputs...]', 'OONI JSON/JSONL files, - for stdin, run directories or run ids'),
    'analyze',
  ).action(async (inputs: string[] | undefined, opts) => {
    const { analyzeCommand } = await import('./commands/analyze.ts');
    result.pending = analyzeCommand(inputs ?? [], opts, io);
  });
}

/** push, fleet: the fleet's PostgreSQL database (report, history and diff read it with --from). */
function addFleetCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(program.command('push').description("push stored runs to the fleet's PostgreSQL database (queued when it cannot be reached)").argument('[runs...]', 'run ids, unique prefixes, last or last~N'), 'push').action(async (refs: string[] | undefined, opts) => {
    const { pushCommand } = await import('./commands/push.ts');
    result.pending = pushCommand(refs ?? [], opts, io);
  });

  addOptions(program.command('fleet').description("set up the fleet's PostgreSQL database: schema and roles").argument('<action>', 'init'), 'fleet').action(async (action: string, opts) => {
    const { fleetCommand } = await import('./commands/fleet.ts');
    result.pending = fleetCommand(action, opts, io);
  });
}

/** Runs the CLI; returns the exit code. Never prints a stack trace for errors the user caused. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const result: CommandResult = { code: EXIT.ok };
  const program = buildProgram(io, result);
  // Nothing to do: say what there is to do (stdout, success: asking for help is not an error).
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT.ok;
  }
  // The reader of stdout left (`| head`): the output was not all delivered, so never 0.
  const closed = (code: number): number => (code === EXIT.ok && io.stdoutClosed?.() ? EXIT.outputClosed : code);
  try {
    await program.parseAsync(argv);
    if (result.pending) result.code = await result.pending;
    return closed(result.code);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return closed(EXIT.ok);
      return EXIT.usage;
    }
    // Every error tekser raises on purpose (src/errors.ts): one line, its exit code, never a stack.
    if (isTekserError(err)) {
      io.stderr(`tekser: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

export async function main(argv: string[]): Promise<void> {
  const io = processIO();
  // A write to a closed pipe fails after the write call returned: it may land after runCli did.
  io.onStdoutClosed?.(() => {
    if (!process.exitCode) process.exitCode = EXIT.outputClosed;
  });
  const code = await runCli(argv, io);
  if (code !== EXIT.ok || !process.exitCode) process.exitCode = code;
}
