import { appendFileSync, closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXIT, isTekserError } from '../errors.ts';
import { createLintReporter, escapeGithubData, type LintReporter } from '../lint/format.ts';
import { lintPathsTo, type LintCounts, type LintSink } from '../lint/lint-paths.ts';
import { boundSink, DEFAULT_MAX_PER_RULE, type LintMore } from '../lint/bound.ts';
import { TEKSER_VERSION } from '../version.ts';
import { selectChanged, type ChangedSelection } from './changed.ts';
import { lintFormatOf, readActionInputs, type ActionInputs } from './inputs.ts';
import { summarySink } from './summary.ts';

/**
 * The GitHub Action's lint step (action.yml runs `node dist/action/main.js` from the tekser the
 * action pinned): `tekser lint` on the inputs, once, its findings going to the log (annotations by
 * default), a SARIF file, the step summary and the step's outputs at the same time. Exit codes are
 * `tekser lint`'s: 0 clean, 1 lint errors (or warnings with fail-on: warnings), 2 bad input.
 */
export interface ActionIO {
  stdout: (text: string) => void;
  stdoutDrained?: () => Promise<void> | null;
}

/** One sink feeding several: the log, the SARIF file, the summary. */
function tee(sinks: ReadonlyArray<LintSink & { more?(m: LintMore): void }>, pause: LintSink['pause']): LintSink & { more(m: LintMore): void } {
  return {
    file: (f) => sinks.forEach((s) => s.file(f)),
    problem: (p) => sinks.forEach((s) => s.problem(p)),
    more: (m) => sinks.forEach((s) => s.more?.(m)),
    ...(pause ? { pause } : {}),
  };
}

/** The `tekser lint` command line that does what this step does, for the log (run it locally to see the same). */
export function equivalentCommand(inputs: ActionInputs, paths: readonly string[]): string {
  const q = (s: string): string => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const args = ['tekser', 'lint', ...paths.map(q), '--format', lintFormatOf(inputs.format)];
  if (inputs.global) args.push('--global', q(inputs.global));
  return args.join(' ');
}

function selectionNote(sel: ChangedSelection | null): string | null {
  if (!sel) return null;
  if (sel.all) return `changed-only: every list linted (${sel.all}).`;
  return `changed-only: ${sel.changed.length} changed list(s) against ${sel.base?.slice(0, 12)}, with the global list.`;
}

function sarifReporter(file: string): { reporter: LintReporter; close: () => void } {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  return { reporter: createLintReporter('sarif', TEKSER_VERSION, (t) => void writeSync(fd, t)), close: () => closeSync(fd) };
}

function writeOutputs(env: NodeJS.ProcessEnv, counts: LintCounts, sarif: string | null): void {
  if (!env.GITHUB_OUTPUT) return;
  const lines = [`errors=${counts.errorCount}`, `warnings=${counts.warningCount}`, `files=${counts.files}`, `sarif-file=${sarif ?? ''}`];
  appendFileSync(env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
}

export function exitCodeOf(counts: LintCounts, failOn: ActionInputs['failOn']): number {
  if (counts.errorCount > 0) return EXIT.findings;
  return failOn === 'warnings' && counts.warningCount > 0 ? EXIT.findings : EXIT.ok;
}

async function lintAll(inputs: ActionInputs, paths: readonly string[], io: ActionIO): Promise<{ counts: LintCounts; summary: ReturnType<typeof summarySink> }> {
  const log = createLintReporter(lintFormatOf(inputs.format), TEKSER_VERSION, io.stdout, io.stdoutDrained);
  const sarif = inputs.sarif ? sarifReporter(inputs.sarif) : null;
  const summary = summarySink();
  const empty: LintCounts = { files: 0, fixes: 0, errorCount: 0, warningCount: 0 };
  try {
    const sinks = [log, summary, ...(sarif ? [sarif.reporter] : [])];
    // Bounded as `tekser lint` is by default: the log, the SARIF file and the summary see the same folds.
    const sink = boundSink(tee(sinks, log.pause), DEFAULT_MAX_PER_RULE);
    const counts = paths.length ? await lintPathsTo(paths, inputs.global ? { globalFile: inputs.global } : {}, sink) : empty;
    sink.finish();
    log.end(counts);
    sarif?.reporter.end(counts);
    return { counts, summary };
  } finally {
    sarif?.close();
  }
}

export async function runAction(env: NodeJS.ProcessEnv, cwd: string, io: ActionIO): Promise<number> {
  try {
    const inputs = readActionInputs(env);
    const sel = inputs.changedOnly ? selectChanged(cwd, inputs.paths, inputs.global, env.GITHUB_EVENT_PATH) : null;
    const paths = sel ? sel.paths : inputs.paths;
    io.stdout(paths.length ? `tekser ${TEKSER_VERSION}: ${equivalentCommand(inputs, paths)}\n` : `tekser ${TEKSER_VERSION}: no list changed; nothing to lint\n`);
    const { counts, summary } = await lintAll(inputs, paths, io);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary.markdown(counts, selectionNote(sel)));
    writeOutputs(env, counts, inputs.sarif);
    return exitCodeOf(counts, inputs.failOn);
  } catch (err) {
    if (!isTekserError(err)) throw err;
    io.stdout(`::error title=tekser lint::${escapeGithubData(err.message)}\n`);
    return err.exitCode;
  }
}
