import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderTable, wrapWords, type TableRow } from './table.ts';
import { StepTally, stepText, STEP_IDS } from './next-steps.ts';
import { hasMessage } from '../i18n/index.ts';

const chalk = new Chalk({ level: 0 });
const CONTROL = 'Control unreachable (ssl_unknown_authority): cannot tell blocking from a network problem; your resolver also failed (dns_server_failure)';
const row = (label: string, status: string, reason: string, method: string | null = null): TableRow => ({ label, verdict: { status, method, reason, evidence: [`evidence for ${label}`] } });

describe('table', () => {
  const many = Array.from({ length: 101 }, (_, i) => row(`https://site${i}.kz/`, 'inconclusive', CONTROL));
  const mixed = [...many, row('https://blocked.kz/', 'blocked', 'DNS tampering: your resolver says 10.0.0.1', 'dns')];

  it('groups identical reasons into one line with a count, and names a few of the targets', () => {
    const out = renderTable(mixed, { chalk, header: 'h' });
    expect(out.match(/Control unreachable/g)).toHaveLength(1);
    expect(out).toMatch(/^inconclusive\s+101 targets\s+Control unreachable/m);
    expect(out).toMatch(/https:\/\/site0\.kz\/, https:\/\/site1\.kz\/.* and 95 more/);
    expect(out).toMatch(/^blocked\s+dns\s+https:\/\/blocked\.kz\/\s+DNS tampering/m);
  });

  it('-v keeps one row per target with its evidence', () => {
    const out = renderTable(mixed.slice(0, 3), { chalk, header: 'h', verbose: true });
    expect(out.match(/Control unreachable/g)).toHaveLength(3);
    expect(out).toContain('· evidence for https://site1.kz/');
  });

  it('wraps at word boundaries to the terminal width: no line too long, no word cut, no ellipsis', () => {
    for (const width of [60, 80, 120]) {
      const out = renderTable(mixed, { chalk, header: 'tekser 0.1.0 — 2026-11-23 09:00:00 UTC — resolver system, control https://1.1.1.1/dns-query', width, steps: [stepText('offline')] });
      for (const line of out.split('\n')) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
      expect(out).not.toContain('…');
      // Every word of the reason survives whole.
      const words = out.split(/\s+/);
      for (const w of CONTROL.split(' ')) expect(words, `${width}: ${w}`).toContain(w);
    }
  });

  it('wrapWords never cuts a word, even one longer than the width', () => {
    expect(wrapWords('cannot tell blocking from a network problem', 12)).toEqual(['cannot tell', 'blocking', 'from a', 'network', 'problem']);
    expect(wrapWords('see https://a-very-long-host.example/path now', 10)).toEqual(['see', 'https://a-very-long-host.example/path', 'now']);
    expect(wrapWords('whole line', undefined)).toEqual(['whole line']);
  });

  it('ends with the next steps it is given', () => {
    const out = renderTable(mixed, { chalk, header: 'h', steps: ['Next: check your connection and run again.'] });
    expect(out.trimEnd().split('\n').at(-1)).toBe('Next: check your connection and run again.');
  });
});

const web = (status: string, controlFailure: string | null, tcpFailed = false) => ({
  target: { kind: 'web' },
  verdict: { status, method: status === 'blocked' ? 'dns' : null },
  measurement: {
    hostname: 'a.kz',
    helper: null,
    dns: { control: [{ failure: controlFailure }] },
    tcp: tcpFailed ? [{ failure: 'connection_refused' }] : [{ failure: null }],
  },
});

describe('next steps', () => {
  it('keeps every text in the catalogue, for every step id', () => {
    for (const id of STEP_IDS) expect(hasMessage(`text.step.${id}`), id).toBe(true);
    expect(stepText('need-helper', { count: 4 })).toContain('4 site(s)');
  });

  it('offline: check your connection and run again', () => {
    const t = new StepTally();
    for (let i = 0; i < 5; i++) t.add(web('inconclusive', 'generic_timeout_error'));
    expect(t.steps(['no-connectivity'], 'R')).toEqual([stepText('offline')]);
    expect(t.steps(['no-connectivity'], 'R')[0]).toMatch(/check your connection and run again/);
  });

  it('control intercepted: says the connection is being intercepted', () => {
    const t = new StepTally();
    for (let i = 0; i < 5; i++) t.add(web('inconclusive', 'ssl_unknown_authority'));
    expect(t.steps(['no-connectivity'], 'R')[0]).toMatch(/your connection is being intercepted/);
    // ...and whenever the run's findings say the control is intercepted.
    const one = new StepTally();
    one.add(web('inconclusive', 'generic_timeout_error'));
    expect(one.steps(['control-interception'], 'R')).toEqual([stepText('control-intercepted')]);
  });

  it('many inconclusive connection failures: run with a control helper', () => {
    const t = new StepTally();
    for (let i = 0; i < 3; i++) t.add(web('inconclusive', null, true));
    for (let i = 0; i < 5; i++) t.add(web('accessible', null));
    expect(t.steps([], 'R')).toEqual([stepText('need-helper', { count: 3 })]);
    expect(t.steps([], 'R')[0]).toMatch(/run with a control helper/);
  });

  it('a control helper that did not answer: check the helper (not "run with a helper", which the user did)', () => {
    const t = new StepTally();
    const helperDown = { ...web('inconclusive', null, true), measurement: { ...web('inconclusive', null, true).measurement, helper: { response: null, failure: 'connection_refused' } } };
    for (let i = 0; i < 3; i++) t.add(helperDown);
    t.add(web('accessible', null));
    expect(t.steps(['helper-unavailable'], 'R')).toEqual([stepText('helper-failed', { count: 3, failure: 'connection_refused' })]);
    expect(t.steps([], 'R')[0]).toMatch(/^Next: the control helper did not answer for 3 target\(s\) \(connection_refused\)/);
    // Offline, the helper failing is no news: "check your connection" says it.
    expect(t.steps(['no-connectivity'], 'R')).not.toContainEqual(expect.stringMatching(/control helper did not answer/));
  });

  it('blocked sites: points at tekser report with the run id (not when the run was not kept)', () => {
    const t = new StepTally();
    t.add(web('blocked', null));
    t.add(web('accessible', null));
    expect(t.steps([], '20261123T090000Z-1a2b')).toEqual([expect.stringContaining('tekser report 20261123T090000Z-1a2b')]);
    expect(t.steps([], null)).toEqual([]);
  });

  it('a healthy run has no next step', () => {
    const t = new StepTally();
    for (let i = 0; i < 5; i++) t.add(web('accessible', null));
    expect(t.steps([], 'R')).toEqual([]);
  });

  it('warns early, once, when the control failed for each of the first targets', () => {
    const t = new StepTally();
    t.add(web('inconclusive', 'generic_timeout_error'));
    t.add(web('inconclusive', 'generic_timeout_error'));
    expect(t.earlyWarning()).toBeNull();
    t.add(web('inconclusive', 'generic_timeout_error'));
    expect(t.earlyWarning()).toMatch(/control failed for the first 3 targets/);
    t.add(web('inconclusive', 'generic_timeout_error'));
    expect(t.earlyWarning()).toBeNull();
    const healthy = new StepTally();
    healthy.add(web('accessible', null));
    for (let i = 0; i < 5; i++) healthy.add(web('inconclusive', 'generic_timeout_error'));
    expect(healthy.earlyWarning()).toBeNull();
  });
});
