import { lintPathsTo } from '../../lint/lint-paths.ts';
import { createLintReporter, defaultLintFormat, type LintFormat } from '../../lint/format.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { EXIT } from '../../errors.ts';
import type { CommandIO } from '../io.ts';

export interface LintCommandOptions {
  global?: string;
  categories?: string;
  fix?: boolean;
  format?: LintFormat;
}

/** `tekser lint`: returns the exit code; the report is written as the lint goes (flat memory). */
export async function lintCommand(paths: string[], opts: LintCommandOptions, io: CommandIO): Promise<number> {
  const reporter = createLintReporter(opts.format ?? defaultLintFormat(io.env), TEKSER_VERSION, io.stdout, io.stdoutDrained);
  const counts = await lintPathsTo(
    paths.length ? paths : ['test-lists'],
    {
      ...(opts.global ? { globalFile: opts.global } : {}),
      ...(opts.categories ? { categoriesFile: opts.categories } : {}),
      fix: opts.fix ?? false,
    },
    reporter,
  );
  reporter.end(counts);
  return counts.errorCount > 0 ? EXIT.findings : EXIT.ok;
}
