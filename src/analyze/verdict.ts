import type { BlockpageMatch } from './blockpage.ts';
import type { HttpComparison } from './http-compare.ts';
import type { InterceptionMatch } from './interception.ts';

export type VerdictStatus = 'accessible' | 'blocked' | 'partially blocked' | 'down' | 'inconclusive';
export const BLOCKING_METHODS = ['dns', 'tcp_ip', 'tls', 'mitm', 'http-failure', 'http-diff'] as const;
export type BlockingMethod = (typeof BLOCKING_METHODS)[number];
export type DnsConsistency = 'consistent' | 'inconsistent' | 'unknown';

export interface Verdict {
  status: VerdictStatus;
  method: BlockingMethod | null;
  /** One line a person can act on. */
  reason: string;
  /** The observations behind the verdict, one per line. */
  evidence: string[];
  dnsConsistency: DnsConsistency | null;
  blockpage: BlockpageMatch | null;
  httpComparison: HttpComparison | null;
  /** For interception: the issuer of the chain that public roots do not trust. */
  untrustedIssuer: string | null;
  /** A known interception CA found in the chain. */
  interceptionCa: InterceptionMatch | null;
  /** SNI filtering: proven when the same address accepts a harmless SNI (or none) but not the target's. */
  sniProof: 'proven' | 'not-proven' | null;
  /** Services only: the verdict of each check, endpoint by endpoint. */
  checks?: CheckVerdict[];
}

export type Step = 'dns' | 'tcp' | 'tls' | 'http';

export interface EndpointVerdict {
  endpoint: string;
  status: 'ok' | 'blocked' | 'down' | 'inconclusive';
  step: Step | null;
  failure: string | null;
  /** Ports that failed on an endpoint that still counts as reachable (e.g. 5222 only). */
  failedPorts: number[];
}

export interface CheckVerdict {
  id: string;
  title: string;
  status: VerdictStatus;
  method: BlockingMethod | null;
  endpoints: EndpointVerdict[];
}
