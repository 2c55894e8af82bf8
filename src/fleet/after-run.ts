import { redactUrl } from './url.ts';
import { enqueue } from './queue.ts';

// `tekser run --push`: the run just kept joins the queue, and the queue goes to the fleet's
// database. Whatever happens there, the run is on disk and stays queued until it is stored.

/** The problem with --push in these options, or null. */
export function pushProblem(opts: { push?: boolean; fleetUrl?: string; save: boolean }): string | null {
  if (!opts.push) return null;
  if (!opts.save) return '--push sends the run kept in the data directory: drop --no-save';
  if (!opts.fleetUrl) return '--push needs the fleet database: --fleet-url postgres://probe@host/db?sslmode=verify-full, or fleet_url: in the config file';
  return null;
}

/** Queues the run and pushes the queue; says on stderr what stays queued (and, unless quiet, what went). */
export async function pushAfterRun(dataDir: string, runId: string, url: string, stderr: (text: string) => void, quiet: boolean): Promise<void> {
  enqueue(dataDir, [runId]);
  const { pushQueue } = await import('./push.ts');
  const outcome = await pushQueue(dataDir, url);
  if (!quiet && outcome.pushed.length) stderr(`tekser: pushed ${outcome.pushed.length} run(s) to ${redactUrl(url)}\n`);
  if (outcome.left.length) {
    const first = outcome.left[0];
    stderr(`tekser: ${outcome.left.length} run(s) wait in the queue for the fleet database (${first?.problem}); the next run --push or \`tekser push\` sends them\n`);
  }
}
