import { currentLang, t, type Lang } from '../i18n/index.ts';

/** A live status line on stderr for people at a terminal; nothing at all in files, pipes or CI. */
export interface Progress {
  tick(blocked: boolean): void;
  /**
   * Prints a warning once above the status line and keeps `short` on the line from now on; false
   * when there is no status line (the caller says it another way).
   */
  warn(text: string, short: string): boolean;
  done(): void;
}

/** The status line's words in the reader's language: "12/40 done, 2 blocked, 3.1/s, ETA 9s". */
export function progressText(lang: Lang, p: { finished: number; total: number; blocked: number; rate: number; eta: number | null }): string {
  const line = t(lang, 'text.progress.line', { done: p.finished, total: p.total, blocked: p.blocked, rate: p.rate.toFixed(1) });
  return p.eta === null ? line : line + t(lang, 'text.progress.eta', { seconds: p.eta });
}

export function createProgress(
  total: number,
  write: (s: string) => void,
  enabled: boolean,
  now: () => number = () => performance.now(),
  lang: Lang = currentLang(),
): Progress {
  if (!enabled) return { tick: () => {}, warn: () => false, done: () => {} };
  const start = now();
  let finished = 0;
  let blocked = 0;
  let last = 0;
  let warning = '';
  const draw = (): void => {
    const elapsed = (now() - start) / 1000;
    const rate = elapsed > 0 ? finished / elapsed : 0;
    const eta = rate > 0 ? Math.ceil((total - finished) / rate) : null;
    write(`\r\x1b[Ktekser: ${progressText(lang, { finished, total, blocked, rate, eta })}${warning ? ` — ! ${warning}` : ''}`);
  };
  return {
    tick(isBlocked) {
      finished++;
      if (isBlocked) blocked++;
      if (now() - last > 200 || finished === total) {
        last = now();
        draw();
      }
    },
    warn(text, short) {
      warning = short;
      write(`\r\x1b[Ktekser: ! ${text}\n`);
      draw();
      return true;
    },
    done() {
      write('\r\x1b[K');
    },
  };
}
