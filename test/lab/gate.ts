// Whether the network lab runs in this test run, and why not, on one line.
//   TEKSER_LAB=skip     skip it knowingly
//   TEKSER_LAB=require  run it, and fail (not skip) when it cannot run here (CI)
//   unset               run it when it can (root, or unprivileged user namespaces); else skip with the reason
// @ts-expect-error plain JavaScript, also run by `npm run lab`
import { labUnavailableReason } from './lab.mjs';

const mode = process.env.TEKSER_LAB ?? '';
/** Why the lab cannot run here, or null (computed once per worker; a quick namespace probe). */
export const unavailable: string | null = mode === 'skip' ? null : (labUnavailableReason() as string | null);
/** Skip the lab's describe blocks: knowingly, or because it cannot run and nobody required it. */
export const skipLab: boolean = mode === 'skip' || (unavailable !== null && mode !== 'require');
/** The reason a skipped lab block shows in its name (and so in every report of skipped tests). */
export const skipNote: string = mode === 'skip' ? ' (skipped: TEKSER_LAB=skip)' : skipLab ? ` (skipped: ${unavailable})` : '';

if (skipLab && mode !== 'skip' && !(globalThis as { __tekserLabNoted?: boolean }).__tekserLabNoted) {
  (globalThis as { __tekserLabNoted?: boolean }).__tekserLabNoted = true;
  process.stderr.write(`network lab skipped: ${unavailable}\n`);
}
