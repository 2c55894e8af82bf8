// The helper's names needed without loading zod (apart from the protocol schemas): the shared
// token, for the CLI's option checks at start-up, and the throughput reference's path and size, for
// the probe.

/** Header carrying the optional shared token, as `Bearer <token>` (OONI probes send none). */
export const HELPER_TOKEN_HEADER = 'authorization';
/** Environment variable with the token: read by `tekser helper` and by `tekser run` for its helper. */
export const HELPER_TOKEN_ENV = 'TEKSER_HELPER_TOKEN';

/** The throughput reference's path (over TLS on `tekser helper --reference-port`), and the size it serves. */
export const REFERENCE_PATH = '/reference';
export const REFERENCE_BYTES = 256 * 1024;
