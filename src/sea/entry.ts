// The single executable's entry (bin/build-sea.mjs bundles it): what bin/tekser does, in one script.
import v8 from 'node:v8';
import { main } from '../cli/main.ts';
import { v8FlagsFor } from '../cli/v8-flags.ts';

const flags = v8FlagsFor(process.argv);
if (flags) v8.setFlagsFromString(flags);
void main(process.argv);
