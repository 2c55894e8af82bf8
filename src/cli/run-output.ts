import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { acquireLock } from '../store/lock.ts';
import { dataDirProblemMessage } from '../store/paths.ts';
import { dataDirError } from './data-dir.ts';
import { fsProblemMessage, said } from '../i18n/said.ts';
import type { RunRecord } from '../model/run.ts';
import { repairInterrupted, startRun, type RunWriter } from '../store/writer.ts';
import { fsProblem } from './errors.ts';
import { EXIT, LockedError, UsageError } from '../errors.ts';
import type { CommandIO } from './io.ts';
import { currentLang, msg, t } from '../i18n/index.ts';

/** Where `tekser run` writes its report: stdout, or the -o file with stdout as the fallback. */
export interface ReportSink {
  write(text: string): void;
  /** Closes the file (if any). */
  end(): void;
  /** The -o file, or null for stdout. */
  readonly file: string | null;
  /** The first write to the file that failed (the rest went to stdout), or null. */
  readonly problem: string | null;
}

/** Errors that mean "the disk cannot take more", as opposed to a path the user got wrong. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS']);

/**
 * Opens -o before anything else happens, so a path that cannot be written fails as a usage error,
 * in words, before a run is created. Later write errors (a full disk) fall back to stdout.
 */
export function openReportOutput(path: string | undefined, io: CommandIO): ReportSink {
  if (!path) return { write: io.stdout, end: () => {}, file: null, problem: null };
  const dir = dirname(resolve(path));
  let dirOk = false;
  try {
    dirOk = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!dirOk) throw new UsageError(said(msg('cli.err.output-no-dir', { path, dir })));
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (err) {
    throw new UsageError(said(msg('cli.err.output-unwritable', { path, problem: fsProblemMessage(err) })));
  }
  let problem: string | null = null;
  let closed = false;
  return {
    file: path,
    get problem() {
      return problem;
    },
    write(text) {
      if (problem === null) {
        try {
          const buf = Buffer.from(text);
          let off = 0;
          while (off < buf.length) off += writeSync(fd, buf, off);
          return;
        } catch (err) {
          problem = fsProblem(err);
          io.stderr(`tekser: ${t(currentLang(), 'text.save.fallback', { path, problem })}\n`);
        }
      }
      io.stdout(text);
    },
    end() {
      if (closed) return;
      closed = true;
      try {
        closeSync(fd);
      } catch (err) {
        problem ??= fsProblem(err);
      }
    },
  };
}

/** A run being kept in the data directory, or not (--no-save, or a disk that would not take it). */
export interface Saving {
  writer: RunWriter | null;
  release: () => void;
  /** Why the run is not (or not fully) kept, once said on stderr; null when all is well. */
  problem: () => string | null;
}

/**
 * Takes the lock and starts the run record. A data directory the user got wrong (a file, no
 * permission) is a usage error before anything runs; a full disk is not: the run goes on unsaved,
 * says so in one line, and the command ends with EXIT.notWritten.
 */
export function startSaving(
  dataDir: string,
  init: Pick<RunRecord, 'tekserVersion' | 'lists' | 'settings' | 'targets'> & Partial<Pick<RunRecord, 'network'>>,
  io: CommandIO,
  /** Checks that must pass before a run is created (opening -o): a throw releases the lock. */
  beforeRun: () => void = () => {},
): Saving {
  const dirProblem = dataDirProblemMessage(dataDir);
  if (dirProblem) throw dataDirError(dataDir, io.env, dirProblem);
  let problem: string | null = null;
  /** `what`: the catalogue key of what follows for the run (text.save.*). */
  const say = (err: unknown, what: string): void => {
    if (problem) return;
    const lang = currentLang();
    problem = t(lang, 'text.save.failed', { dir: dataDir, problem: fsProblemMessage(err), what: t(lang, what) });
    io.stderr(`tekser: ${problem}\n`);
  };
  let release: () => void = () => {};
  try {
    release = acquireLock(dataDir);
  } catch (err) {
    if (err instanceof LockedError) throw new UsageError(err.why ? { text: err.message, why: err.why } : err.message, EXIT.locked);
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!DISK_FULL.has(code)) throw dataDirError(dataDir, io.env, msg('cli.err.cannot-use', { problem: fsProblemMessage(err) }));
    beforeRun();
    say(err, 'text.save.not-kept');
    return { writer: null, release, problem: () => problem };
  }
  try {
    beforeRun();
  } catch (err) {
    release();
    throw err;
  }
  repairInterrupted(dataDir);
  let writer: RunWriter | null = null;
  try {
    writer = startRun(dataDir, init, (err, stage) =>
      say(err, stage === 'append' ? 'text.save.append' : 'text.save.record'),
    );
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!DISK_FULL.has(code)) {
      release();
      throw dataDirError(dataDir, io.env, msg('cli.err.cannot-use', { problem: fsProblemMessage(err) }));
    }
    say(err, 'text.save.not-kept');
  }
  return { writer, release, problem: () => problem };
}

/** The closing line about what the data directory holds after a write failed; null when nothing failed. */
export function savingEpilogue(saving: Saving | null, finished: number, lang = currentLang()): string | null {
  const w = saving?.writer;
  if (!saving?.problem()) return null;
  if (!w) return `tekser: ${t(lang, 'text.save.epilogue-none', { count: finished })}`;
  return `tekser: ${t(lang, 'text.save.epilogue-some', { saved: w.saved, count: finished, dir: w.dir })}`;
}
