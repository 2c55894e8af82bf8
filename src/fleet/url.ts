// Imports nothing: `run` loads it on the way to its first query.

/** A postgres:// URL with its password (user:password@ or ?password=) replaced: what messages and `tekser config` may repeat. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^/@?#:]*):[^/@?#]*@/, '//$1:***@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}
