import pg from 'pg';
import { FleetError } from '../errors.ts';
import { redactUrl } from './url.ts';
import { msg, render, verbatim } from '../i18n/index.ts';
import type { Message } from '../model/message.ts';

// The one way into the fleet's database: node-postgres (pg), parameterised queries only. Nothing a
// list, a page or a certificate says is ever spliced into SQL text: values travel as parameters.

export type Db = pg.Client;

export { redactUrl } from './url.ts';

/** PostgreSQL's and Node's error codes whose reason the catalogue words (cli.fleet.reason.<code>). */
const REASONS: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'ENOENT', '28P01', '28000', '3D000', '42501', '42P01', '3F000', '42883']);

/** What tekser was doing, in the catalogue when it is one of the usual phrases (else as it was said). */
const WHATS: Readonly<Record<string, string>> = {
  'cannot reach the fleet database': 'cli.fleet.what.reach',
  'cannot set up the fleet database': 'cli.fleet.what.setup',
  'cannot read the fleet database': 'cli.fleet.what.read',
  'the fleet database refused': 'cli.fleet.what.refused',
};
const whatMessage = (what: string): Message => {
  const bad = / not a usable postgres:\/\/ URL$/.exec(what) ? what.slice(0, -': not a usable postgres:// URL'.length) : null;
  if (bad !== null) return msg('cli.fleet.not-url', { what: whatMessage(bad) });
  return WHATS[what] ? msg(WHATS[what]) : verbatim(what);
};
const unCredentialed = (text: string): string => text.replace(/\/\/[^/@\s]*@/g, '//***@');

/** A database error as a FleetError: one line, never the password. */
export function fleetError(err: unknown, what: string, url?: string): FleetError {
  if (err instanceof FleetError) return err;
  const e = err as { code?: string; message?: string };
  const known = e.code !== undefined && REASONS.has(e.code);
  const reason = known ? msg(`cli.fleet.reason.${e.code}`, { initCmd: 'tekser fleet init --db URL' }) : verbatim(unCredentialed(e.message || String(err)));
  const where = url ? ` (${redactUrl(url)})` : '';
  const detail = known && e.message && e.code !== 'ECONNREFUSED' ? msg('cli.fleet.detail-more', { reason, message: unCredentialed(e.message) }) : msg('cli.fleet.detail', { reason });
  const why = msg('cli.fleet.error', { what: whatMessage(what), where, detail });
  return new FleetError({ text: unCredentialed(render('en', why)), why }, e.code ?? null);
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
