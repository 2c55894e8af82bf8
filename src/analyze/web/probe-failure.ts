import { probeFailure, type FailureRow } from '../../data/probe-failures.ts';
import { msg } from '../../i18n/index.ts';
import type { Message } from '../../model/message.ts';
import { whyOf } from '../control.ts';
import type { WebContext, WebRule } from './context.ts';

/** The failures of the step that failed first (DNS when nothing resolved), with the probe's own among them. */
function failedStepFailures(ctx: WebContext): { step: Message; failures: string[] } | null {
  const { dns, failedStep, tcp, tls, final } = ctx;
  if (dns.localAddresses.length === 0 && dns.localFailure) return { step: msg('web.step.dns'), failures: [dns.localFailure] };
  if (failedStep === 'tcp') return { step: msg('web.step.tcp'), failures: tcp.map((t) => t.failure ?? '') };
  if (failedStep === 'tls') return { step: msg('web.step.tls'), failures: tls.map((t) => t.failure ?? '') };
  if (failedStep === 'http' && final?.failure) return { step: msg('web.step.http'), failures: [final.failure] };
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
    return ctx.verdict('inconclusive', null, msg('web.probe-failure', { step: step.step, failure: String(step.failures[0]), why: whyOf(row) }));
  },
};
