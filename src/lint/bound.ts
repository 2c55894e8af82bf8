import type { ListProblem, Severity } from '../lists/problem.ts';
import type { LintSink } from './lint-paths.ts';
import type { Message } from '../model/message.ts';
import { msg, render, type Lang } from '../i18n/index.ts';

/**
 * Problems of one rule shown per file before the rest are folded into one "and N more like this
 * (rows a–b)" line. A broken file (16 MB of empty rows: 8 million "Invalid Column Number") would
 * otherwise bury the few problems that tell what went wrong; 100 of a kind is enough to see the
 * pattern and still fits a terminal's scroll-back. `tekser lint --max-per-rule N` changes it, 0 shows all.
 */
export const DEFAULT_MAX_PER_RULE = 100;

/** The problems of one rule in one file that were not shown one by one. */
export interface LintMore {
  file: string;
  ruleId: string;
  severity: Severity;
  /** How many were folded. */
  count: number;
  /** The first and last line among them. */
  firstLine: number;
  lastLine: number;
}

/** The words of a fold, the same in every format (JSON and SARIF in English, text and GitHub in the reader's language). */
export function moreText(m: LintMore, lang: Lang = 'en'): string {
  return render(lang, moreMessage(m));
}
export const moreMessage = (m: LintMore): Message => msg('lint.more', { count: m.count, first: m.firstLine, last: m.lastLine });

/** A sink that folds what a sink that also takes `more` is told about a file (counts only: flat memory). */
export interface BoundedSink extends LintSink {
  /** Tells the folds of the last file; call before the reporter's end. */
  finish(): void;
}

export function boundSink(sink: LintSink & { more?(m: LintMore): void }, maxPerRule: number): BoundedSink {
  const shown = new Map<string, number>();
  const folded = new Map<string, LintMore>();
  const finish = (): void => {
    for (const m of folded.values()) sink.more?.(m);
    folded.clear();
    shown.clear();
  };
  const fold = (p: ListProblem): void => {
    const m = folded.get(p.ruleId);
    if (m) {
      m.count++;
      m.firstLine = Math.min(m.firstLine, p.line);
      m.lastLine = Math.max(m.lastLine, p.line);
    } else folded.set(p.ruleId, { file: p.file, ruleId: p.ruleId, severity: p.severity, count: 1, firstLine: p.line, lastLine: p.line });
  };
  const bounded: BoundedSink = {
    file: (f) => {
      finish();
      sink.file(f);
    },
    problem: (p) => {
      const n = shown.get(p.ruleId) ?? 0;
      if (maxPerRule > 0 && n >= maxPerRule) return fold(p);
      shown.set(p.ruleId, n + 1);
      sink.problem(p);
    },
    finish,
  };
  if (sink.pause) bounded.pause = () => sink.pause?.() ?? null;
  return bounded;
}
