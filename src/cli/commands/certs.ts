import { said } from '../../i18n/said.ts';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BUILTIN_INTERCEPTION_CAS } from '../../data/interception-cas.ts';
import { auditStores, certificatesInBundle } from '../../analyze/trust-store-audit.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { msg, currentLang, t, type Lang, verbatim } from '../../i18n/index.ts';
import type { CommandIO } from '../io.ts';
import { loadInterceptionCas } from '../interception-cas.ts';
import { readFlagFile } from '../flag-file.ts';

export interface CertsCommandOptions {
  store?: string[];
  interceptionCas?: string[];
}

/** Where systems keep their trusted roots as PEM bundles. */
const SYSTEM_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/ssl/cert.pem'];

function systemStores(env: NodeJS.ProcessEnv): Array<{ name: string; pem: string }> {
  const stores: Array<{ name: string; pem: string }> = [];
  for (const f of SYSTEM_BUNDLES) if (existsSync(f)) stores.push({ name: f, pem: readFileSync(f, 'utf8') });
  if (process.platform === 'darwin') {
    for (const kc of ['/Library/Keychains/System.keychain', '/System/Library/Keychains/SystemRootCertificates.keychain']) {
      try {
        stores.push({ name: `macOS ${kc}`, pem: execFileSync('security', ['find-certificate', '-a', '-p', kc], { encoding: 'utf8' }) });
      } catch {
        // keychain not readable: reported as not checked
      }
    }
  }
  if (env.NODE_EXTRA_CA_CERTS && existsSync(env.NODE_EXTRA_CA_CERTS)) {
    stores.push({ name: `NODE_EXTRA_CA_CERTS (${env.NODE_EXTRA_CA_CERTS})`, pem: readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8') });
  }
  return stores;
}

/** How to remove a root, system by system: the system's name, then the words (catalogue) around commands and menu names as they are. */
const HOW_TO_REMOVE: ReadonlyArray<readonly [system: string, key: string, params: Record<string, string>]> = [
  ['Debian/Ubuntu:', 'cli.certs.how.debian', { dir: '/usr/local/share/ca-certificates/', reconfigure: '`sudo dpkg-reconfigure ca-certificates`', update: '`sudo update-ca-certificates --fresh`' }],
  ['Fedora/RHEL:', 'cli.certs.how.fedora', { dir: '/etc/pki/ca-trust/source/anchors/', update: '`sudo update-ca-trust`' }],
  ['macOS:', 'cli.certs.how.macos', { menu: 'Keychain Access → System', remove: 'Delete', command: '`sudo security delete-certificate -Z <SHA-1> /Library/Keychains/System.keychain`' }],
  ['Windows:', 'cli.certs.how.windows', { menu: 'certmgr.msc → Trusted Root Certification Authorities → Certificates' }],
  ['', 'cli.certs.how.firefox', { firefox: 'Firefox', menu: 'Settings → Privacy & Security → View Certificates → Authorities' }],
  ['NODE_EXTRA_CA_CERTS:', 'cli.certs.how.node', {}],
];

/** "How to remove it:" and a line per system, in the language. */
export const howToRemove = (lang: Lang): string =>
  [t(lang, 'cli.certs.how'), ...HOW_TO_REMOVE.map(([system, key, params]) => `  ${system.startsWith('NODE') ? `${system} ` : system.padEnd(system ? 15 : 0)}${t(lang, key, params)}`)].join('\n');

/** What a file that holds no PEM certificate looks like, so the user knows what they gave. */
export function whatTheFileLooksLike(text: string): string {
  if (!text.trim()) return 'it is empty';
  if (text.includes('\u0000') || /[\ufffd]/.test(text.slice(0, 64))) return 'it is binary (a DER certificate? convert it: openssl x509 -inform der -in FILE -out FILE.pem)';
  if (text.includes('-----BEGIN CERTIFICATE-----')) return 'its BEGIN CERTIFICATE blocks do not parse (cut short or damaged)';
  if (text.includes('-----BEGIN ')) return `it holds ${/-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1] ?? 'other'} blocks, not certificates`;
  const first = text.trimStart().split('\n')[0]?.slice(0, 40) ?? '';
  return `it is text without a BEGIN CERTIFICATE block (it starts "${first}")`;
}

/** The stores named by --store: each must hold at least one certificate, or the all-clear would mean nothing. */
function namedStores(files: readonly string[]): Array<{ name: string; pem: string }> {
  return files.map((f) => {
    const pem = readFlagFile('--store', f);
    if (certificatesInBundle(pem).length === 0) throw new UsageError(said(msg('cli.err.no-certificate-read', { flag: '--store', file: f, problem: verbatim(whatTheFileLooksLike(pem)) })));
    return { name: f, pem };
  });
}

/** `tekser certs`: is a known interception root trusted on this machine? Exit 1 when one is. */
export function certsCommand(opts: CertsCommandOptions, io: CommandIO): number {
  const lang = currentLang();
  const table = [...BUILTIN_INTERCEPTION_CAS, ...loadInterceptionCas(opts.interceptionCas ?? [])];
  const stores = opts.store?.length ? namedStores(opts.store) : systemStores(io.env);
  if (stores.length === 0) {
    io.stdout(`${t(lang, 'cli.certs.noStore', { platform: process.platform, windows: 'Windows' })}\n`);
  }
  const found = auditStores(stores, table);
  for (const s of stores) io.stdout(`${t(lang, 'cli.certs.checked', { store: s.name, count: certificatesInBundle(s.pem).length })}\n`);
  if (found.length === 0) {
    io.stdout(`\n${t(lang, 'cli.certs.none', { known: table.length })}\n`);
    return EXIT.ok;
  }
  io.stdout('\n');
  for (const f of found) {
    io.stdout(`${t(lang, 'cli.certs.found', { ca: f.match.ca, country: f.match.country, store: f.store, subject: f.certificate.subject, sha256: f.certificate.sha256, matchedBy: f.match.matchedBy })}\n`);
  }
  io.stdout(`\n${t(lang, 'cli.certs.danger')}\n${howToRemove(lang)}\n`);
  return EXIT.findings;
}
