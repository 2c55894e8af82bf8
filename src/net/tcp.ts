import { connect, type Socket } from 'node:net';
import type { Clock } from './clock.ts';
import { whenAborted } from './abort.ts';
import { classifyError } from './failure.ts';
import { FAILURES } from '../model/failure.ts';
import type { TcpConnectObservation } from '../model/observation.ts';

export interface TcpOptions {
  clock: Clock;
  timeoutMs: number;
  /** Aborting destroys the socket at once: the attempt ends as `interrupted`. */
  signal?: AbortSignal;
  /** Called once the connection is established (before the caller's next step), for hedging. */
  onConnected?: () => void;
  /** Record the timeout used in the observation (the adaptive connect timeout is evidence). */
  recordTimeout?: boolean;
}

/** Connects to ip:port; on success the open socket is returned with the observation (caller closes it). */
export function tcpConnect(ip: string, port: number, opts: TcpOptions): Promise<{ observation: TcpConnectObservation; socket: Socket | null }> {
  const t0 = opts.clock.now();
  const withTimeout = opts.recordTimeout ? { timeoutMs: opts.timeoutMs } : {};
  if (opts.signal?.aborted) return Promise.resolve({ observation: { ip, port, failure: FAILURES.interrupted, t0, t: t0, ...withTimeout }, socket: null });
  return new Promise((resolve) => {
    // autoSelectFamily off: we connect to one literal address, never "happy eyeballs" across others.
    const socket = connect({ host: ip, port, autoSelectFamily: false });
    let settled = false;
    let stopWaiting = (): void => {};
    const settle = (failure: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopWaiting();
      socket.removeAllListeners('connect');
      socket.removeAllListeners('error');
      const observation: TcpConnectObservation = { ip, port, failure, t0, t: opts.clock.now(), ...withTimeout };
      if (failure) {
        socket.on('error', () => {});
        socket.destroy();
        resolve({ observation, socket: null });
      } else {
        socket.on('error', () => {}); // later errors belong to the next step, which listens itself
        opts.onConnected?.();
        resolve({ observation, socket });
      }
    };
    // socket.setTimeout is an idle timer, not a connect deadline: use our own.
    const timer = setTimeout(() => settle(FAILURES.timeout), opts.timeoutMs);
    stopWaiting = whenAborted(opts.signal, () => settle(FAILURES.interrupted));
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

/** Ties a socket's life to a signal: aborting destroys it. Returns the detach function. */
export function destroyOnAbort(socket: { destroy(): unknown }, signal: AbortSignal | undefined): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    socket.destroy();
    return () => {};
  }
  return whenAborted(signal, () => {
    socket.destroy();
  });
}
