import type { ServiceTarget } from '../model/target.ts';
import { readListFile } from './read-file.ts';
import { parseServices } from './services.ts';
import { BadListError } from '../errors.ts';
import { msg } from '../i18n/index.ts';
import { said } from '../i18n/said.ts';

/** Reads a YAML service list; schema problems are reported with file:line. */
export function serviceTargetsFromYaml(file: string): ServiceTarget[] {
  const read = readListFile(file);
  const { list, problems } = parseServices(read.text, file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!list || errors.length) throw new BadListError(errors.map((p) => (p.why ? said(msg('err.at-line', { file, line: p.line, problem: p.why })) : `${file}:${p.line}: ${p.message}`)));
  return list.services.map((service) => ({ kind: 'service', service, url: `service:${service.id}`, source: file }));
}
