import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway PostgreSQL cluster for the fleet's tests: initdb and pg_ctl in a temporary directory,
// listening on a Unix socket there and on no TCP port, as an unprivileged user (initdb refuses root:
// as root the server runs as `postgres`, else `nobody`). `stop()` tears it down and removes the
// directory. When no cluster can start, `reason` says why and the tests skip with it in their title.

// Plain JavaScript, so the benchmark (test/bench/fleet-bench.mjs) starts the same cluster as the
// tests; pg.ts gives it its types.

const BIN_DIRS = ['/usr/local/bin', '/usr/bin', ...listPgBinDirs()];

function listPgBinDirs() {
  try {
    return readdirSync('/usr/lib/postgresql')
      .sort()
      .reverse()
      .map((v) => join('/usr/lib/postgresql', v, 'bin'));
  } catch {
    return [];
  }
}

function findBin(name) {
  for (const dir of BIN_DIRS) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

/** The unprivileged user the server runs as when we are root. */
function serverUser() {
  for (const name of ['postgres', 'nobody']) {
    if (spawnSync('id', ['-u', name]).status === 0) return name;
  }
  return null;
}

function idOf(user, flag) {
  return Number(execFileSync('id', [flag, user]).toString().trim());
}

/** Runs a binary, as `user` through runuser when given (we are root). */
function run(bin, args, user) {
  const [cmd, argv] = user ? ['runuser', ['-u', user, '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${bin.split('/').pop()} failed: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n').slice(-3).join(' ')}`);
}

/** @type {import('./pg.ts').Cluster | null} */
let started = null;
/** @type {string | null} */
let reason = null;

/**
 * Starts one cluster per process (or says why it cannot).
 * @param {{ extra?: string[] }} [options] more server settings (-c name=value)
 * @returns {{ cluster: import('./pg.ts').Cluster | null, reason: string | null }}
 */
export function startCluster(options = {}) {
  if (started || reason) return { cluster: started, reason };
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) {
    reason = 'PostgreSQL is not installed (no initdb/pg_ctl; Debian: apt-get install postgresql)';
    return { cluster: null, reason };
  }
  const root = process.getuid?.() === 0;
  const user = root ? serverUser() : null;
  if (root && !user) {
    reason = 'running as root and no unprivileged user (postgres, nobody) to run the server as';
    return { cluster: null, reason };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tekser-pg-'));
  const data = join(dir, 'data');
  try {
    if (user) {
      chownSync(dir, idOf(user, '-u'), idOf(user, '-g'));
      chmodSync(dir, 0o755);
    }
    run(initdb, ['-D', data, '-U', 'tekser_admin', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], user);
    const opts = [`-c listen_addresses='' -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40`, ...(options.extra ?? []).map((x) => `-c ${x}`)].join(' ');
    run(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', '-t', '30', 'start'], user);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    reason = `a throwaway PostgreSQL cluster could not start: ${err.message}`;
    return { cluster: null, reason };
  }
  let stopped = false;
  started = {
    socketDir: dir,
    superuser: 'tekser_admin',
    url: (u = 'tekser_admin', db = 'postgres') => `postgres://${encodeURIComponent(u)}@/${db}?host=${encodeURIComponent(dir)}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop'], user);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        started = null;
      }
    },
  };
  // Never leave a server behind, even when a test file dies.
  process.once('exit', () => started?.stop());
  return { cluster: started, reason: null };
}
