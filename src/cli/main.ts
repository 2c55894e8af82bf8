import { Command, CommanderError, Option } from 'commander';
import { UnreadableListError } from '../lists/problem.ts';
import { TEKSER_VERSION } from '../version.ts';
import { EXIT, UsageError } from './errors.ts';
import { processIO, type CommandIO } from './io.ts';
import { OPTIONS, type CommandName } from './options.ts';
import { lintCommand } from './commands/lint.ts';

const HELP_EXAMPLES: Record<CommandName, string> = {
  lint: `
Examples:
  tekser lint test-lists/                         lint every list in a directory
  tekser lint lists/kz.csv --global lists/global.csv
  tekser lint lists/ --format github              annotations for GitHub Actions
  tekser lint lists/kz.csv --fix                  fix trailing slashes, spaces, duplicates

Exit codes: 0 clean (warnings allowed), 1 lint errors, 2 bad usage or unreadable input.`,
  run: '',
};

function addOptions(cmd: Command, name: CommandName): Command {
  for (const spec of OPTIONS.filter((o) => o.commands.includes(name))) {
    const opt = new Option(spec.flags, spec.description);
    if (spec.choices) opt.choices(spec.choices);
    if (spec.parse) opt.argParser(spec.parse);
    if (spec.defaultValue !== undefined) opt.default(spec.defaultValue, spec.defaultDescription);
    else if (spec.defaultDescription) opt.default(undefined, spec.defaultDescription);
    cmd.addOption(opt);
  }
  return cmd.addHelpText('after', HELP_EXAMPLES[name]);
}

/** Builds the program; each action stores its exit code in `result` so main() can return it. */
export function buildProgram(io: CommandIO, result: { code: number; pending?: Promise<number> }): Command {
  const program = new Command('tekser')
    .description('Measure network interference (blocking, shutdowns, interception) and explain it.')
    .version(TEKSER_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  addOptions(
    program.command('lint').description('check test lists (Citizen Lab CSV, service YAML) the way CI should').argument('[paths...]', 'list files or directories', []),
    'lint',
  ).action((paths: string[], opts) => {
    result.code = lintCommand(paths, opts, io);
  });

  return program;
}

/** Runs the CLI; returns the exit code. Never prints a stack trace for errors the user caused. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const result: { code: number; pending?: Promise<number> } = { code: EXIT.ok };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync(argv);
    if (result.pending) result.code = await result.pending;
    return result.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr(`tekser: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof UnreadableListError) {
      io.stderr(`tekser: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
  });
  process.exitCode = await runCli(argv, processIO());
}
