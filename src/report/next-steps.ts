import { isIP } from 'node:net';
import { FAILURES } from '../model/failure.ts';
import { currentLang, t, type Lang } from '../i18n/index.ts';

/**
 * What a person should do after a run, one plain step per situation. The texts are the catalogue's
 * `text.step.<id>` (src/i18n/<lang>.json), in the reader's language.
 */
export const STEP_IDS = ['offline', 'control-intercepted', 'control-failing', 'need-helper', 'helper-failed', 'blocked', 'warn-control'] as const;
export type StepId = (typeof STEP_IDS)[number];

/**
 * What a step names as data (commands, files), the same in every language: the sentence gets them
 * as parameters, so no command name stands in a translated sentence.
 */
function stepData(id: StepId, values: Record<string, string | number>): Record<string, string> {
  if (id === 'control-intercepted') return { command: 'tekser certs' };
  if (id === 'need-helper') return { readme: 'README' };
  if (id === 'blocked') return { command: `tekser report ${values.run ?? ''} -o report.html` };
  return {};
}

/** The text of a step in a language (by default the process's), with its {placeholders} filled. */
export function stepText(id: StepId, values: Record<string, string | number> = {}, lang: Lang = currentLang()): string {
  return t(lang, `text.step.${id}`, { ...stepData(id, values), ...values });
}

/** The parts of a stored or live result (tekser/run/v1 JSON) the steps look at. */
export interface StepInput {
  target: { kind: string };
  verdict: { status: string; method: string | null };
  measurement: unknown;
}

interface DnsLike {
  failure: string | null;
}
const definite = (o: DnsLike): boolean => o.failure === null || o.failure === FAILURES.nxdomain || o.failure === FAILURES.noAnswer;

/** How the control fared for one target: answered, failed (with its failure strings), or not needed. */
export function controlOutcome(r: StepInput): { failed: boolean; failures: string[] } {
  const m = r.measurement as Record<string, unknown> | undefined;
  if (!m) return { failed: false, failures: [] };
  if (r.target.kind === 'service') {
    const checks = (m.checks ?? []) as { attempts: { dns: { control: DnsLike[] } | null }[] }[];
    const failures = checks.flatMap((c) => c.attempts.flatMap((a) => (a.dns?.control ?? []).map((d) => d.failure).filter((f): f is string => f !== null)));
    return { failed: m.controlAnswered === false, failures };
  }
  const hostname = String(m.hostname ?? '');
  const helper = m.helper as { response: unknown } | null | undefined;
  const control = ((m.dns as { control?: DnsLike[] } | undefined)?.control ?? []) as DnsLike[];
  if (isIP(hostname) !== 0 || helper?.response) return { failed: false, failures: [] };
  const failed = control.length > 0 && !control.some(definite);
  return { failed, failures: failed ? control.map((d) => d.failure).filter((f): f is string => f !== null) : [] };
}

/** A certificate failure on the way to the control: someone is in the middle of this connection. */
const isInterceptedControl = (failure: string): boolean => /^ssl_(unknown_authority|invalid_hostname|invalid_certificate)/.test(failure);

/** Web results whose every connection failed, with nothing from outside to compare: a helper would decide. */
function needsHelper(r: StepInput): boolean {
  if (r.target.kind !== 'web' || r.verdict.status !== 'inconclusive') return false;
  const m = r.measurement as { tcp?: { failure: string | null }[]; helper?: unknown } | undefined;
  const tcp = m?.tcp ?? [];
  return !m?.helper && tcp.length > 0 && tcp.every((t) => t.failure !== null);
}

/** How many of the first targets must have failed the control before the progress line warns. */
export const EARLY_WARNING_TARGETS = 3;

/** Counts, target by target, what the steps need; small and constant in size whatever the run's length. */
export class StepTally {
  total = 0;
  blocked = 0;
  controlFailed = 0;
  controlIntercepted = 0;
  helperWouldDecide = 0;
  /** Web targets whose control helper was asked and did not answer. */
  helperFailed = 0;
  private helperFailure: string | null = null;
  /** Consecutive control failures since the first target (stops counting at the first success). */
  private leadingFailures = 0;
  private leading = true;
  private warned = false;

  add(r: StepInput): void {
    this.total++;
    if (r.verdict.status === 'blocked' || r.verdict.status === 'partially blocked') this.blocked++;
    const c = controlOutcome(r);
    if (c.failed) {
      this.controlFailed++;
      if (c.failures.some(isInterceptedControl)) this.controlIntercepted++;
    }
    if (needsHelper(r)) this.helperWouldDecide++;
    const helper = (r.measurement as { helper?: { response: unknown; failure: string | null } | null } | undefined)?.helper;
    if (r.target.kind === 'web' && helper && !helper.response) {
      this.helperFailed++;
      this.helperFailure ??= helper.failure;
    }
    if (this.leading) {
      if (c.failed) this.leadingFailures++;
      else if (r.target.kind === 'service' || isIP(String((r.measurement as { hostname?: string } | undefined)?.hostname ?? '')) === 0) this.leading = false;
    }
  }

  /** The early warning, once: the control has failed for each of the first targets that needed it. */
  earlyWarning(lang: Lang = currentLang()): string | null {
    if (this.warned || !this.leading || this.leadingFailures < EARLY_WARNING_TARGETS) return null;
    this.warned = true;
    return stepText('warn-control', { count: this.leadingFailures }, lang);
  }

  /** One step per situation, most pressing first. `run` is the id `tekser report` should be given (null: the run was not kept). */
  steps(findingKinds: readonly string[], run: string | null, lang: Lang = currentLang()): string[] {
    const out: string[] = [];
    const share = this.total ? this.controlFailed / this.total : 0;
    if (findingKinds.includes('control-interception') || (this.controlIntercepted > 0 && this.controlIntercepted >= this.controlFailed / 2)) out.push(stepText('control-intercepted', {}, lang));
    else if (findingKinds.includes('no-connectivity')) out.push(stepText('offline', {}, lang));
    else if (this.controlFailed >= Math.min(3, this.total) && share >= 0.25) out.push(stepText('control-failing', { count: this.controlFailed }, lang));
    if (this.helperWouldDecide > 0 && this.helperWouldDecide >= Math.min(3, this.total)) out.push(stepText('need-helper', { count: this.helperWouldDecide }, lang));
    if (this.helperFailed > 0 && !findingKinds.includes('no-connectivity') && !findingKinds.includes('allow-list')) out.push(stepText('helper-failed', { count: this.helperFailed, failure: this.helperFailure ?? t(lang, 'text.step.no-answer') }, lang));
    if (this.blocked > 0 && run) out.push(stepText('blocked', { count: this.blocked, run }, lang));
    return out;
  }
}
