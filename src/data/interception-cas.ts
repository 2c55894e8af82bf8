import type { InterceptionCa } from '../model/verdict.ts';
import file from './interception-cas.json' with { type: 'json' };

/**
 * Certificate authorities known to have been used for state TLS interception: tekser's own table in
 * src/data/interception-cas.json (its hash is in SOURCES.json), imported as a JSON module. It is
 * checked against the model's schema by data.test.ts, not at each start: the run command reaches
 * this module before its first query, without loading zod (start-up, issue #13).
 */
export const BUILTIN_INTERCEPTION_CAS: readonly InterceptionCa[] = file.interceptionCas as InterceptionCa[];
