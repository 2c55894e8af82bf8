import type { Severity } from '../lists/problem.ts';

export interface LintRule {
  id: string;
  severity: Severity;
  /** Upstream's message where upstream has the rule, so contributors see familiar words. */
  title: string;
  fixable: boolean;
  upstream: boolean;
  help: string;
}

/** Every rule `tekser lint` knows: drives messages, SARIF rule metadata and the README table. */
export const LINT_RULES = [
  { id: 'file-unreadable', severity: 'error', title: 'Unreadable list file', fixable: false, upstream: false, help: 'The file could not be read as a UTF-8 text list (missing, a dangling or looping symlink, no permission, binary, too large).' },
  { id: 'file-bom', severity: 'error', title: 'Byte-order mark', fixable: true, upstream: false, help: 'Save the file as UTF-8 without a BOM.' },
  { id: 'file-crlf', severity: 'error', title: 'CRLF line endings', fixable: true, upstream: false, help: 'Use LF line endings.' },
  { id: 'file-cr', severity: 'error', title: 'CR line endings', fixable: true, upstream: false, help: 'Use LF line endings (a classic Mac file ends its lines with CR alone; they are read as line ends, as upstream reads them).' },
  { id: 'csv-syntax', severity: 'error', title: 'CSV syntax error', fixable: false, upstream: false, help: 'Close every quoted field; double a " inside quotes.' },
  { id: 'csv-header', severity: 'error', title: 'Invalid Header', fixable: false, upstream: true, help: 'The first line must be url,category_code,category_description,date_added,source,notes.' },
  { id: 'column-count', severity: 'error', title: 'Invalid Column Number', fixable: false, upstream: true, help: 'Each row has exactly 6 columns; quote fields that contain commas.' },
  { id: 'url-invalid', severity: 'error', title: 'Invalid URL (No match)', fixable: false, upstream: true, help: 'An absolute http:// or https:// URL with an ASCII host (punycode for IDNs), no spaces.' },
  { id: 'url-bad-chars', severity: 'error', title: 'Invalid URL (Bad chars)', fixable: false, upstream: true, help: 'No tab, CR, LF or backslash in a URL.' },
  { id: 'url-spaces', severity: 'error', title: 'Invalid URL (Extra spaces at ends)', fixable: true, upstream: true, help: 'Remove spaces around the URL.' },
  { id: 'url-no-trailing-slash', severity: 'error', title: 'Invalid URL (No trailing slash)', fixable: true, upstream: true, help: 'A URL needs a path: write https://example.kz/ not https://example.kz.' },
  { id: 'duplicate-global', severity: 'error', title: 'Duplicate URL between Local List and Global List', fixable: false, upstream: true, help: 'A URL tested globally stays only in global.csv.' },
  { id: 'category-code', severity: 'error', title: 'Invalid Category Code', fixable: false, upstream: true, help: 'Use a code from the category legend (00-LEGEND-new_category_codes.csv).' },
  { id: 'category-description', severity: 'error', title: 'Invalid Category Description', fixable: false, upstream: true, help: "The description must equal the legend's Category Description for the code." },
  { id: 'duplicate-url', severity: 'error', title: 'Duplicate URL', fixable: true, upstream: true, help: 'Each URL appears once per file.' },
  { id: 'date-invalid', severity: 'error', title: 'Invalid Date', fixable: false, upstream: true, help: 'date_added is a real calendar date written YYYY-MM-DD.' },
  { id: 'notes-invalid', severity: 'error', title: 'Invalid Notes', fixable: false, upstream: true, help: 'No tab, CR, LF or backslash in notes.' },
  { id: 'source-invalid', severity: 'error', title: 'Invalid Source', fixable: false, upstream: true, help: 'No tab, CR, LF or backslash in source.' },
  { id: 'url-variant', severity: 'warning', title: 'Variant of another URL', fixable: false, upstream: false, help: 'http/https or www/bare variants of one site: keep the form a browser lands on.' },
  { id: 'file-name-country', severity: 'warning', title: 'File name is not a country code', fixable: false, upstream: false, help: 'Country lists are named by lower-case ISO 3166 alpha-2 code (kz.csv); global.csv is the exception.' },
  { id: 'yaml-syntax', severity: 'error', title: 'YAML syntax error', fixable: false, upstream: false, help: 'Fix the YAML so it parses.' },
  { id: 'yaml-schema', severity: 'error', title: 'Service list schema error', fixable: false, upstream: false, help: 'See the service list format in the README.' },
] as const satisfies readonly LintRule[];

export type LintRuleId = (typeof LINT_RULES)[number]['id'];

export const RULE_BY_ID: ReadonlyMap<string, LintRule> = new Map(LINT_RULES.map((r) => [r.id, r]));
