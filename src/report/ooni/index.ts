import type { RunRecord, ServiceResultJson, TargetResultJson, WebResultJson } from '../../model/run.ts';
import { exportNetwork, type OoniOptions } from './base.ts';
import { messenger } from './messengers.ts';
import { webConnectivity } from './web.ts';

/**
 * Measurements in OONI's data format (data_format_version 0.2.0, df-000..008): web targets as
 * web_connectivity, messengers as their OONI nettests. probe_ip is always 127.0.0.1 (scrubbed), as
 * modern OONI probes write it; ASN and country are AS0/ZZ unless known (from the run, or options).
 */
export { waysOoni } from './ways.ts';
export { exportNetwork, networkKnown, ooniTime, reportId, testVersion, type OoniNetwork, type OoniOptions } from './base.ts';

export function toOoni(result: TargetResultJson, record: RunRecord, opts: OoniOptions = {}): Record<string, unknown> {
  const network = exportNetwork(record, opts);
  const includeBodies = opts.includeBodies ?? false;
  return result.target.kind === 'web' ? webConnectivity(result as WebResultJson, record, network, includeBodies) : messenger(result as ServiceResultJson, record, network, includeBodies);
}
