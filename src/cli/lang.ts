import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseLang, isLang, type Lang } from '../i18n/index.ts';
import { defaultDataDir } from '../store/paths.ts';

// The language of this process, chosen before commander reads the command line: its --help is
// written in that language, so the choice cannot wait for the parse.

/** The value of a flag on the command line (`--lang ru` or `--lang=ru`), before a `--`. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/**
 * `lang:` in the config file (--config, else config.yaml in the data directory), read lightly: a file
 * with other problems still gives its language, and the command reports the problems in it.
 */
async function configLang(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const file = flagValue(argv, '--config') ?? join(flagValue(argv, '--data-dir') ?? defaultDataDir(env), 'config.yaml');
  if (!existsSync(file)) return undefined;
  try {
    const { parse } = await import('yaml');
    const doc: unknown = parse(readFileSync(file, 'utf8'));
    const lang = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).lang : undefined;
    return isLang(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}

/** The language to speak: --lang, else `lang:` in the config file, else LC_ALL, LC_MESSAGES, LANG, else English. */
export async function cliLang(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<Lang> {
  const flag = flagValue(argv, '--lang');
  if (isLang(flag)) return flag;
  return chooseLang(undefined, await configLang(argv, env), env);
}
