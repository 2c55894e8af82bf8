import type { InterceptionCa } from '../model/verdict.ts';

/**
 * Certificate authorities known to have been used for state TLS interception. SHA-256 of the DER
 * certificate (and SPKI where Chromium's blocklist names it), verified against Chromium's
 * net/data/ssl/blocklist and crt.sh; see the project's research notes. Names are a fallback for
 * certificates not in the table (each rotation brings new ones under the same names).
 */
export const BUILTIN_INTERCEPTION_CAS: readonly InterceptionCa[] = [
  {
    name: 'Qaznet Trust Network',
    country: 'KZ',
    notes: 'Root users were told to install in July-August 2019; blocked by Mozilla, Google and Apple on 2019-08-21.',
    sha256: ['00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2'],
    spkiSha256: [],
    names: ['CN=Qaznet Trust Network'],
  },
  {
    name: 'Security Certificate (Qaznet intermediate)',
    country: 'KZ',
    notes: 'The intermediate between Qaznet Trust Network and the forged leaves, 2019.',
    sha256: [],
    spkiSha256: [],
    names: ['C=KZ, CN=Security Certificate', 'CN=Security Certificate, C=KZ'],
  },
  {
    name: 'Information Security Certification Authority CA',
    country: 'KZ',
    notes: 'Root pushed to users in the December 2020 "cyber exercise" in Nur-Sultan.',
    sha256: ['61c0fc2e38b5b6f9071b42cee54a9013d858b6697c68b460948551b3249576a1'],
    spkiSha256: [],
    names: ['CN=Information Security Certification Authority CA'],
  },
  {
    name: 'Information Security Certification Authority',
    country: 'KZ',
    notes: 'Roots (several, rotated) behind interception of 14 domains on 19 networks, 2021-2024 (OONI/IFKZ).',
    sha256: [
      'c530fadc9bfa265e63b755cc6ee04c2d70d60bb916ce2f331dc7359362571b25',
      '89107c8e50e029b7b5f4ff0ccd2956bcc9d0c8ba2bfb6a58374ed63a6b034a30',
      '06fd20629c143b9eab28d2799caefc5d23fde267d16c631e3f5b8b4bab3f68e6',
      '1df696f021ab1c3ace9a376b07ed7256a40214cd3396d7934087614924e2d7ef',
      '0bd39de4793cdc117138f47708aa4d583acf67adb059a0d91f668d1803bf6489',
      'c95c133b68319ee516b5f41e377f589878af1556567cc2834ef03b1d10830fd3',
      '235150de7df7db2e538d461bc4d210c4e0819be2c4c76969476e3cbe67b723dd',
      '0230a604d99220e5612ee7862ab9f7a6e18e4f1ac4c9e27075788cc5220169ab',
    ],
    spkiSha256: ['3472e4f16c570e0dd388aaaa4a64a34a4b939f1ca770996b5be0037c1aded9c1'],
    names: ['CN=Information Security Certification Authority'],
  },
  {
    name: 'НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (national security certificate, 2015)',
    country: 'KZ',
    notes: 'The 2015 "national security certificate" root Mozilla refused to include.',
    sha256: [],
    spkiSha256: [],
    names: ['НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ'],
  },
];
