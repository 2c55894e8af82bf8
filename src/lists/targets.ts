import { extname } from 'node:path';
import type { ServiceTarget, WebTarget } from '../model/target.ts';
import { parseServices } from './services.ts';
import { parseCsv } from './csv.ts';
import { readListFile } from './read-file.ts';

/** A list that cannot be used for a run: every message names file and line. */
export class BadListError extends Error {
  readonly code = 'TEKSER_BAD_LIST';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

export function checkUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http:// and https:// URLs can be tested (got ${url.protocol})`;
  if (!url.hostname) return 'no host';
  return null;
}

export function webTargetsFromUrls(urls: readonly string[]): WebTarget[] {
  const problems: string[] = [];
  const targets = urls.map((u, i) => {
    const bad = checkUrl(u);
    if (bad) problems.push(`argument ${i + 1} "${u}": ${bad}`);
    return { kind: 'web' as const, url: new URL(bad ? 'http://invalid.invalid/' : u.trim()).toString(), category: null, source: 'command line' };
  });
  if (problems.length) throw new BadListError(problems);
  return targets;
}

/** Reads the URL rows of Citizen Lab CSV lists; rows that cannot be tested are reported with file:line. */
export function webTargetsFromCsv(file: string): WebTarget[] {
  const read = readListFile(file);
  const parsed = parseCsv(read.text, file);
  const problems = parsed.problems.map((p) => `${file}:${p.line}: ${p.message}`);
  const [header, ...rows] = parsed.records;
  const urlCol = header?.fields.indexOf('url') ?? -1;
  if (urlCol < 0) problems.push(`${file}:1: no "url" column in the header; is this a Citizen Lab test list?`);
  const catCol = header?.fields.indexOf('category_code') ?? -1;
  const targets: WebTarget[] = [];
  if (urlCol >= 0) {
    for (const r of rows) {
      const raw = r.fields[urlCol];
      if (raw === undefined || raw === '') {
        if (r.fields.length > 0) problems.push(`${file}:${r.line}: row has no URL`);
        continue;
      }
      const bad = checkUrl(raw);
      if (bad) {
        problems.push(`${file}:${r.line}: "${raw}": ${bad}`);
        continue;
      }
      targets.push({ kind: 'web', url: new URL(raw.trim()).toString(), category: (catCol >= 0 ? r.fields[catCol] : null) || null, source: `${file}:${r.line}` });
    }
  }
  if (problems.length) throw new BadListError(problems);
  return targets;
}

export function isServiceList(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext === '.yaml' || ext === '.yml';
}

/** Deduplicates by URL, keeping the first occurrence (a URL may sit in several lists). */
export function dedupeTargets<T extends { url: string }>(targets: readonly T[]): T[] {
  const seen = new Set<string>();
  return targets.filter((t) => (seen.has(t.url) ? false : (seen.add(t.url), true)));
}

/** Reads a YAML service list; schema problems are reported with file:line. */
export function serviceTargetsFromYaml(file: string): ServiceTarget[] {
  const read = readListFile(file);
  const { list, problems } = parseServices(read.text, file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!list || errors.length) throw new BadListError(errors.map((p) => `${file}:${p.line}: ${p.message}`));
  return list.services.map((service) => ({ kind: 'service', service, url: `service:${service.id}`, source: file }));
}
