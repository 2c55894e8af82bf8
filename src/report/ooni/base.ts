import { createHash } from 'node:crypto';
import type { RunRecord } from '../../model/run.ts';
import type { Json } from './events.ts';

/** How a run is exported: the network it was measured from (flags override the run's own), and whether bodies go out. */
export interface OoniOptions {
  /** "AS1234"; null when unknown (written AS0). */
  asn?: string | null;
  /** ISO 3166 alpha-2; null when unknown (written ZZ). */
  country?: string | null;
  /** Keep page bodies the run kept (they may contain the prober's own address). */
  includeBodies?: boolean;
}

/** The network a measurement is written from: the options first, then the run's record. */
export interface OoniNetwork {
  asn: string | null;
  country: string | null;
  name: string;
}

export function exportNetwork(record: RunRecord, opts: OoniOptions = {}): OoniNetwork {
  const stored = record.network as RunRecord['network'] & { name?: string | null };
  return { asn: opts.asn ?? stored.asn ?? null, country: opts.country ?? stored.country ?? null, name: stored.name ?? '' };
}

/** OONI's pipeline discards measurements from probe_cc ZZ or probe_asn AS0, and its API refuses AS0. */
export function networkKnown(n: OoniNetwork): boolean {
  return n.asn !== null && n.asn !== 'AS0' && n.country !== null && n.country !== 'ZZ';
}

/** "YYYY-MM-DD HH:MM:SS" in UTC. */
export function ooniTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}

/**
 * A report id in OONI's shape: `<YYYYMMDDTHHMMSSZ>_<test name without underscores>_<CC>_<AS number>_n0_<16 characters>`.
 * The last part is base64 with "o" for "+" and "/" as OONI's collector writes it, taken from a hash
 * of the run id (itself random), the test name and the network: exporting the same run again
 * gives the same ids. n0 says no OONI collector issued it: when a measurement is submitted, OONI's
 * API gives it its own report id.
 */
export function reportId(record: RunRecord, testName: string, n: OoniNetwork): string {
  const time = record.startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const cc = n.country ?? 'ZZ';
  const asn = (n.asn ?? 'AS0').replace(/^AS/, '');
  const digest = createHash('sha256').update(`${record.id}\n${testName}\n${cc}\n${asn}`).digest();
  const random = digest.subarray(0, 12).toString('base64').replace(/[+/]/g, 'o');
  return `${time}_${testName.replace(/_/g, '')}_${cc}_${asn}_n0_${random}`;
}

/**
 * The version of OONI's nettest whose keys are written, with tekser's own as a local version label
 * (PEP 440, as OONI's pipeline parses it): "0.4.3+tekser.0.1.0". The keys follow that nettest's
 * spec; the measuring was tekser's.
 */
export function testVersion(specVersion: string, tekserVersion: string): string {
  return `${specVersion}+tekser.${tekserVersion.toLowerCase().replace(/[^a-z0-9.]/g, '.')}`;
}

export interface MeasurementHead {
  record: RunRecord;
  network: OoniNetwork;
  startedAt: string;
  runtime: number;
  testName: string;
  specVersion: string;
  input: string | null;
  helper: string | null;
}

/** The base keys of every measurement (df-000). */
export function base(h: MeasurementHead, testKeys: Json): Json {
  const { record, network } = h;
  return {
    annotations: { engine_name: 'tekser', engine_version: record.tekserVersion, platform: process.platform === 'darwin' ? 'macos' : process.platform === 'win32' ? 'windows' : 'linux' },
    data_format_version: '0.2.0',
    extensions: { dnst: 0, httpt: 0, netevents: 0, tcpconnect: 0, tlshandshake: 0 },
    input: h.input,
    measurement_start_time: ooniTime(h.startedAt),
    probe_asn: network.asn ?? 'AS0',
    probe_cc: network.country ?? 'ZZ',
    probe_ip: '127.0.0.1',
    probe_network_name: network.name,
    report_id: reportId(record, h.testName, network),
    resolver_asn: 'AS0',
    resolver_ip: '',
    resolver_network_name: '',
    software_name: 'tekser',
    software_version: record.tekserVersion,
    test_helpers: h.helper ? { backend: { address: h.helper, type: 'https' } } : {},
    test_keys: testKeys,
    test_name: h.testName,
    test_runtime: h.runtime,
    test_start_time: ooniTime(record.startedAt),
    test_version: testVersion(h.specVersion, record.tekserVersion),
  };
}
