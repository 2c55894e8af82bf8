import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BUILTIN_INTERCEPTION_CAS } from '../../data/interception-cas.ts';
import { auditStores, certificatesInBundle } from '../../analyze/trust-store-audit.ts';
import { EXIT, UsageError } from '../../errors.ts';
import { count } from '../../words.ts';
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

const HOW_TO_REMOVE = [
  'How to remove it:',
  '  Debian/Ubuntu: delete its file from /usr/local/share/ca-certificates/ (or untick it in `sudo dpkg-reconfigure ca-certificates`), then `sudo update-ca-certificates --fresh`',
  '  Fedora/RHEL:   delete it from /etc/pki/ca-trust/source/anchors/, then `sudo update-ca-trust`',
  '  macOS:         Keychain Access → System → find the certificate → Delete (or `sudo security delete-certificate -Z <SHA-1> /Library/Keychains/System.keychain`)',
  '  Windows:       certmgr.msc → Trusted Root Certification Authorities → Certificates → delete it',
  '  Firefox keeps its own store: Settings → Privacy & Security → View Certificates → Authorities',
  '  NODE_EXTRA_CA_CERTS: remove the certificate from that file, or unset the variable',
];

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
    if (certificatesInBundle(pem).length === 0) throw new UsageError(`--store ${f}: no certificate read: ${whatTheFileLooksLike(pem)}`);
    return { name: f, pem };
  });
}

/** `tekser certs`: is a known interception root trusted on this machine? Exit 1 when one is. */
export function certsCommand(opts: CertsCommandOptions, io: CommandIO): number {
  const table = [...BUILTIN_INTERCEPTION_CAS, ...loadInterceptionCas(opts.interceptionCas ?? [])];
  const stores = opts.store?.length ? namedStores(opts.store) : systemStores(io.env);
  if (stores.length === 0) {
    io.stdout(`No trust store found to check on this system (${process.platform}). On Windows, open certmgr.msc and look for the names below.\n`);
  }
  const found = auditStores(stores, table);
  for (const s of stores) io.stdout(`checked ${s.name}: ${count(certificatesInBundle(s.pem).length, 'certificate')} read\n`);
  if (found.length === 0) {
    io.stdout(`\nNo known interception certificate is trusted (${table.length} known CAs, by fingerprint, key and name).\n`);
    return EXIT.ok;
  }
  io.stdout('\n');
  for (const f of found) {
    io.stdout(`FOUND "${f.match.ca}" (${f.match.country}) in ${f.store}\n  subject ${f.certificate.subject}\n  SHA-256 ${f.certificate.sha256} (matched by ${f.match.matchedBy})\n`);
  }
  io.stdout(`\nA certificate like this lets whoever holds its key read and change your encrypted traffic.\n${HOW_TO_REMOVE.join('\n')}\n`);
  return EXIT.findings;
}
