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

/** A verdict status in its colour: the table, diff and history paint statuses the same way. */
export function paintStatus(c: ChalkInstance, status: string, text: string = status): string {
  switch (status) {
    case 'blocked':
      return c.red.bold(text);
    case 'partially blocked':
      return c.yellow.bold(text);
    case 'down':
      return c.gray(text);
    case 'inconclusive':
      return c.yellow(text);
    case 'refused by site':
      return c.magenta(text);
    case 'accessible':
      return c.green(text);
    default:
      return text;
  }
}

/** The mark of `refused by site` (the report's timeline uses the same): neither blocked nor accessible. */
export const REFUSED_SYMBOL = '⊘';
