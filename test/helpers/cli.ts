import { memoryIO } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/main.ts';

/** Runs `tekser ARGS…` in this process with in-memory stdout/stderr: the exit code and what it printed. */
export async function runInMemory(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO(env);
  const code = await runCli(['node', 'tekser', ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}
