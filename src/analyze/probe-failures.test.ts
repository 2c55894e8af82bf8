import { describe, expect, it } from 'vitest';
import { dns, helperOk, measurement, tcp } from '../../test/fixtures/observations.ts';
import { probeFailure, controlMisbehaves } from '../data/probe-failures.ts';
import { findFindings } from '../findings/index.ts';
import type { WebResult } from '../model/run.ts';
import type { WebMeasurement } from '../model/measurement.ts';
import { targetControl, runControl } from './control.ts';
import { analyzeWeb, decidingRule } from './web/index.ts';

/** Issue #20 class 4: failures that are the probe's own, and a control that answers but misbehaves. */
const H = 'site.example';
const S = `https://${H}/`;
const IP = '203.0.113.10';
const helper = { url: 'https://helper.example/', failure: null, response: helperOk([`${IP}:443`]) };

describe("the probe's own failures are data, and make a step inconclusive, never blocked", () => {
  it('the table knows cancelled and interrupted operations, not network failures', () => {
    expect(probeFailure('unknown_failure: context canceled')?.id).toBe('context-canceled');
    expect(probeFailure('interrupted')?.id).toBe('interrupted');
    expect(probeFailure('connection_reset')).toBeNull();
    expect(probeFailure('generic_timeout_error')).toBeNull();
  });

  it('every connect cancelled by the probe, while the helper connects: inconclusive, not tcp_ip', () => {
    const m = measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [IP])] }, tcp: [tcp(IP, 443, 'unknown_failure: context canceled')], helper });
    const v = analyzeWeb(m);
    expect(decidingRule(m)).toBe('probe-failure');
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toMatch(/^The TCP connect failed with the probe's own failure \(unknown_failure: context canceled: the probe cancelled/);
  });

  it('one real failure beside a cancelled one still speaks (the later rules decide)', () => {
    const m = measurement(S, { dns: { local: [dns('udp', H, [IP, '203.0.113.11'])], control: [dns('doh', H, [IP, '203.0.113.11'])] }, tcp: [tcp(IP, 443, 'unknown_failure: context canceled'), tcp('203.0.113.11', 443, 'generic_timeout_error')], helper: { ...helper, response: helperOk([`${IP}:443`, '203.0.113.11:443']) } });
    expect(decidingRule(m)).not.toBe('probe-failure');
  });

  it('a lookup interrupted here while the control resolves the name is not DNS tampering', () => {
    const m = measurement(S, { dns: { local: [dns('getaddrinfo', H, [], 'interrupted')], control: [dns('doh', H, [IP])] } });
    const v = analyzeWeb(m);
    expect(v.dnsConsistency).toBe('unknown');
    expect(v.status).toBe('inconclusive');
    expect(v.reason).toContain("The DNS lookup failed with the probe's own failure (interrupted");
  });
});

describe('a control that answers but misbehaves is not a control that cannot be reached', () => {
  const doh = (host: string) => dns('doh', host, [], 'dns_server_misbehaving');
  const htmlControl = (host: string): WebMeasurement => measurement(`https://${host}/`, { dns: { local: [dns('getaddrinfo', host, [], 'dns_temporary_failure')], control: [doh(host)] } });
  const result = (m: WebMeasurement): WebResult => ({ target: m.target, verdict: analyzeWeb(m), measurement: m });

  it('the table tells a DoH answer that is not DNS from an unreachable control', () => {
    expect(controlMisbehaves('dns_server_misbehaving', 'doh')?.id).toBe('doh-not-dns');
    expect(controlMisbehaves('dns_server_misbehaving', 'udp')).toBeNull();
    expect(controlMisbehaves('generic_timeout_error', 'doh')).toBeNull();
  });

  it("the target's control facts say it misbehaves, and the verdict says so", () => {
    const m = htmlControl(H);
    expect(targetControl(m, []).misbehaving).toMatch(/^dns_server_misbehaving: the DoH control answered, but not with a DNS message/);
    expect(analyzeWeb(m).reason).toMatch(/^The control answered but misbehaves \(dns_server_misbehaving/);
  });

  it('no "no connectivity" finding (so no exit 3) while its transport worked; an unreachable control still gives one', () => {
    expect(findFindings([result(htmlControl('a.example')), result(htmlControl('b.example'))]).map((f) => f.kind)).not.toContain('no-connectivity');
    expect(findFindings([result(htmlControl('a.example'))], { controlCheck: [doh('example.org')] }).map((f) => f.kind)).not.toContain('no-connectivity');
    expect(runControl([doh('example.org')], []).misbehaving).toBeDefined();
    const offline = measurement(S, { dns: { local: [dns('getaddrinfo', H, [], 'dns_temporary_failure')], control: [dns('doh', H, [], 'network_unreachable')] } });
    expect(findFindings([result(offline)]).map((f) => f.kind)).toContain('no-connectivity');
  });

  it('a helper that answers with something other than its JSON: the verdicts that lean on it say it misbehaves', () => {
    const m = measurement(S, { dns: { local: [dns('udp', H, [IP])], control: [dns('doh', H, [IP])] }, tcp: [tcp(IP, 443, 'connection_reset')], helper: { url: 'https://helper.example/', failure: 'json_parse_error', response: null } });
    expect(analyzeWeb(m).reason).toContain('the control answered but misbehaves (json_parse_error: the control helper answered, but not with the helper protocol');
  });
});
