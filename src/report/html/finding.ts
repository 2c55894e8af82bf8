import type { FindingJson } from '../../model/finding.ts';
import type { TargetResultJson } from '../../model/run.ts';
import { hasMessage, textOf } from '../../i18n/index.ts';
import { stripUrlCredentials } from '../timeline.ts';
import { interceptionFingerprints, withFingerprint } from './chains.ts';
import { word, type T } from './page.ts';
import { breakable, html, type SafeHtml } from './safe.ts';

/** A target on the page: its result and the anchor of its details. */
export type Listed = { r: TargetResultJson; anchor: string };

const ADVICE = ['interception.advice.1', 'interception.advice.2', 'interception.advice.3'] as const;
/** Commands and product names the advice names as they are spelled on screen, in every language. */
const ADVICE_NAMES = {
  command: 'tekser certs',
  debianCommand: 'sudo update-ca-certificates --fresh',
  fedoraCommand: 'sudo update-ca-trust',
  macos: 'macOS',
  windows: 'Windows',
  firefox: 'Firefox',
};

/** For interception: the CA's fingerprints, then what to do about it. */
function interceptionHtml(t: T, involved: readonly Listed[]): SafeHtml[] {
  const parts: SafeHtml[] = [];
  const fps = interceptionFingerprints(involved.map((x) => x.r));
  const fpWords = (fp: { subject: string; sha256: string | null }): SafeHtml | string =>
    fp.sha256
      ? withFingerprint((sha256) => t('interception.fingerprint', { subject: fp.subject, sha256 }), fp.sha256)
      : t('interception.fingerprint', { subject: fp.subject, sha256: '?' });
  if (fps.length) parts.push(html`<ul>${fps.map((fp) => html`<li>${fpWords(fp)}</li>`)}</ul>`);
  parts.push(html`<p><strong>${t('interception.advice.heading')}</strong></p><ul>${ADVICE.map((k) => html`<li>${t(k, ADVICE_NAMES)}</li>`)}</ul>`);
  return parts;
}

/** The targets a finding names, folded, each linked to its details when it is on the page. */
function targetsHtml(t: T, f: FindingJson, byLabel: ReadonlyMap<string, Listed>): SafeHtml {
  const items = f.targets.map((l) => {
    const x = byLabel.get(stripUrlCredentials(l));
    return x ? html`<li><a href="#${x.anchor}">${breakable(l)}</a></li>` : html`<li>${breakable(l)}</li>`;
  });
  return html`<details><summary>${t('findings.targets', { count: f.targets.length })}</summary><ul>${items}</ul></details>`;
}

/** A finding's detail lines in the reader's language: its messages when there is one per line, else the lines as stored. */
export function findingDetails(t: T, f: FindingJson): string[] {
  const messages = f.detailMessages?.length === f.details.length ? f.detailMessages : undefined;
  return f.details.map((d, i) => textOf(t.lang, messages?.[i], d));
}

/** One finding: its kind, title, what it means, its details, and the targets it is about. */
export function findingHtml(t: T, f: FindingJson, byLabel: ReadonlyMap<string, Listed>): SafeHtml {
  const involved = f.targets.map((l) => byLabel.get(stripUrlCredentials(l))).filter((x): x is Listed => x !== undefined);
  const explainKey = `explain.${f.kind}`;
  const parts = [
    html`<div class="kind">${word(t, 'finding', f.kind)}</div>`,
    html`<h3>${breakable(textOf(t.lang, f.titleMessage, f.title))}</h3>`,
    hasMessage(`html.${explainKey}`) ? html`<p>${t(explainKey)}</p>` : '',
    f.details.length ? html`<ul>${findingDetails(t, f).map((d) => html`<li>${breakable(d)}</li>`)}</ul>` : '',
  ];
  if (f.kind === 'state-mitm' || f.kind === 'suspected-mitm') parts.push(...interceptionHtml(t, involved));
  if (f.targets.length) parts.push(targetsHtml(t, f, byLabel));
  return html`<article class="finding f-${f.kind}">${parts}</article>`;
}
