import { said } from '../../i18n/said.ts';
import { configPath } from '../../config/keys.ts';
import { redactUrl } from '../../fleet/client.ts';
import { pushQueue, type PushOutcome } from '../../fleet/push.ts';
import { enqueue, queued } from '../../fleet/queue.ts';
import { findRun, listRuns } from '../../store/runs.ts';
import { EXIT, UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { msg, currentLang, t, type Lang } from '../../i18n/index.ts';
import { dataDirOf } from './stored.ts';

export interface PushCommandOptions {
  to?: string;
  all?: boolean;
  dataDir?: string;
  config?: string;
}

/** The fleet's database: --to, else fleet_url in the config file, else a usage error. */
export async function fleetUrlOf(given: string | undefined, dataDir: string, config?: string): Promise<string> {
  if (given) return given;
  const file = configPath(config, dataDir);
  const url = file ? (await import('../../config/config.ts')).loadConfig(file).fleet_url : undefined;
  if (!url) throw new UsageError(said(msg('cli.err.push-where')));
  return url;
}

/** The runs named (ids, prefixes, last~N), every stored run (--all), or by default the queue, else the last run. */
function runsToPush(dataDir: string, refs: readonly string[], all: boolean): string[] {
  if (all) return listRuns(dataDir).map((r) => r.record.id);
  if (refs.length) {
    return refs.map((ref) => {
      const run = findRun(dataDir, ref);
      if (!run) throw new UsageError(said(msg('cli.err.push-no-run', { ref, dir: dataDir, historyCmd: 'tekser history' })));
      return run.record.id;
    });
  }
  if (queued(dataDir).length) return [];
  const last = findRun(dataDir, 'last');
  if (!last) throw new UsageError(said(msg('cli.err.push-no-runs', { dir: dataDir, runCmd: 'tekser run' })));
  return [last.record.id];
}

/** What a push did, in lines: one per run, then what stays queued and why. */
export function pushLines(outcome: PushOutcome, url: string, lang: Lang = currentLang()): { out: string[]; err: string[] } {
  const out = outcome.pushed.map((p) => (p.stored ? t(lang, 'cli.push.pushed', { id: p.id, count: p.results, url: redactUrl(url) }) : t(lang, 'cli.push.already', { id: p.id })));
  const err = outcome.missing.map((id) => `tekser: ${t(lang, 'cli.push.missing', { id })}`);
  if (outcome.left.length) {
    err.push(`tekser: ${t(lang, 'cli.push.left', { count: outcome.left.length, pushCmd: '`tekser push`', runCmd: '`tekser run --push`' })}`);
    const shown = outcome.left.slice(0, 5);
    for (const l of shown) err.push(`  ${l.id}: ${l.problem}`);
    if (outcome.left.length > shown.length) err.push(`  ${t(lang, 'cli.push.more', { count: outcome.left.length - shown.length })}`);
  }
  return { out, err };
}

/** `tekser push [runs…]`: stored runs to the fleet's PostgreSQL; what cannot go now stays queued. */
export async function pushCommand(refs: string[], opts: PushCommandOptions, io: CommandIO): Promise<number> {
  const dataDir = dataDirOf(opts, io.env);
  const url = await fleetUrlOf(opts.to, dataDir, opts.config);
  enqueue(dataDir, runsToPush(dataDir, refs, Boolean(opts.all)));
  const outcome = await pushQueue(dataDir, url, (p) => io.stdout(`${pushLines({ pushed: [p], left: [], missing: [] }, url).out[0]}\n`));
  for (const line of pushLines({ ...outcome, pushed: [] }, url).err) io.stderr(`${line}\n`);
  return outcome.left.length ? EXIT.fleet : EXIT.ok;
}
