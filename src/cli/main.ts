import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { EXIT, isTekserError, UsageError } from '../errors.ts';
import { TEKSER_VERSION } from '../version.ts';
import { processIO, type CommandIO } from './io.ts';
import { currentLang, msg, render, setLang, type Lang } from '../i18n/index.ts';
import { helpAfter, helpConfiguration, helpWords, withDefaultWords } from './help.ts';
import { cliLang } from './lang.ts';
import { commanderText, errorText } from './errors.ts';
import { said } from '../i18n/said.ts';
import { describeDefault, describeOption, OPTIONS, type CommandName, type OptionSpec } from './options.ts';

// commander is CommonJS: required directly it loads in half the time of its ESM wrapper (start-up, issue #13).
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;

/** user:password@ in any URL an error message repeats: never echoed (a terminal log or cron mail keeps it). */
export const redactCredentials = (text: string): string => text.replace(/\/\/[^\s/@']*@/g, '//***@');

/** A sentence of --help in the language chosen for this process. */
const say = (key: string): string => helpWords(currentLang(), key);

function addOptions(cmd: Command, name: CommandName): Command {
  const lang = currentLang();
  for (const spec of OPTIONS.filter((o) => o.commands.includes(name))) cmd.addOption(optionOf(spec, name, lang));
  return cmd.addHelpText('after', helpAfter(lang, name));
}

/** One option of the table as commander takes it, in a command's words and the reader's language. */
function optionOf(spec: OptionSpec, name: CommandName, lang: Lang): Commander.Option {
  // commander shows a default only when there is a value: describe value-less defaults in the text.
  const words = describeOption(spec, name, lang);
  const described = describeDefault(spec, lang);
  const opt = new Option(spec.flags, spec.defaultValue === undefined && described ? withDefaultWords(lang, words, described) : words);
  if (spec.choices) opt.choices(spec.choices);
  if (spec.parse) opt.argParser(spec.parse);
  if (spec.hidden) opt.hideHelp();
  if (spec.defaultValue !== undefined) opt.default(spec.defaultValue, described);
  return opt;
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
    .description(say('cli.cmd.help'))
    .argument('[command]', say('cli.arg.command'))
    .action((name: string | undefined) => {
      if (!name) return program.outputHelp();
      const commands = program.commands.filter((c) => c.name() !== 'help');
      const cmd = commands.find((c) => c.name() === name);
      if (cmd) return cmd.outputHelp();
      const words = render(currentLang(), msg('cli.err.help-unknown-command', { name, commands: commands.map((c) => c.name()).join(', ') }));
      program.error(words, { exitCode: EXIT.usage, code: 'tekser.unknownCommand' });
    });
}

/** The program itself: name, version, one-line usage errors, the top help. */
function newProgram(io: CommandIO): Command {
  const lang = currentLang();
  const langOption = OPTIONS.find((o) => o.key === 'lang') as OptionSpec;
  return new Command('tekser')
    .description(say('cli.program'))
    .configureHelp(helpConfiguration(lang))
    .helpOption('-h, --help', say('cli.help.helpOption'))
    .version(TEKSER_VERSION, '-V, --version', say('cli.help.version'))
    // --lang before the command (`tekser --lang ru --help`) is the program's: the same option as every command's.
    .addOption(optionOf(langOption, 'run', lang))
    .exitOverride()
    // Usage errors are one line, like every other error the user can fix: "tekser: … (see --help)".
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`tekser: ${redactCredentials(commanderText(text.trim().replace(/^error: /, '')))}${say('cli.err.see-help')}\n`) })
    .addHelpText('after', helpAfter(lang, 'tekser'));
}

/** lint and run: the commands that read lists. */
function addListCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(
    program.command('lint').description(say('cli.cmd.lint')).argument('[paths...]', say('cli.arg.paths')),
    'lint',
  ).action(async (paths: string[] | undefined, opts) => {
    // Commands load on demand: `tekser lint` in CI need not load the probe engine.
    const { lintCommand } = await import('./commands/lint.ts');
    result.pending = lintCommand(paths ?? [], opts, io);
  });

  addOptions(
    program.command('run').description(say('cli.cmd.run')).argument('[urls...]', say('cli.arg.urls')),
    'run',
  ).action(async (urls: string[] | undefined, opts, cmd: Command) => {
    const { runCommand } = await import('./commands/run.ts');
    result.pending = runCommand(urls ?? [], opts, io, (key) => cmd.getOptionValueSourceWithGlobals(key) === 'cli');
  });
}

