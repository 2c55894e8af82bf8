import type { CommandIO } from '../io.ts';
import { DEFAULT_CONTROL_RESOLVERS, DEFAULT_LISTS, effectiveRunOptions, type RunCommandOptions } from './run.ts';
import { CONFIG_KEYS, lineOf } from '../../config/keys.ts';
import { redactUrl } from '../../fleet/url.ts';
import { EXIT } from '../../errors.ts';
import { currentLang, t } from '../../i18n/index.ts';

/** Labels and values in two columns: "data dir:    /path". */
const labelled = (rows: ReadonlyArray<readonly [string, string]>): string[] => {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`);
};

/** Values `run` uses when neither the file nor a flag sets them, and commander has no default for. */
const IMPLICIT_DEFAULTS = (): Record<string, unknown> => ({ list: DEFAULT_LISTS, controlResolver: DEFAULT_CONTROL_RESOLVERS, lang: currentLang() });
/** What an unset setting shows in the text, by file key: `cli.config.unset.<key>`, else `cli.config.none`. */
const UNSET_KEYS = new Set(['max_runtime']);

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
  const lang = currentLang();
  const none = `(${t(lang, 'cli.config.none')})`;
  const unset = (key: string): string => (UNSET_KEYS.has(key) ? `(${t(lang, `cli.config.unset.${key}`)})` : none);
  const text = (s: ConfigSetting): string => (s.value === null || s.value === undefined ? unset(s.key) : Array.isArray(s.value) ? s.value.join(', ') || none : String(s.value));
  const where = (s: ConfigSetting): string => (s.source === 'default' ? t(lang, 'cli.config.default') : s.where);
  const keyWidth = Math.max(...settings.map((s) => s.key.length)) + 2;
  const valueWidth = Math.min(60, Math.max(...settings.map((s) => text(s).length))) + 2;
  const lines = [
    ...labelled([
      [t(lang, 'cli.config.dataDir'), dataDir],
      [t(lang, 'cli.config.file'), configFile ?? `(${t(lang, 'cli.config.noFile', { file: `${dataDir}/config.yaml` })})`],
    ]),
    '',
    `${t(lang, 'cli.config.setting').padEnd(keyWidth)}${t(lang, 'cli.config.value').padEnd(valueWidth)}${t(lang, 'cli.config.from')}`,
    ...settings.map((s) => `${s.key.padEnd(keyWidth)}${text(s).length >= valueWidth ? `${text(s)}  ` : text(s).padEnd(valueWidth)}${where(s)}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
