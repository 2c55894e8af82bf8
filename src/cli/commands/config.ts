import type { CommandIO } from '../io.ts';
import { effectiveRunOptions, type RunCommandOptions } from './run.ts';
import { CONFIG_TO_OPTION } from '../../config/config.ts';

/** `tekser config`: the effective settings for `tekser run`, and where each value comes from. */
export function configCommand(opts: RunCommandOptions, io: CommandIO, isFromCli: (key: string) => boolean): number {
  const { options, sources, dataDir, configFile } = effectiveRunOptions(opts, io.env, isFromCli);
  const lines = [`data dir:    ${dataDir}`, `config file: ${configFile ?? '(none)'}`, ''];
  const shown = options as unknown as Record<string, unknown>;
  for (const key of Object.keys(CONFIG_TO_OPTION)) {
    const value = shown[key];
    const text = value === undefined ? '(built-in default)' : Array.isArray(value) ? value.join(', ') || '(none)' : String(value);
    lines.push(`${key.padEnd(16)} ${text.padEnd(48)} ${sources[key] === 'config' ? `from ${configFile}` : sources[key] === 'flag' ? 'from the command line' : 'default'}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
