import { lintPaths } from '../../lint/lint-paths.ts';
import { defaultLintFormat, formatLintReport, type LintFormat } from '../../lint/format.ts';
import { TEKSER_VERSION } from '../../version.ts';
import { EXIT } from '../errors.ts';
import type { CommandIO } from '../io.ts';

export interface LintCommandOptions {
  global?: string;
  categories?: string;
  fix?: boolean;
  format?: LintFormat;
}

/** `tekser lint`: returns the exit code; all output goes through io. */
export function lintCommand(paths: string[], opts: LintCommandOptions, io: CommandIO): number {
  const report = lintPaths(paths.length ? paths : ['test-lists'], {
    ...(opts.global ? { globalFile: opts.global } : {}),
    ...(opts.categories ? { categoriesFile: opts.categories } : {}),
    fix: opts.fix ?? false,
  });
  io.stdout(formatLintReport(report, opts.format ?? defaultLintFormat(io.env), TEKSER_VERSION));
  return report.errorCount > 0 ? EXIT.findings : EXIT.ok;
}
