import { z } from 'zod';
import { interceptionCaSchema, type InterceptionCa } from '../model/verdict.ts';
import { readDataFile } from './files.ts';

const fileSchema = z.object({ description: z.string(), interceptionCas: z.array(interceptionCaSchema) });

/**
 * Certificate authorities known to have been used for state TLS interception, from
 * src/data/interception-cas.json (tekser's own table; its hash is in SOURCES.json). A few entries:
 * read once, when this module is first imported.
 */
export const BUILTIN_INTERCEPTION_CAS: readonly InterceptionCa[] = fileSchema.parse(JSON.parse(readDataFile('interception-cas.json'))).interceptionCas;
