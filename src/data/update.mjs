#!/usr/bin/env node
// Regenerates tekser's shipped signature data from upstream snapshots and records where each file
// came from (upstream, commit, sha256 of the upstream file and of the shipped file) in SOURCES.json.
//
//   npm run update-data [-- /path/to/fingerprints-upstream]     (default: ../shared/fingerprints-upstream)
//
// The snapshot directory holds one folder per upstream and a SOURCE.txt naming each upstream's
// commit (see ../shared/fingerprints-upstream/SOURCE.txt). Files are copied as upstream publishes
// them (JSON Lines, CSV) with their licence beside them; the only filtering is the one below, which
// keeps rows byte for byte. interception-cas.json is tekser's own table (no upstream): only its hash
// is recorded. Run `npx vitest run src/data` afterwards: the test checks the hashes.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const HERE = dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = resolve(process.argv[2] ?? join(HERE, '../../../shared/fingerprints-upstream'));

/**
 * What is shipped, from where. Upstream #1 of SOURCE.txt (ooni/blocking-fingerprints) is not shipped:
 * it has no licence, and it merges #2-#4 anyway. #3 (censoredplanet-analysis) is not shipped either:
 * #2 (assets-censoredplanet) is the copy Censored Planet serves and the superset of the two.
 */
const SOURCES = [
  {
    id: 'censoredplanet-assets',
    snapshot: 'censoredplanet-assets',
    upstream: 'https://github.com/censoredplanet/assets-censoredplanet',
    licence: 'BSD-3-Clause',
    files: [
      { name: 'blockpage_signatures.json', role: 'Block-page signatures: JSON Lines of {fingerprint, pattern}; PCRE matched against the raw response.' },
      { name: 'false_positive_signatures.json', role: 'Known false positives (CDN error pages, parked domains), matched before the block pages.' },
      { name: 'README.md', role: "Upstream's description of the two files and their matching order." },
      { name: 'LICENSE', role: 'Licence.' },
    ],
  },
  {
    id: 'citizenlab-filtering-annotations',
    snapshot: 'citizenlab-filtering-annotations',
    upstream: 'https://github.com/citizenlab/filtering-annotations',
    upstreamDir: 'data/v1',
    licence: 'BSD-3-Clause',
    files: [
      {
        name: 'http.csv',
        role: 'Block-page substrings of a body or header value.',
        // "injb" rows are benign injections (router update notices, ISP bill reminders): not censorship.
        filter: { column: 'scope', drop: ['injb'], why: 'scope "injb" marks benign injections (router firmware and bill notices), not blocking' },
      },
      {
        name: 'dns.csv',
        role: 'DNS answers known to be block answers.',
        filter: { column: 'scope', drop: ['injb'], why: 'scope "injb" marks benign injections, not blocking (no such DNS row at this commit)' },
      },
      { name: 'README.md', role: "Upstream's schema of the two CSV files." },
      { name: 'LICENSE.md', role: 'Licence.' },
    ],
  },
];

const LOCAL = [{ path: 'interception-cas.json', role: "tekser's own table of state interception CAs (research notes: Chromium's blocklist, crt.sh); MIT like the code." }];

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/** Commit of each upstream, from SOURCE.txt's "N) <dir>/ ... Commit: <sha>" blocks. */
function commits(sourceTxt) {
  const out = new Map();
  for (const block of sourceTxt.split(/\n(?=\d+\) )/)) {
    const dir = /^\d+\) ([^/\s]+)\//.exec(block)?.[1];
    const commit = /Commit:\s+([0-9a-f]{40})/.exec(block)?.[1];
    if (dir && commit) out.set(dir, commit);
  }
  return out;
}

/**
 * Drops the rows whose `column` is in `drop`, keeping the header and every other row byte for byte
 * (cut from the upstream bytes at csv-parse's record offsets, line endings included).
 */
function filterCsv(bytes, { column, drop }) {
  const records = parse(bytes, { info: true });
  const header = records[0]?.record ?? [];
  const col = header.indexOf(column);
  if (col < 0) throw new Error(`no column "${column}" in the header ${header.join(',')}`);
  const parts = [];
  let start = 0;
  let kept = 0;
  let dropped = 0;
  records.forEach((r, i) => {
    const end = r.info.bytes;
    if (i > 0 && drop.includes(r.record[col])) dropped++;
    else {
      if (i > 0) kept++;
      parts.push(bytes.subarray(start, end));
    }
    start = end;
  });
  parts.push(bytes.subarray(start));
  return { text: Buffer.concat(parts), kept, dropped };
}

function main() {
  const sourceTxt = join(SNAPSHOT, 'SOURCE.txt');
  if (!existsSync(sourceTxt)) throw new Error(`${sourceTxt} not found: pass the snapshot directory as the first argument`);
  const commitOf = commits(readFileSync(sourceTxt, 'utf8'));
  const manifest = {
    note: 'Written by `npm run update-data` (src/data/update.mjs); src/data/data.test.ts checks every sha256. Paths are relative to src/data/.',
    sources: [],
    local: [],
  };
  for (const src of SOURCES) {
    const commit = commitOf.get(src.snapshot);
    if (!commit) throw new Error(`SOURCE.txt names no commit for ${src.snapshot}/`);
    const outDir = join(HERE, 'upstream', src.id);
    mkdirSync(outDir, { recursive: true });
    const entry = { id: src.id, upstream: src.upstream, ...(src.upstreamDir ? { upstreamDir: src.upstreamDir } : {}), commit, licence: src.licence, files: [] };
    for (const f of src.files) {
      const from = join(SNAPSHOT, src.snapshot, f.name);
      const to = join(outDir, f.name);
      const bytes = readFileSync(from);
      const file = { path: relative(HERE, to).split('\\').join('/'), role: f.role, upstreamSha256: sha256(bytes) };
      // Written, not copied: a read-only snapshot must not make the shipped copy read-only.
      if (existsSync(to)) chmodSync(to, 0o644);
      if (f.filter) {
        const { text, kept, dropped } = filterCsv(bytes, f.filter);
        writeFileSync(to, text, { mode: 0o644 });
        Object.assign(file, { filter: { dropRowsWhere: { [f.filter.column]: f.filter.drop }, why: f.filter.why, rowsKept: kept, rowsDropped: dropped } });
      } else {
        writeFileSync(to, bytes, { mode: 0o644 });
      }
      file.sha256 = sha256(readFileSync(to));
      entry.files.push(file);
    }
    manifest.sources.push(entry);
  }
  for (const l of LOCAL) manifest.local.push({ ...l, sha256: sha256(readFileSync(join(HERE, l.path))) });
  writeFileSync(join(HERE, 'SOURCES.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const s of manifest.sources) for (const f of s.files) console.log(`${f.path}  ${f.sha256.slice(0, 12)}  ${s.id}@${s.commit.slice(0, 12)}${f.filter ? `  (${f.filter.rowsDropped} rows dropped)` : ''}`);
}

main();
