import { redactUrl, withDb } from '../../fleet/client.ts';
import { migrate, PROBE_ROLE, READER_ROLE } from '../../fleet/migrate.ts';
import { UsageError } from '../../errors.ts';
import type { CommandIO } from '../io.ts';

export interface FleetCommandOptions {
  db?: string;
}

const NEXT_STEPS = `
Next: one login role per volunteer (only ever inserts, through the fleet's functions), and one to read:
  CREATE ROLE probe_alice LOGIN PASSWORD '…' IN ROLE ${PROBE_ROLE};
  CREATE ROLE coordinator LOGIN PASSWORD '…' IN ROLE ${READER_ROLE};
Optionally bind a probe to its network (it may then push only runs labelled so):
  INSERT INTO tekser_fleet.probe_networks VALUES ('probe_alice', 9198, 'KZ', 'Kazakhtelecom');
Volunteers: fleet_url: postgres://probe_alice@HOST/DB?sslmode=verify-full (password in ~/.pgpass).
`;

/** `tekser fleet init --db URL`: the fleet's schema (migrations in order, once each) and its two group roles. */
export async function fleetCommand(action: string, opts: FleetCommandOptions, io: CommandIO): Promise<number> {
  if (action !== 'init') throw new UsageError(`fleet ${action}: unknown action (fleet init --db URL)`);
  if (!opts.db) throw new UsageError('fleet init needs --db postgres://admin@host/db (a role that may create schemas and roles)');
  const url = opts.db;
  const outcome = await withDb(url, (db) => migrate(db), 'cannot set up the fleet database');
  for (const name of outcome.applied) io.stdout(`applied ${name}\n`);
  for (const name of outcome.alreadyThere) io.stdout(`already applied ${name}\n`);
  for (const name of outcome.changed) io.stderr(`tekser: ${name} was applied from an earlier version of its file; it is not applied again (a new migration must carry a change)\n`);
  io.stdout(`the fleet schema in ${redactUrl(url)} is up to date: roles ${PROBE_ROLE} (push only) and ${READER_ROLE} (read only)\n${NEXT_STEPS}`);
  return 0;
}
