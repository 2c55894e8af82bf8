import type { CommandIO } from '../io.ts';
import { DEFAULT_CONTROL_RESOLVERS, DEFAULT_LISTS, effectiveRunOptions, type RunCommandOptions } from './run.ts';
import { CONFIG_KEYS, lineOf } from '../../config/keys.ts';
import { redactUrl } from '../../fleet/url.ts';
import { EXIT } from '../../errors.ts';
import { currentLang } from '../../i18n/index.ts';

/** Values `run` uses when neither the file nor a flag sets them, and commander has no default for. */
const IMPLICIT_DEFAULTS = (): Record<string, unknown> => ({ list: DEFAULT_LISTS, controlResolver: DEFAULT_CONTROL_RESOLVERS, lang: currentLang() });
const UNSET: Record<string, string> = { max_runtime: '(no limit)', control_helper: '(none)' };

export interface ConfigSetting {
  /** The key as the config file spells it (snake_case, dotted for nesting). */
  key: string;
  value: unknown;
  source: 'flag' | 'config' | 'default';
  /** The flag, file:line, or "default". */
  where: string;
}

/** `tekser config`: the effective settings for `tekser run`, and where each value comes from. */
export async function configCommand(opts: RunCommandOptions & { format?: 'text' | 'json' }, io: CommandIO, isFromCli: (key: string) => boolean): Promise<number> {
  const { options, sources, dataDir, configFile, config } = await effectiveRunOptions(opts, io.env, isFromCli);
  const shown = options as unknown as Record<string, unknown>;
  const settings: ConfigSetting[] = CONFIG_KEYS.map((k) => {
    const given = shown[k.option] ?? IMPLICIT_DEFAULTS()[k.option] ?? null;
    // A password written into fleet_url is never repeated.
    const value = k.file === 'fleet_url' && typeof given === 'string' ? redactUrl(given) : given;
    const source = sources[k.option] ?? 'default';
    const where = source === 'flag' ? k.flag : source === 'config' ? `${configFile}:${lineOf(config, k.file) ?? 1}` : 'default';
    return { key: k.file, value, source, where };
  });
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ dataDir, configFile, settings }, null, 2)}\n`);
    return EXIT.ok;
  }
  const text = (s: ConfigSetting): string => (s.value === null || s.value === undefined ? (UNSET[s.key] ?? '(none)') : Array.isArray(s.value) ? s.value.join(', ') || '(none)' : String(s.value));
  const keyWidth = Math.max(...settings.map((s) => s.key.length)) + 2;
  const valueWidth = Math.min(60, Math.max(...settings.map((s) => text(s).length))) + 2;
  const lines = [
    `data dir:    ${dataDir}`,
    `config file: ${configFile ?? `(none; ${dataDir}/config.yaml is read when it exists)`}`,
    '',
    `${'SETTING'.padEnd(keyWidth)}${'VALUE'.padEnd(valueWidth)}FROM`,
    ...settings.map((s) => `${s.key.padEnd(keyWidth)}${text(s).length >= valueWidth ? `${text(s)}  ` : text(s).padEnd(valueWidth)}${s.where}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
