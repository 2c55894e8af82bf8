import { said } from '../../i18n/said.ts';
import { msg } from '../../i18n/index.ts';
import { lintPathsTo } from '../../lint/lint-paths.ts';
import { createLintReporter, defaultLintFormat, type LintFormat } from '../../lint/format.ts';
import { boundSink } from '../../lint/bound.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { existsSync } from 'node:fs';
import type { CommandIO } from '../io.ts';

export interface LintCommandOptions {
  global?: string;
  categories?: string;
  fix?: boolean;
  format?: LintFormat;
  /** Problems of one rule shown per file before "and N more like this"; 0 or unset shows all (the CLI's default is DEFAULT_MAX_PER_RULE). */
  maxPerRule?: number;
}

/** What `tekser lint` checks when given no paths: the lists of a checkout. */
const DEFAULT_LINT_PATH = 'test-lists';

/** `tekser lint`: returns the exit code; the report is written as the lint goes (flat memory). */
export async function lintCommand(paths: string[], opts: LintCommandOptions, io: CommandIO): Promise<number> {
  if (paths.length === 0 && !existsSync(DEFAULT_LINT_PATH)) {
    throw new UsageError(said(msg('cli.err.nothing-to-lint', { dir: `${DEFAULT_LINT_PATH}/`, cwd: process.cwd() })));
  }
  const reporter = createLintReporter(opts.format ?? defaultLintFormat(io.env), TEKSER_VERSION, io.stdout, io.stdoutDrained);
  const sink = boundSink(reporter, opts.maxPerRule ?? 0);
  const counts = await lintPathsTo(
    paths.length ? paths : [DEFAULT_LINT_PATH],
    {
      ...(opts.global ? { globalFile: opts.global } : {}),
      ...(opts.categories ? { categoriesFile: opts.categories } : {}),
      fix: opts.fix ?? false,
    },
    sink,
  );
  sink.finish();
  reporter.end(counts);
  return counts.errorCount > 0 ? EXIT.findings : EXIT.ok;
}
