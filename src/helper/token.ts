// The helper's shared-token names, apart from the protocol schemas: the CLI's option checks need
// them at start-up without loading zod.

/** Header carrying the optional shared token, as `Bearer <token>` (OONI probes send none). */
export const HELPER_TOKEN_HEADER = 'authorization';
/** Environment variable with the token: read by `tekser helper` and by `tekser run` for its helper. */
export const HELPER_TOKEN_ENV = 'TEKSER_HELPER_TOKEN';
