import type { RunRecord } from '../model/run.ts';

// A probe's network identity: what the volunteer says it is (config `network:` or the
// --network-* flags). Never the public address: tekser asks no one for it and stores none.
// Loaded on the way to a run's first query: imports no zod.

export type NetworkIdentity = RunRecord['network'];

/** The options that carry it (config keys network.asn, network.cc, network.name). */
export interface NetworkOptions {
  networkAsn?: string | number;
  networkCc?: string;
  networkName?: string;
  /** Ask the control helper for the AS and country (it needs an IP-to-AS table). */
  networkFromHelper?: boolean;
}

/** "AS9198" from 9198, "9198" or "as9198"; null when not given. */
export function normalAsn(v: string | number | undefined): string | null {
  if (v === undefined || v === null || String(v).trim() === '') return null;
  return `AS${String(v).trim().replace(/^AS/i, '')}`;
}

/** The number in "AS9198" (null for none). */
export function asnNumber(asn: string | null | undefined): number | null {
  if (!asn) return null;
  const n = Number(asn.replace(/^AS/i, ''));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The run record's `network` from the options (each part null when not given). */
export function networkOf(opts: NetworkOptions): NetworkIdentity {
  return {
    asn: normalAsn(opts.networkAsn),
    country: opts.networkCc ? opts.networkCc.trim().toUpperCase() : null,
    name: opts.networkName ? opts.networkName.trim() : null,
  };
}

/** How a network is named in reports: its name, else "AS9198 (KZ)", else "unknown network". */
export function networkLabel(n: Partial<NetworkIdentity> | null | undefined): string {
  if (n?.name) return n.name;
  if (n?.asn) return n.country ? `${n.asn} (${n.country})` : n.asn;
  return n?.country ? `a network in ${n.country}` : 'unknown network';
}

/**
 * --network-from-helper: the AS and country the first control helper sees this machine in, for
 * the parts the config and flags leave unset. The helper answers from its IP-to-AS table and never
 * says the address; a helper that cannot answer leaves them unknown (one line on stderr).
 */
export async function networkFromHelper(opts: NetworkOptions, helperUrls: readonly string[], stderr: (text: string) => void): Promise<NetworkOptions> {
  if (opts.networkAsn !== undefined && opts.networkCc !== undefined) return {};
  const url = helperUrls[0];
  if (!url) {
    stderr('tekser: --network-from-helper needs a control helper (--control-helper); the network stays as configured\n');
    return {};
  }
  const { helperNetwork } = await import('../helper/client.ts');
  const answer = await helperNetwork(url, { timeoutMs: 10_000 });
  if ('problem' in answer) {
    stderr(`tekser: the control helper did not say which network this is (${answer.problem}); the network stays as configured\n`);
    return {};
  }
  return { ...(opts.networkAsn === undefined && answer.asn ? { networkAsn: answer.asn } : {}), ...(opts.networkCc === undefined && answer.cc ? { networkCc: answer.cc } : {}) };
}
