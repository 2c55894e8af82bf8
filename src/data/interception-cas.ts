import { z } from 'zod';
import { interceptionCaSchema, type InterceptionCa } from '../model/verdict.ts';
import file from './interception-cas.json' with { type: 'json' };

/**
 * Certificate authorities known to have been used for state TLS interception: tekser's own table in
 * src/data/interception-cas.json (its hash is in SOURCES.json), imported as a JSON module and checked
 * against the model's schema.
 */
export const BUILTIN_INTERCEPTION_CAS: readonly InterceptionCa[] = z.array(interceptionCaSchema).parse(file.interceptionCas);
