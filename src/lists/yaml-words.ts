import { isMap, isScalar, type Document, type LineCounter, type YAMLError } from 'yaml';
import type { Message } from '../model/message.ts';
import { hasMessage, msg, render } from '../i18n/index.ts';

// YAML problems in tekser's words, where they are: shared by the config file and the lists in YAML
// (services), so a typo reads the same in both.

/** A place in a file: 1-based line and column. */
export interface Place {
  line: number;
  col: number;
}

/** One YAML syntax error in words, at its place: the catalogue's sentence for its code (err.yaml.<CODE>), else yaml's own. */
export function yamlErrorWords(err: YAMLError): { place: Place; words: string; why: Message } {
  const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
  const detail = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? err.code;
  const why = msg('err.yaml.syntax', { problem: hasMessage(`err.yaml.${err.code}`) ? msg(`err.yaml.${err.code}`) : detail });
  return { place: { line: pos.line, col: pos.col }, words: render('en', why), why };
}

/** The edits (insert, delete, replace, swap of neighbours) between two short words. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** " (did you mean resolver?)" when one known word is close to `word`; "" otherwise. */
export function didYouMean(word: string, known: readonly string[]): string {
  const m = meanMessage(word, known);
  return typeof m === 'string' ? m : render('en', m);
}

/** didYouMean as a message (err.mean), or "" when no known word is close. */
export function meanMessage(word: string, known: readonly string[]): Message | '' {
  const w = word.toLowerCase().replace(/-/g, '_');
  let best: { k: string; d: number } | null = null;
  for (const k of known) {
    const d = distance(w, k.toLowerCase());
    if (d <= Math.max(1, Math.floor(k.length / 3)) && (!best || d < best.d)) best = { k, d };
  }
  return best ? msg('err.mean', { word: best.k }) : '';
}

/** Where a node starts, or null when it has no range. */
export function placeOf(node: unknown, lc: LineCounter): Place | null {
  const range = (node as { range?: [number] } | null | undefined)?.range;
  if (!range) return null;
  const pos = lc.linePos(range[0]);
  return { line: pos.line, col: pos.col };
}

/** Where the key `key` of the map at `path` is written (the key itself, not its parent). */
export function keyPlace(doc: Document, lc: LineCounter, path: readonly (string | number)[], key: string): Place | null {
  const map = path.length ? doc.getIn(path as unknown[], true) : doc.contents;
  if (!isMap(map)) return placeOf(map, lc);
  const pair = map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
  return placeOf(pair?.key, lc) ?? placeOf(map, lc);
}

/** The place of the value at `path`, or of the nearest parent that has one. */
export function valuePlace(doc: Document, lc: LineCounter, path: readonly (string | number)[]): Place {
  for (let n = path.length; n >= 0; n--) {
    const node = n ? doc.getIn(path.slice(0, n) as unknown[], true) : doc.contents;
    const place = placeOf(node, lc);
    if (place) return place;
  }
  return { line: 1, col: 1 };
}

/** "file:line:" for column 1, "file:line:col:" otherwise (both forms editors understand). */
export function at(file: string, place: Place): string {
  return place.col > 1 ? `${file}:${place.line}:${place.col}` : `${file}:${place.line}`;
}
