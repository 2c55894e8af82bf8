/**
 * "No English left": the Latin-script words in a Russian or Kazakh text that are not technical
 * tokens. Used by the tests that render every sentence of an area in ru and kk.
 *
 * Allowed: the tokens below (protocols, names of tools and organisations), and any word that is part of
 * a token carrying a digit, a dot, a slash, an underscore, a colon, an @ or a hyphen between letters
 * (host names, addresses, failure strings such as ssl_unknown_authority, flags such as --lang, paths).
 */
export const TECHNICAL_TOKENS = new Set(
  [
    'DNS', 'TLS', 'SNI', 'IP', 'IPv4', 'IPv6', 'HTTP', 'HTTPS', 'TCP', 'UDP', 'DoH', 'DoT', 'QUIC', 'ECH', 'VPN', 'OpenVPN', 'WireGuard',
    'Tor', 'Snowflake', 'obfs4', 'STUN', 'AMP', 'CDN', 'OONI', 'tekser', 'CA', 'URL', 'URLs', 'CSV', 'JSON', 'JSONL', 'YAML', 'HTML', 'SARIF',
    'PDF', 'AS', 'ASN', 'NXDOMAIN', 'SERVFAIL', 'REFUSED', 'NOERROR', 'RST', 'SYN', 'PostgreSQL', 'GitHub', 'Citizen', 'Lab', 'Censored', 'Planet',
    'Cloudflare', 'Akamai', 'Incapsula', 'Sucuri', 'Google', 'Qaznet', 'Trust', 'Network', 'Kazakhtelecom', 'Telegram', 'WhatsApp', 'Signal',
    'Facebook', 'Instagram', 'Twitter', 'YouTube', 'Chromium', 'Node', 'npm', 'cron', 'SHA-256', 'SPKI', 'KB', 'MB', 'GB', 'kB', 'ms', 's',
    'UTC', 'ok', 'OK', 'SIGINT', 'SIGTERM', 'stdin', 'stdout', 'stderr', 'Host', 'Content-Type', 'Server', 'Location', 'Set-Cookie',
    'CONNECT', 'GET', 'HEAD', 'POST', 'ICMP', 'MTU', 'NAT', 'ISP', 'LTE', 'MK', 'ip_info', 'KZ', 'RU', 'ru', 'kk', 'en', 'LANG', 'LC_ALL',
    'LC_MESSAGES', 'Just', 'moment', 'ID', 'UA', 'API', 'PEM', 'DER', 'RSA', 'ECDSA', 'ALPN', 'H2', 'HTTP/2', 'HTTP/3',
    // Files and their bytes (list and lint errors): names of encodings, line endings, error codes.
    'BOM', 'CRLF', 'CR', 'LF', 'NUL', 'UTF', 'Windows', 'Mac', 'ENOENT', 'pid', 'CIDR', 'README', 'lint',
  ].map((w) => w.toLowerCase()),
);

/** Latin-script words of `text` that are neither technical tokens nor inside a technical-looking token. */
export function latinWords(text: string, allow: readonly string[] = []): string[] {
  const extra = new Set(allow.map((w) => w.toLowerCase()));
  const out: string[] = [];
  for (const token of text.split(/[\s«»"'“”„()[\],;!?…—–]+/)) {
    if (!/[A-Za-z]/.test(token)) continue;
    // A token with a digit, a dot inside, a slash, an underscore, a colon inside, an @, = or a hyphen between letters is data.
    if (/[0-9_/@=]|[A-Za-z]\.[A-Za-z]|[A-Za-z]:[A-Za-z0-9]|[A-Za-z]-[A-Za-z]|^-/.test(token)) continue;
    for (const word of token.match(/[A-Za-z]+/g) ?? []) {
      if (word.length < 2) continue;
      const w = word.toLowerCase();
      if (TECHNICAL_TOKENS.has(w) || extra.has(w)) continue;
      out.push(word);
    }
  }
  return out;
}
