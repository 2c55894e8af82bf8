import { parse } from 'csv-parse/sync';

/**
 * Citizen Lab's current category legend (lists/00-LEGEND-new_category_codes.csv, test-lists @ 7f01e430),
 * code -> "Category Description". Built in so `tekser lint` works without the legend file; a legend
 * next to the linted list, or --categories, replaces it.
 */
export const BUILTIN_CATEGORIES: ReadonlyMap<string, string> = new Map([
  ['ALDR', 'Alcohol & Drugs'],
  ['REL', 'Religion'],
  ['PORN', 'Pornography'],
  ['PROV', 'Provocative Attire'],
  ['POLR', 'Political Criticism'],
  ['HUMR', 'Human Rights Issues'],
  ['ENV', 'Environment'],
  ['MILX', 'Terrorism and Militants'],
  ['HATE', 'Hate Speech'],
  ['NEWS', 'News Media'],
  ['XED', 'Sex Education'],
  ['PUBH', 'Public Health'],
  ['GMB', 'Gambling'],
  ['ANON', 'Anonymization and circumvention tools'],
  ['DATE', 'Online Dating'],
  ['GRP', 'Social Networking'],
  ['LGBT', 'LGBT'],
  ['FILE', 'File-sharing'],
  ['HACK', 'Hacking Tools'],
  ['COMT', 'Communication Tools'],
  ['MMED', 'Media sharing'],
  ['HOST', 'Hosting and Blogging Platforms'],
  ['SRCH', 'Search Engines'],
  ['GAME', 'Gaming'],
  ['CULTR', 'Culture'],
  ['ECON', 'Economics'],
  ['GOVT', 'Government'],
  ['COMM', 'E-commerce'],
  ['CTRL', 'Control content'],
  ['IGO', 'Intergovernmental Organizations'],
  ['MISC', 'Miscellaneous content'],
]);

/** Reads a legend in upstream's format (`Category Description,New Code,...`). */
export function parseCategoryLegend(text: string, file: string): Map<string, string> {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const header = rows[0] ?? [];
  const descIdx = header.indexOf('Category Description');
  const codeIdx = header.indexOf('New Code');
  if (descIdx < 0 || codeIdx < 0) {
    throw new Error(`${file}: not a category legend (needs columns "Category Description" and "New Code")`);
  }
  const map = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const code = row[codeIdx];
    const desc = row[descIdx];
    if (code && desc !== undefined) map.set(code, desc);
  }
  return map;
}
