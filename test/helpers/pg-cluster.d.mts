import type { Cluster } from './pg.ts';
export function startCluster(options?: { extra?: string[] }): { cluster: Cluster | null; reason: string | null };
