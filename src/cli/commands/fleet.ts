import { said } from '../../i18n/said.ts';
import { redactUrl, withDb } from '../../fleet/client.ts';
import { migrate, PROBE_ROLE, READER_ROLE } from '../../fleet/migrate.ts';
import { UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';
import { msg, currentLang, t, type Lang } from '../../i18n/index.ts';

export interface FleetCommandOptions {
  db?: string;
}

/** What to do next, in words around the SQL and the config line as they are. */
const nextSteps = (lang: Lang): string => `
${t(lang, 'cli.fleet.next.roles')}
  CREATE ROLE probe_alice LOGIN PASSWORD '…' IN ROLE ${PROBE_ROLE};
  CREATE ROLE coordinator LOGIN PASSWORD '…' IN ROLE ${READER_ROLE};
${t(lang, 'cli.fleet.next.bind')}
  INSERT INTO tekser_fleet.probe_networks VALUES ('probe_alice', 9198, 'KZ', 'Kazakhtelecom');
${t(lang, 'cli.fleet.next.volunteers', { line: 'fleet_url: postgres://probe_alice@HOST/DB?sslmode=verify-full' })}
`;

/** `tekser fleet init --db URL`: the fleet's schema (migrations in order, once each) and its two group roles. */
export async function fleetCommand(action: string, opts: FleetCommandOptions, io: CommandIO): Promise<number> {
  if (action !== 'init') throw new UsageError(said(msg('cli.err.fleet-action', { cmd: 'fleet', action, initCmd: 'fleet init --db URL' })));
  if (!opts.db) throw new UsageError(said(msg('cli.err.fleet-db', { cmd: 'fleet init' })));
  const url = opts.db;
  const outcome = await withDb(url, (db) => migrate(db), 'cannot set up the fleet database');
  const lang = currentLang();
  for (const name of outcome.applied) io.stdout(`${t(lang, 'cli.fleet.applied', { name })}\n`);
  for (const name of outcome.alreadyThere) io.stdout(`${t(lang, 'cli.fleet.already', { name })}\n`);
  for (const name of outcome.changed) io.stderr(`tekser: ${t(lang, 'cli.fleet.changed', { name })}\n`);
  io.stdout(`${t(lang, 'cli.fleet.ready', { url: redactUrl(url), probe: PROBE_ROLE, reader: READER_ROLE })}\n${nextSteps(lang)}`);
  return 0;
}
