// Regenerates the option tables in README.md from src/cli/options.ts (via the build in dist/).
import { readFileSync, writeFileSync } from 'node:fs';
import { updateReadme } from '../../dist/cli/options.js';

const file = new URL('../../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = updateReadme(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after !== before ? 'README.md: option tables updated\n' : 'README.md: option tables already up to date\n');
