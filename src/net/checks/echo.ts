import { randomBytes } from 'node:crypto';
import type { EchoProbe, ProbeVariant, Transport } from '../../model/check.ts';
import { FAILURES } from '../../model/failure.ts';
import { openvpnHardReset, openvpnTcpFrame, OPENVPN_HARD_RESET_CLIENT_V2 } from './openvpn-reset.ts';
import { randomBytesAvoiding, recordedEndpoint, tcpExchange, udpExchange, type CheckOptions } from './common.ts';

/**
 * Bytes to the control helper's echo service (`tekser helper --echo-ports`), which sends back exactly
 * what it got. An echo proves the port reaches outside. In pairs, a protocol's shape and random bytes
 * of the same size to the same port: when only the shaped one is lost, the network drops that protocol
 * by its packet signature (proven: the same port, size and moment carried the random twin).
 */

/** WireGuard handshake initiation: type 1, 3 reserved zero bytes, then 144 bytes (index, ephemeral, static, timestamp, macs). */
export const WIREGUARD_INITIATION_SIZE = 148;

export function wireguardInitiation(random: (n: number) => Buffer = randomBytes): Buffer {
  return Buffer.concat([Buffer.from([1, 0, 0, 0]), random(WIREGUARD_INITIATION_SIZE - 4)]);
}

/** The payload of a variant: shaped (wireguard, openvpn) or its random twin of `size` bytes, or plain bytes. */
export function echoPayload(variant: ProbeVariant, transport: Transport, size: number, random: (n: number) => Buffer = randomBytes): Buffer {
  if (variant === 'wireguard') return wireguardInitiation(random);
  if (variant === 'openvpn') {
    const reset = openvpnHardReset(random(8));
    return transport === 'tcp' ? openvpnTcpFrame(reset) : reset;
  }
  // Random bytes that start like neither protocol (WireGuard types 1–4, OpenVPN's hard reset, a TCP frame's length byte 0).
  return randomBytesAvoiding(size, [0, 1, 2, 3, 4, OPENVPN_HARD_RESET_CLIENT_V2 << 3], random);
}

/** The size of the shaped payload a random twin must match. */
export function shapedSize(variant: ProbeVariant, transport: Transport): number {
  return echoPayload(variant, transport, 0).length;
}

export async function echoProbe(ip: string, port: number, transport: Transport, variant: ProbeVariant, size: number, opts: CheckOptions): Promise<EchoProbe> {
  const t0 = opts.clock.now();
  const payload = echoPayload(variant, transport, size);
  let echoed = 0;
  let failure: string | null;
  if (transport === 'udp') {
    const ex = await udpExchange(ip, port, payload, (m) => (m.equals(payload) ? m.length : null), opts);
    echoed = ex.reply ?? 0;
    failure = ex.failure;
  } else {
    const ex = await tcpExchange(ip, port, payload, (d) => d.length >= payload.length, { ...opts, maxBytes: payload.length });
    const same = ex.data.length >= payload.length && ex.data.subarray(0, payload.length).equals(payload);
    echoed = same ? payload.length : 0;
    failure = ex.failure ?? (same ? null : FAILURES.unexpectedAnswer);
  }
  const detail = echoed ? `${echoed} bytes echoed back` : null;
  return { check: 'echo', ...recordedEndpoint(ip, port, transport, opts), failure, detail, variant, sent: payload.length, echoed, t0, t: opts.clock.now() };
}
