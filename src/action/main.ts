// The GitHub Action's lint step: `node dist/action/main.js` (see action.yml and src/action/action.ts).
import { processIO } from '../cli/io.ts';
import { runAction } from './action.ts';

const io = processIO();
process.exitCode = await runAction(process.env, process.cwd(), { stdout: io.stdout, ...(io.stdoutDrained ? { stdoutDrained: io.stdoutDrained } : {}) });
