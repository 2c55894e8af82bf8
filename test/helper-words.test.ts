import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { analyzeWeb } from '../src/analyze/web.ts';
import { renderRunHtml } from '../src/report/html.ts';
import { serializeResult } from '../src/report/json.ts';
import { renderTable } from '../src/report/table.ts';
import { labRun } from './fixtures/report-runs.ts';
import { dns, measurement, tcp } from './fixtures/observations.ts';

// The terminal shows what the control helper said, as the report does (issue #25, item 9): a helper
// that refused to dial a private address is not "no answer for this step".

const REFUSED = 'refused to dial 10.10.34.35: not a public address';

function privateAddress() {
  const m = measurement('https://360tv.ru/', {
    hostname: '360tv.ru',
    dns: { local: [dns('udp', '360tv.ru', ['10.10.34.35'])], control: [dns('doh', '360tv.ru', ['10.10.34.35'])] },
    tcp: [tcp('10.10.34.35', 443, 'connection_refused')],
    helper: {
      url: 'https://helper.example.org/',
      failure: null,
      response: {
        tcp_connect: { '10.10.34.35:443': { status: false, failure: REFUSED } },
        tls_handshake: {},
        http_request: { body_length: -1, failure: 'connection_refused', title: '', headers: {}, status_code: -1 },
        dns: { failure: null, addrs: ['10.10.34.35'] },
      },
    },
  });
  const verdict = analyzeWeb(m);
  return { verdict, json: serializeResult({ target: m.target, verdict, measurement: m }, { includeBodies: false }) };
}

describe("the helper's answer in the terminal", () => {
  it('the reason quotes what the helper said about the address this network failed to reach', () => {
    const { verdict } = privateAddress();
    expect(verdict.status).toBe('inconclusive');
    expect(verdict.reason).toContain(`the control helper did not reach it either (10.10.34.35:443: ${REFUSED}), so tekser cannot tell`);
    expect(verdict.reason).not.toContain('no answer for this step');
    const table = renderTable([{ label: 'https://360tv.ru/', verdict }], { chalk: new Chalk({ level: 0 }), header: 'run' });
    expect(table.replace(/\s+/g, ' ')).toContain(REFUSED);
  });

  it('-v shows the helper line the report shows in its helper column', () => {
    const { verdict, json } = privateAddress();
    expect(verdict.evidence).toContain(`control helper: DNS → 10.10.34.35; TCP 10.10.34.35:443 ${REFUSED}; TLS none; HTTP → connection_refused`);
    const table = renderTable([{ label: 'https://360tv.ru/', verdict }], { chalk: new Chalk({ level: 0 }), header: 'run', verbose: true });
    expect(table).toContain(REFUSED);
    expect(table).not.toContain('no answer for this step');
    const lab = labRun();
    const page = renderRunHtml({ record: lab.record, results: [json] });
    expect(page).toContain(`<code>10.10.34.35:443</code>: ${REFUSED}`);
  });
});
