import { describe, expect, it } from 'vitest';
import { msg, render, textOf } from '../src/i18n/index.ts';
import { noteLacks } from '../src/ingest/item.ts';
import type { Verdict } from '../src/model/verdict.ts';
import { verdict } from './fixtures/report-runs.ts';
import { latinWords } from './helpers/latin.ts';

const base = (status: Verdict['status']): Verdict =>
  verdict({ status, reason: render('en', msg('status.inconclusive')), reasonMessage: msg('status.inconclusive'), evidence: [render('en', msg('status.down'))], evidenceMessages: [msg('status.down')] });

describe('what a measurement lacks, in every language', () => {
  const lacks = ["the control's DNS answer (addrs)", 'page bodies (the run was saved without --include-bodies)', 'queries', 'the result of the TCP connect to 203.0.113.5:443', 'the answers of the lookup of example.org'];

  it('keeps the English as before and gives the same sentence as a message, item by item', () => {
    const v = noteLacks(base('inconclusive'), lacks);
    expect(v.reason).toBe(`The measurement lacks ${lacks.join(', ')}: inconclusive`);
    expect(render('en', v.reasonMessage!)).toBe(v.reason);
    expect(v.evidence.at(-1)).toBe(`the measurement lacks ${lacks.join(', ')}`);
    expect(v.evidenceMessages?.map((m) => render('en', m))).toEqual(v.evidence);
  });

  for (const lang of ['ru', 'kk'] as const) {
    it(`${lang}: no English left but the OONI field names and the data`, () => {
      const v = noteLacks(base('inconclusive'), lacks);
      const text = [textOf(lang, v.reasonMessage, v.reason), ...v.evidenceMessages!.map((m) => textOf(lang, m, ''))].join('\n');
      expect(latinWords(text, ['addrs', 'queries'])).toEqual([]);
      expect(text).toContain('203.0.113.5:443');
    });
  }

  it('a verdict that is not inconclusive keeps its reason and gains the evidence line only', () => {
    const v = noteLacks(base('blocked'), ['requests']);
    expect(v.reason).toBe('inconclusive');
    expect(v.reasonMessage).toEqual(msg('status.inconclusive'));
    expect(v.evidenceMessages).toHaveLength(2);
  });
});
