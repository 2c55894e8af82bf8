// The catalogue, one table per language. While the areas are being translated each area keeps its
// own part (src/i18n/parts/<area>.<lang>.json); they are merged here into one table per language.
import coreEn from './parts/core.en.json' with { type: 'json' };
import coreRu from './parts/core.ru.json' with { type: 'json' };
import coreKk from './parts/core.kk.json' with { type: 'json' };
import webEn from './parts/web.en.json' with { type: 'json' };
import webRu from './parts/web.ru.json' with { type: 'json' };
import webKk from './parts/web.kk.json' with { type: 'json' };
import serviceEn from './parts/service.en.json' with { type: 'json' };
import serviceRu from './parts/service.ru.json' with { type: 'json' };
import serviceKk from './parts/service.kk.json' with { type: 'json' };
import findingsEn from './parts/findings.en.json' with { type: 'json' };
import findingsRu from './parts/findings.ru.json' with { type: 'json' };
import findingsKk from './parts/findings.kk.json' with { type: 'json' };
import textEn from './parts/text.en.json' with { type: 'json' };
import textRu from './parts/text.ru.json' with { type: 'json' };
import textKk from './parts/text.kk.json' with { type: 'json' };
import htmlEn from './parts/html.en.json' with { type: 'json' };
import htmlRu from './parts/html.ru.json' with { type: 'json' };
import htmlKk from './parts/html.kk.json' with { type: 'json' };
import cliEn from './parts/cli.en.json' with { type: 'json' };
import cliRu from './parts/cli.ru.json' with { type: 'json' };
import cliKk from './parts/cli.kk.json' with { type: 'json' };
import throttleEn from './parts/throttle.en.json' with { type: 'json' };
import throttleRu from './parts/throttle.ru.json' with { type: 'json' };
import throttleKk from './parts/throttle.kk.json' with { type: 'json' };
import errorsEn from './parts/errors.en.json' with { type: 'json' };
import errorsRu from './parts/errors.ru.json' with { type: 'json' };
import errorsKk from './parts/errors.kk.json' with { type: 'json' };

/** A sentence, or its plural forms by Intl.PluralRules category ("other" always). */
export type Entry = string | (Partial<Record<Intl.LDMLPluralRule, string>> & { other: string });
export type Catalogue = Record<string, Entry>;

const join = (...parts: object[]): Catalogue => Object.assign({}, ...parts) as Catalogue;

export const CATALOGUES = {
  en: join(coreEn, webEn, serviceEn, findingsEn, textEn, htmlEn, cliEn, throttleEn, errorsEn),
  ru: join(coreRu, webRu, serviceRu, findingsRu, textRu, htmlRu, cliRu, throttleRu, errorsRu),
  kk: join(coreKk, webKk, serviceKk, findingsKk, textKk, htmlKk, cliKk, throttleKk, errorsKk),
} as const;
