/**
 * How a private address or name (a bridge or endpoint the user gave) is written wherever a probe of a
 * private way is recorded. Its own zod-free module: the measuring code needs it on the path to the
 * first query, where no schema may load (test/startup.test.ts).
 */
export const PRIVATE_ADDRESS = '[scrubbed]';
