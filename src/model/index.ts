/**
 * The measurement model, one definition: targets, the observations the network primitives return,
 * a target's measurement, verdicts, findings and a run. Each is a zod schema; the TypeScript types
 * come from it (`z.infer`) and enums from `as const` arrays. Imports nothing of tekser's outside
 * src/model.
 */
export * from './failure.ts';
export * from './observation.ts';
export * from './service-list.ts';
export * from './target.ts';
export * from './control.ts';
export * from './measurement.ts';
export * from './message.ts';
export * from './verdict.ts';
export * from './finding.ts';
export * from './run.ts';
export { targetLabel } from './values.ts';
