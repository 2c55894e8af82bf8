/** The file-system sentences live in src/errors.ts (one table for every layer); re-exported for the CLI's older imports. */
export { fsProblem } from '../errors.ts';
