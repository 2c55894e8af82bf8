import { InvalidArgumentError } from 'commander';
import { LINT_FORMATS } from '../lint/format.ts';

export type CommandName = 'run' | 'lint';

export interface OptionSpec {
  flags: string;
  description: string;
  commands: readonly CommandName[];
  defaultValue?: unknown;
  /** Shown in --help instead of the raw default. */
  defaultDescription?: string;
  choices?: readonly string[];
  parse?: (value: string, previous: unknown) => unknown;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1`);
    return n;
  };
}
function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number of seconds > 0');
  return n;
}
function collect(v: string, prev: unknown): string[] {
  return [...((prev as string[] | undefined) ?? []), v];
}

/** The one table of CLI options: commander wiring, --help text and the README all come from it. */
export const OPTIONS: readonly OptionSpec[] = [
  // lint
  { flags: '--global <file>', description: 'global list to check local lists against', defaultDescription: 'global.csv beside each list', commands: ['lint'] },
  { flags: '--categories <file>', description: 'category legend (00-LEGEND-new_category_codes.csv format)', defaultDescription: 'the legend beside each list, else built in', commands: ['lint'] },
  { flags: '--fix', description: 'rewrite what is mechanically fixable (spaces, trailing slash, exact duplicates, BOM, CRLF) and report it', commands: ['lint'] },
  { flags: '-f, --format <format>', description: 'output format', choices: LINT_FORMATS, defaultDescription: 'github under GitHub Actions, else text', commands: ['lint'] },
];

export const optionParsers = { positiveInt, seconds, collect };
