import { connect, type Socket } from 'node:net';
import type { Clock } from './clock.ts';
import { classifyError } from './failure.ts';
import { FAILURES } from '../model/failure.ts';
import type { TcpConnectObservation } from '../model/observation.ts';

export interface TcpOptions {
  clock: Clock;
  timeoutMs: number;
}

/** Connects to ip:port; on success the open socket is returned with the observation (caller closes it). */
export function tcpConnect(ip: string, port: number, opts: TcpOptions): Promise<{ observation: TcpConnectObservation; socket: Socket | null }> {
  const t0 = opts.clock.now();
  return new Promise((resolve) => {
    // autoSelectFamily off: we connect to one literal address, never "happy eyeballs" across others.
    const socket = connect({ host: ip, port, autoSelectFamily: false });
    let settled = false;
    const settle = (failure: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners('connect');
      socket.removeAllListeners('error');
      const observation = { ip, port, failure, t0, t: opts.clock.now() };
      if (failure) {
        socket.destroy();
        resolve({ observation, socket: null });
      } else {
        socket.on('error', () => {}); // later errors belong to the next step, which listens itself
        resolve({ observation, socket });
      }
    };
    // socket.setTimeout is an idle timer, not a connect deadline: use our own.
    const timer = setTimeout(() => settle(FAILURES.timeout), opts.timeoutMs);
    socket.once('connect', () => settle(null));
    socket.once('error', (err) => settle(classifyError(err)));
  });
}

/** Connect and close: the observation alone. */
export async function tcpProbe(ip: string, port: number, opts: TcpOptions): Promise<TcpConnectObservation> {
  const { observation, socket } = await tcpConnect(ip, port, opts);
  socket?.destroy();
  return observation;
}