/** history, show, diff, export, report, evidence: the commands that read the runs kept on disk. */
function addStoredRunCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(program.command('history').description(say('cli.cmd.history')), 'history').action(async (opts) => {
    if (opts.from) {
      result.pending = (await import('./commands/fleet-read.ts')).fleetHistoryCommand(opts, io);
      return;
    }
    const { historyCommand } = await import('./commands/history.ts');
    result.code = historyCommand(opts, io);
  });

  addOptions(program.command('show').description(say('cli.cmd.show')).argument('[run]', say('cli.arg.run'), 'last'), 'show').action(async (ref: string, opts) => {
    const { showCommand } = await import('./commands/show.ts');
    result.code = showCommand(ref, opts, io);
  });

  addOptions(
    program.command('diff').description(say('cli.cmd.diff')).argument('[old]', say('cli.arg.old')).argument('[new]', say('cli.arg.new')),
    'diff',
  ).action(async (oldRef: string | undefined, newRef: string | undefined, opts) => {
    if (opts.from) {
      if (oldRef || newRef) throw new UsageError(said(msg('cli.err.diff-from-ids', { cmd: 'diff --from' })));
      result.pending = (await import('./commands/fleet-read.ts')).fleetDiffCommand(opts, io);
      return;
    }
    const { diffCommand } = await import('./commands/diff.ts');
    result.code = diffCommand(oldRef, newRef, opts, io);
  });

  addOptions(program.command('export').description(say('cli.cmd.export')).argument('[run]', say('cli.arg.run'), 'last'), 'export').action(async (ref: string, opts) => {
    const { exportCommand } = await import('./commands/export.ts');
    result.pending = exportCommand(ref, opts, io);
  });

  addOptions(program.command('report').description(say('cli.cmd.report')).argument('[runs...]', say('cli.arg.runs')), 'report').action(async (refs: string[] | undefined, opts) => {
    if (opts.from) {
      if (refs?.length) throw new UsageError(said(msg('cli.err.report-from-ids', { cmd: 'report --from' })));
      result.pending = (await import('./commands/fleet-read.ts')).fleetReportCommand(opts, io);
      return;
    }
    const { reportCommand } = await import('./commands/report.ts');
    result.code = reportCommand(refs ?? [], opts, io);
  });

  addOptions(program.command('evidence').description(say('cli.cmd.evidence')).argument('[run]', say('cli.arg.run'), 'last'), 'evidence').action(async (ref: string, opts) => {
    const { evidenceCommand } = await import('./commands/evidence.ts');
    result.pending = evidenceCommand(ref, opts, io);
  });
}

/** config, certs, helper: the commands about this machine's settings, trust store and helper. */
function addMachineCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(program.command('config').description(say('cli.cmd.config')), 'config').action(async (opts, cmd: Command) => {
    const { configCommand } = await import('./commands/config.ts');
    result.pending = configCommand(opts, io, (key) => cmd.getOptionValueSourceWithGlobals(key) === 'cli');
  });

  addOptions(program.command('certs').description(say('cli.cmd.certs')), 'certs').action(async (opts) => {
    const { certsCommand } = await import('./commands/certs.ts');
    result.code = certsCommand(opts, io);
  });

  addOptions(program.command('helper').description(say('cli.cmd.helper')), 'helper').action(async (opts) => {
    const { helperCommand } = await import('./commands/helper.ts');
    result.pending = helperCommand(opts, io);
  });
}

/** analyze: OONI measurements or stored runs, with today's rules. */
function addAnalyzeCommand(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(
    program.command('analyze').description(say('cli.cmd.analyze')).argument('[inputs...]', say('cli.arg.inputs')),
    'analyze',
  ).action(async (inputs: string[] | undefined, opts) => {
    const { analyzeCommand } = await import('./commands/analyze.ts');
    result.pending = analyzeCommand(inputs ?? [], opts, io);
  });
}

/** push, fleet: the fleet's PostgreSQL database (report, history and diff read it with --from). */
function addFleetCommands(program: Command, io: CommandIO, result: CommandResult): void {
  addOptions(program.command('push').description(say('cli.cmd.push')).argument('[runs...]', say('cli.arg.runs')), 'push').action(async (refs: string[] | undefined, opts) => {
    const { pushCommand } = await import('./commands/push.ts');
    result.pending = pushCommand(refs ?? [], opts, io);
  });

  addOptions(program.command('fleet').description(say('cli.cmd.fleet')).argument('<action>', 'init'), 'fleet').action(async (action: string, opts) => {
    const { fleetCommand } = await import('./commands/fleet.ts');
    result.pending = fleetCommand(action, opts, io);
  });
}

/** Runs the CLI; returns the exit code. Never prints a stack trace for errors the user caused. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const result: CommandResult = { code: EXIT.ok };
  // The language first: --help and every message after it speak it.
  setLang(await cliLang(argv, io.env));
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
      io.stderr(`tekser: ${errorText(err)}\n`);
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
