import { probeFailure, type FailureRow } from '../../data/probe-failures.ts';
import type { WebContext, WebRule } from './context.ts';

/** The failures of the step that failed first (DNS when nothing resolved), with the probe's own among them. */
function failedStepFailures(ctx: WebContext): { step: string; failures: string[] } | null {
  const { dns, failedStep, tcp, tls, final } = ctx;
  if (dns.localAddresses.length === 0 && dns.localFailure) return { step: 'DNS lookup', failures: [dns.localFailure] };
  if (failedStep === 'tcp') return { step: 'TCP connect', failures: tcp.map((t) => t.failure ?? '') };
  if (failedStep === 'tls') return { step: 'TLS handshake', failures: tls.map((t) => t.failure ?? '') };
  if (failedStep === 'http' && final?.failure) return { step: 'HTTP request', failures: [final.failure] };
  return null;
}

/**
 * 4. The probe's own failure (src/data/probe-failures.json: a cancelled operation, an interrupted
 * measurement, the device's own resolver, documented probe bugs) at the step that failed: the network
 * did not do it, so the step is inconclusive, never blocked.
 */
export const probeFailureRule: WebRule = {
  id: 'probe-failure',
  description: "The step that failed failed with the probe's own failure (cancelled, interrupted, a documented probe bug; src/data/probe-failures.json) → inconclusive, never blocked.",
  apply: (ctx) => {
    const step = failedStepFailures(ctx);
    if (!step) return null;
    const rows = step.failures.map(probeFailure).filter((r): r is FailureRow => r !== null);
    const row = rows[0];
    // Only when every failure of the step is the probe's: one real failure beside it still speaks.
    if (!row || rows.length < step.failures.length) return null;
    const failure = step.failures[0];
    return ctx.verdict('inconclusive', null, `The ${step.step} failed with the probe's own failure (${failure}: ${row.why}); that is not the network's doing, so this says nothing about blocking`);
  },
};
