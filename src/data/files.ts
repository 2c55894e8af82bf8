import { readFileSync } from 'node:fs';

/**
 * The shipped data files live in src/data/ and are read from there both by the sources (src/data/*.ts)
 * and by the build (dist/data/*.js): each is two directories below the package root, so one relative
 * URL serves both, and package.json's "files" ships them. Nothing is copied by the build.
 */
const DATA_DIR = new URL('../../src/data/', import.meta.url);

export function dataFileUrl(path: string): URL {
  return new URL(path, DATA_DIR);
}

export function readDataFile(path: string): string {
  return readFileSync(dataFileUrl(path), 'utf8');
}
