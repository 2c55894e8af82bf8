// The catalogue: one table per language (src/i18n/<lang>.json), the same keys in each (test/i18n.test.ts).
// Keys are namespaced by area: core words (status, method, noun, lacks), web., service. and ways.,
// finding., throttle., text. (the terminal), html. (the report pages), cli. (help and commands),
// err. and lint. (errors and list problems).
import en from './en.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import kk from './kk.json' with { type: 'json' };

/** A sentence, or its plural forms by Intl.PluralRules category ("other" always). */
export type Entry = string | (Partial<Record<Intl.LDMLPluralRule, string>> & { other: string });
export type Catalogue = Record<string, Entry>;

export const CATALOGUES = { en: en as Catalogue, ru: ru as Catalogue, kk: kk as Catalogue } as const;
