// A throwaway PostgreSQL cluster for the fleet's tests (the code is in pg-cluster.mjs, shared with the
// benchmark): initdb and pg_ctl in a temporary directory, on a Unix socket there and no TCP port, as an
// unprivileged user (as root: postgres, else nobody). `stop()` tears it down and removes the directory;
// when no cluster can start, `reason` says why and the tests skip with it in their title.

export interface Cluster {
  /** The socket directory: connect with host=<dir>. */
  socketDir: string;
  /** The bootstrap superuser. */
  superuser: string;
  /** A postgres:// URL for a role on a database of this cluster (no password: trust on the socket). */
  url(user?: string, database?: string): string;
  stop(): void;
}

export { startCluster } from './pg-cluster.mjs';
