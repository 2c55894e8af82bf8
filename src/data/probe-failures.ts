import file from './probe-failures.json' with { type: 'json' };

/**
 * Failure strings that are the probe's own (a step with one is inconclusive, never blocked) and
 * answers that show a control misbehaving while its transport worked: tekser's own table in
 * src/data/probe-failures.json, imported as a JSON module (its hash is in SOURCES.json).
 */
export interface FailureRow {
  id: string;
  match: 'exact' | 'contains';
  text: string;
  why: string;
  source: string;
  engine?: string;
}

const PROBE = file.probeFailures as FailureRow[];
const CONTROL = file.controlMisbehaves as FailureRow[];

const matches = (row: FailureRow, failure: string): boolean => {
  const f = failure.toLowerCase();
  const t = row.text.toLowerCase();
  return row.match === 'exact' ? f === t : f.includes(t);
};

/** The row that says this failure is the probe's own doing, or null. */
export function probeFailure(failure: string | null | undefined): FailureRow | null {
  return failure ? (PROBE.find((r) => matches(r, failure)) ?? null) : null;
}

/** The row that says this control failure is a control answering wrongly (its transport worked), or null. */
export function controlMisbehaves(failure: string | null | undefined, engine?: string): FailureRow | null {
  return failure ? (CONTROL.find((r) => matches(r, failure) && (!r.engine || !engine || r.engine === engine)) ?? null) : null;
}
