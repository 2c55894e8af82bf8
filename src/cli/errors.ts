import { EXIT, fsProblem, UsageError } from '../errors.ts';

/** Exit codes, the user's errors and the file-system sentences live in src/errors.ts; re-exported for run.ts, analyze.ts and run-output.ts until they import it. */
export { EXIT, fsProblem, UsageError };
