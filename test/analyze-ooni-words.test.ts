import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OONI_LEGEND } from '../src/cli/commands/analyze.ts';
import { HELPER_ADVICE } from '../src/findings/helper-unavailable.ts';
import { runInMemory } from './helpers/cli.ts';
import { REPO_ROOT } from './helpers/paths.ts';
import { tempDir } from './helpers/tmp.ts';

// `tekser analyze` on OONI files (issue #25, item 10): advice for OONI's helper, not this machine's;
// a short header; a legend for the [OONI: …] marks; the reason for a disagreement under -v.

/** OONI's http-failure measurement, with its test helper failed: tekser cannot decide, so they differ. */
function noHelperMeasurement(dir: string): string {
  const m = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/ooni/wc-lte-redirect-reset.json'), 'utf8'));
  m.test_keys.control_failure = 'generic_timeout_error';
  m.test_keys.control = {};
  const file = join(dir, 'no-helper.json');
  writeFileSync(file, JSON.stringify(m));
  return file;
}

describe('analyze on OONI measurements', () => {
  it("advises about OONI's helper, not $TEKSER_HELPER_TOKEN, in the table and in JSON", async () => {
    const file = noHelperMeasurement(tempDir('analyze-words'));
    const table = await runInMemory(['analyze', file]);
    expect(table.code).toBe(0);
    expect(table.out).toContain(HELPER_ADVICE.ooni.slice(0, 60));
    expect(table.out).not.toContain('TEKSER_HELPER_TOKEN');
    const json = JSON.parse((await runInMemory(['analyze', file, '--format', 'json'])).out);
    const finding = json.findings.find((f: { kind: string }) => f.kind === 'helper-unavailable');
    expect(finding.details).toContain(HELPER_ADVICE.ooni);
  });

  it('says in a short header what it read, and explains the [OONI: …] marks under the table', async () => {
    const dir = tempDir('analyze-words');
    const file = noHelperMeasurement(dir);
    const others = ['wc-04-http-diff.json', 'wc-lte-dns-injection.json', 'signal.json'].map((f) => join(REPO_ROOT, 'test/fixtures/ooni', f));
    const r = await runInMemory(['analyze', file, ...others]);
    const header = r.out.split('\n')[0] as string;
    expect(header).toMatch(/^tekser \S+ analyze: 4 inputs \(no-helper\.json, wc-04-http-diff\.json, wc-lte-dns-injection\.json and 1 more\), with the current rules$/);
    expect(header).not.toContain(dir);
    expect(r.out).toContain('[OONI: http-failure ≠]');
    expect(r.out).toContain(OONI_LEGEND);
  });

  it("-v gives OONI's own keys and why the verdicts differ, as JSON's agreement.line does", async () => {
    const file = noHelperMeasurement(tempDir('analyze-words'));
    const r = await runInMemory(['analyze', '-v', file]);
    expect(r.out).toMatch(/· OONI's verdict: blocking http-failure, accessible false/);
    const line = JSON.parse((await runInMemory(['analyze', file, '--format', 'jsonl'])).out.split('\n')[0] as string).agreement.line as string;
    expect(line).toMatch(/^OONI: http-failure, tekser: inconclusive — /);
    expect(r.out.replace(/\s+/g, ' ')).toContain(`· ${line}`.replace(/\s+/g, ' '));
    // without -v the table keeps one line per verdict
    expect((await runInMemory(['analyze', file])).out).not.toContain("OONI's verdict:");
  });
});
