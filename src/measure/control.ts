import { startClock } from '../net/clock.ts';
import { queryResolver } from '../net/dns.ts';
import type { DnsObservation } from '../model/observation.ts';
import type { MeasureContext } from './context.ts';

/** The name every control resolver is asked about in the health check: reserved by IANA, always there. */
export const CONTROL_CHECK_NAME = 'example.com';

/**
 * The control's own health check, once per run: each control resolver is asked for one name,
 * with its DoH handshake recorded, plus the bootstrap lookups of controls given by name. A single
 * URL offline, or a control that is intercepted, is then visible without comparing targets.
 */
export async function checkControl(ctx: MeasureContext, bootstraps: () => DnsObservation[] = () => []): Promise<DnsObservation[]> {
  const clock = startClock();
  const opts = {
    clock,
    timeoutMs: ctx.timeouts.dnsMs,
    dispatcher: ctx.dispatcher,
    ...(ctx.handshakeFor ? { handshakeFor: ctx.handshakeFor } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  const answers = await Promise.all(ctx.controlResolvers.map((r) => (r.kind === 'system' ? Promise.resolve(null) : queryResolver(r, CONTROL_CHECK_NAME, 'A', opts))));
  return [...bootstraps(), ...answers.filter((o): o is DnsObservation => o !== null)];
}
