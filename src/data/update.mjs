#!/usr/bin/env node
// Regenerates tekser's shipped signature data from upstream snapshots and records where each file
// came from (upstream, commit, sha256 of the upstream file and of the shipped file) in SOURCES.json.
//
//   npm run update-data [-- /path/to/fingerprints-upstream]     (default: ../shared/fingerprints-upstream)
//
// The snapshot directory holds one folder per upstream and a SOURCE.txt naming each upstream's
// commit (see ../shared/fingerprints-upstream/SOURCE.txt). Files are copied as upstream publishes
// them, as JSON, with their licence beside them; the only filtering and conversion are the ones
// declared below. interception-cas.json is tekser's own table (no upstream): only its hash
// is recorded. Run `npx vitest run src/data` afterwards: the test checks the hashes.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
      { name: 'blockpage_signatures.json', role: 'Block-page signatures {fingerprint, pattern}; PCRE matched against the raw response.', transform: 'jsonl-to-array' },
      { name: 'false_positive_signatures.json', role: 'Known false positives (CDN error pages, parked domains), matched before the block pages.', transform: 'jsonl-to-array' },
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
        name: 'http.json',
        role: 'Block-page substrings of a body or header value (upstream publishes the same table as http.csv and http.json).',
        // "injb" rows are benign injections (router update notices, ISP bill reminders): not censorship.
        filter: { column: 'scope', drop: ['injb'], why: 'scope "injb" marks benign injections (router firmware and bill notices), not blocking' },
      },
      {
        name: 'dns.json',
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
 * The shipped files are JSON documents, so that analysis imports them as modules (`with { type:
 * 'json' }`: no file I/O in analyze/, and tsc carries them into dist/). Upstream's JSON arrays stay
 * as they are, minus filtered rows; Censored Planet's JSON Lines become an array of the same objects
 * in the same order.
 */
function jsonArray(bytes, transform) {
  if (transform === 'jsonl-to-array') {
    return bytes
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l));
  }
  return JSON.parse(bytes.toString('utf8'));
}

/** Upstream's own layout for JSON arrays: two-space indentation, a final newline. */
const serialise = (rows) => `${JSON.stringify(rows, null, 2)}\n`;

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
      if (f.filter || f.transform) {
        let rows = jsonArray(bytes, f.transform);
        if (f.transform) file.transform = 'JSON Lines to a JSON array: the same objects in the same order';
        if (f.filter) {
          const before = rows.length;
          rows = rows.filter((r) => !f.filter.drop.includes(r[f.filter.column]));
          file.filter = { dropRowsWhere: { [f.filter.column]: f.filter.drop }, why: f.filter.why, rowsKept: rows.length, rowsDropped: before - rows.length };
        }
        writeFileSync(to, serialise(rows), { mode: 0o644 });
      } else {
        writeFileSync(to, bytes, { mode: 0o644 });
      }
      file.sha256 = sha256(readFileSync(to));
      if (file.sha256 === file.upstreamSha256) delete file.filter;
      entry.files.push(file);
    }
    manifest.sources.push(entry);
  }
  for (const l of LOCAL) manifest.local.push({ ...l, sha256: sha256(readFileSync(join(HERE, l.path))) });
  writeFileSync(join(HERE, 'SOURCES.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const s of manifest.sources) for (const f of s.files) console.log(`${f.path}  ${f.sha256.slice(0, 12)}  ${s.id}@${s.commit.slice(0, 12)}${f.filter ? `  (${f.filter.rowsDropped} rows dropped)` : ''}${f.transform ? '  (JSON Lines to array)' : ''}`);
}

main();
