import { Chalk, type ChalkInstance } from 'chalk';

/**
 * The one place colour is decided. chalk 5 ignores NO_COLOR, so we honour it here, along with
 * FORCE_COLOR, --no-color and whether the stream is a terminal.
 */
export function makeChalk(opts: { isTTY: boolean; env: NodeJS.ProcessEnv; color?: boolean }): ChalkInstance {
  let enabled = opts.isTTY;
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') enabled = false;
  if (opts.env.TERM === 'dumb') enabled = false;
  if (opts.env.FORCE_COLOR !== undefined && opts.env.FORCE_COLOR !== '0') enabled = true;
  if (opts.color !== undefined) enabled = opts.color;
  return new Chalk({ level: enabled ? 1 : 0 });
}
