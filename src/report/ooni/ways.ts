import type { RunRecord } from '../../model/run.ts';
import { waysToOoni } from '../ooni-ways.ts';
import { base, exportNetwork, type OoniOptions } from './base.ts';

/** The run's ways out as OONI measurements (tor, stunreachability, dnscheck, echcheck, riseupvpn, openvpn; see ../ooni-ways.ts). */
export function waysOoni(record: RunRecord, opts: OoniOptions = {}): Record<string, unknown>[] {
  if (!record.ways) return [];
  const network = exportNetwork(record, opts);
  const runtime = record.finishedAt ? (Date.parse(record.finishedAt) - Date.parse(record.startedAt)) / 1000 : 0;
  const head = { record, network, startedAt: record.startedAt, runtime, helper: null };
  return waysToOoni(record.ways.ways, record.ways.verdicts).map((m) => base({ ...head, testName: m.testName, specVersion: m.testVersion, input: m.input }, m.testKeys));
}
