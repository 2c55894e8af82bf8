import { createRequire } from 'node:module';
import { loadAfterFirstQueries } from './startup.ts';

/**
 * undici, loaded on first use. It is the heaviest dependency (~0.15–0.3 s to load), and a run's
 * first queries (UDP/TCP DNS) need none of it: DoH, HTTP and helper calls load it here, after the
 * first queries are answered (net/startup.ts). Call sites keep undici's own API:
 * `const { request } = await loadUndici()`.
 */
type Undici = typeof import('undici');

let loaded: Undici | undefined;
let loading: Promise<Undici> | undefined;

export function loadUndici(): Promise<Undici> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= loadAfterFirstQueries(() => import('undici')).then((m) => (loaded = m));
  return loading;
}

/** undici now, for code that cannot wait (a dispatcher built before its first request): loaded synchronously if need be. */
export function undiciNow(): Undici {
  loaded ??= createRequire(import.meta.url)('undici') as Undici;
  return loaded;
}
