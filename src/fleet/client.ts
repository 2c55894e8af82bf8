import pg from 'pg';
import { FleetError } from '../errors.ts';
import { redactUrl } from './url.ts';

// The one way into the fleet's database: node-postgres (pg), parameterised queries only. Nothing a
// list, a page or a certificate says is ever spliced into SQL text: values travel as parameters.

export type Db = pg.Client;

export { redactUrl } from './url.ts';

/** PostgreSQL's and Node's reasons for a refused connection or statement, in words. */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing listens there (is PostgreSQL running?)',
  ENOTFOUND: 'the host name does not resolve',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
  ENOENT: 'no such socket',
  '28P01': 'the password was refused',
  '28000': 'this role may not log in here',
  '3D000': 'no such database',
  '42501': 'permission denied',
  '42P01': 'the fleet schema is missing (run `tekser fleet init --db URL` first)',
  '3F000': 'the fleet schema is missing (run `tekser fleet init --db URL` first)',
  '42883': 'the fleet schema is missing or older than this tekser (run `tekser fleet init --db URL`)',
};

/** A database error as a FleetError: one line, never the password. */
export function fleetError(err: unknown, what: string, url?: string): FleetError {
  if (err instanceof FleetError) return err;
  const e = err as { code?: string; message?: string };
  const reason = (e.code && REASONS[e.code]) || e.message || String(err);
  const where = url ? ` (${redactUrl(url)})` : '';
  const detail = e.code && REASONS[e.code] && e.message && e.code !== 'ECONNREFUSED' ? `: ${reason} (${e.message})` : `: ${reason}`;
  return new FleetError(`${what}${where}${detail}`.replace(/\/\/[^/@\s]*@/g, '//***@'), e.code ?? null);
}

/** Opens a connection, or throws a FleetError that says why (never the password). */
export async function connect(url: string, what = 'cannot reach the fleet database'): Promise<Db> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000, application_name: 'tekser' });
  } catch (err) {
    throw fleetError(err, `${what}: not a usable postgres:// URL`, url);
  }
  // A connection that breaks later is reported by the query that meets it, not as an unhandled event.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    throw fleetError(err, what, url);
  }
  return client;
}

/** Runs `fn` on a fresh connection and closes it, whatever happens. */
export async function withDb<T>(url: string, fn: (db: Db) => Promise<T>, what?: string): Promise<T> {
  const db = await connect(url, what);
  try {
    return await fn(db);
  } catch (err) {
    // A statement the database refused (SQLSTATE): one line; anything else is a bug and keeps its stack.
    if (/^[0-9A-Z]{5}$/.test(String((err as { code?: unknown }).code ?? ''))) throw fleetError(err, what ?? 'the fleet database refused', url);
    throw err;
  } finally {
    await db.end().catch(() => {});
  }
}
