import { readFileSync, writeFileSync } from 'node:fs';
import { buildEvidence, bundleFolder, verifyEvidence } from '../../store/evidence.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { cannotReadMessage, cannotWriteMessage, said } from '../../i18n/said.ts';
import type { CommandIO } from '../io.ts';
import { msg, currentLang, t } from '../../i18n/index.ts';
import { dataDirOf, requireRun } from './stored.ts';

export interface EvidenceCommandOptions {
  dataDir?: string;
  output?: string;
  verify?: string;
  includeBodies?: boolean;
}

/** `tekser evidence [run] -o FILE.tar.gz`, or `tekser evidence --verify FILE`: exit 1 with one line when it does not match. */
export async function evidenceCommand(ref: string, opts: EvidenceCommandOptions, io: CommandIO): Promise<number> {
  if (opts.verify) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(opts.verify);
    } catch (e) {
      throw new UsageError(said(msg('cli.err.flag-file', { flag: '--verify', file: opts.verify, problem: cannotReadMessage(e) })));
    }
    const result = await verifyEvidence(bytes);
    if (!result.ok) {
      io.stderr(`tekser: ${t(currentLang(), 'cli.evidence.bad', { file: opts.verify, reason: result.reason })}\n`);
      return EXIT.findings;
    }
    io.stdout(`${t(currentLang(), 'cli.evidence.ok', { file: opts.verify, files: result.files, run: result.manifest.run.id, at: result.manifest.createdAt.replace('T', ' ').slice(0, 19), version: result.manifest.tekser.version })}\n`);
    return EXIT.ok;
  }
  const run = requireRun(dataDirOf(opts, io.env), ref, io);
  const out = opts.output ?? `${bundleFolder(run.record.id)}.tar.gz`;
  const bundle = await buildEvidence(run, { includeBodies: Boolean(opts.includeBodies) });
  try {
    writeFileSync(out, bundle);
  } catch (e) {
    throw new UsageError(said(msg('cli.err.flag-file', { flag: '--output', file: out, problem: cannotWriteMessage(e) })));
  }
  io.stderr(`${t(currentLang(), 'cli.evidence.wrote', { file: out, run: run.record.id, kib: Math.ceil(bundle.length / 1024), verifyCmd: `tekser evidence --verify ${out}` })}\n`);
  return EXIT.ok;
}
