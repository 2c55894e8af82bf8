// Issue 21 in the network lab (imported by lab.test.ts): "what still works", asserted in the words a
// person reads. The lab's internet has way-out servers (test/lab/ways.mjs) and the helper runs its echo
// service; each scenario sets the censor's rules and runs the built CLI in the client namespace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, also run by `npm run lab`
import { startLab } from './lab.mjs';
// @ts-expect-error plain JavaScript
import { WAYS } from './ways.mjs';
import { skipLab, skipNote } from './gate.ts';

interface Finding {
  kind: string;
  title: string;
  details: string[];
}
interface Lab {
  dir: string;
  prefix: string;
  waysList: string;
  args(o?: { list?: string; helper?: boolean | string[]; extra?: string[] }): string[];
  iptables(...args: string[]): string;
  tekser(args: string[], o?: { timeoutMs?: number }): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

async function ways(lab: Lab, name: string, extra: string[] = []): Promise<{ code: number; findings: Finding[]; stderr: string; stdout: string }> {
  const args = lab.args({ list: lab.waysList, extra: ['--data-dir', `${lab.dir}/data-${name}`, '--way-timeout', '2', ...extra] });
  const r = await lab.tekser(['run', ...args, '--format', 'json']);
  try {
    return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings, stderr: r.stderr, stdout: r.stdout };
  } catch {
    throw new Error(`scenario ${name}: exit ${r.code} without a JSON document: ${r.stderr}`);
  }
}
const waysOut = (fs: Finding[]): Finding | undefined => fs.find((f) => f.kind === 'ways-out');
const ECHO = ['--echo-ports', 'tcp:179,3785,5060,443 udp:3478,51820'];

describe.skipIf(skipLab)(`network lab, issue 21: what still works${skipNote}`, () => {
  describe('January 2022: everything dropped but TCP 179, 3785, 5060 and UDP 3478', () => {
    let lab: Lab | null = null;
    beforeAll(async () => {
      lab = (await startLab({ allowOnly: [] })) as Lab;
      const into = `${lab.prefix}r0`;
      lab.iptables('-A', 'FORWARD', '-i', into, '-p', 'tcp', '-m', 'multiport', '--dports', '179,3785,5060', '-j', 'ACCEPT');
      lab.iptables('-A', 'FORWARD', '-i', into, '-p', 'udp', '--dport', '3478', '-j', 'ACCEPT');
    }, 120_000);
    afterAll(async () => {
      await lab?.stop();
    });

    it('the open ports in one sentence first, the bridge on 3785 reachable, the directory authorities and DoH not', async () => {
      const r = await ways(lab as Lab, 'holes', ECHO);
      const f = waysOut(r.findings);
      expect(r.findings[0]?.kind).toBe('ways-out');
      expect(f?.title).toMatch(/^What still works: TCP 179, 3785 and 5060 and UDP 3478 reach outside; TCP 443 and UDP 51820 do not; /);
      expect(f?.details).toContain("Tor through the obfs4 bridge on port 3785: reachable; a reachable port is necessary, not sufficient: obfs4's own handshake was not tried");
      expect(f?.details.join('\n')).toMatch(/No answer from here \(blocked, or down: not proven\): .*Tor \(its directory authorities\)/);
      expect(f?.details.join('\n')).toMatch(/Snowflake: STUN answers/);
    }, 120_000);
  });

  describe('a censoring ISP: WireGuard by signature, ECH, the Snowflake front by SNI, DoT', () => {
    let lab: Lab | null = null;
    beforeAll(async () => {
      lab = (await startLab()) as Lab;
      const L = lab;
      // WireGuard handshake initiations (148 bytes of UDP payload, type 1 + 3 zero bytes) are dropped, as in Russia from 2021.
      L.iptables('-I', 'FORWARD', '-p', 'udp', '-m', 'length', '--length', '176', '-m', 'string', '--hex-string', '|01000000|', '--from', '28', '--to', '32', '--algo', 'bm', '-j', 'DROP');
      // ClientHellos with ECH to ech.lab are dropped (the name and the extension type together), as in Russia since November 2024.
      L.iptables('-I', 'FORWARD', '-d', WAYS.ech, '-p', 'tcp', '--dport', '443', '-m', 'string', '--string', 'ech.lab', '--algo', 'bm', '-m', 'string', '--hex-string', '|fe0d|', '--algo', 'bm', '-j', 'DROP');
      // The Snowflake CDN front is reset by SNI; the AMP cache at the same address is not.
      L.iptables('-I', 'FORWARD', '-p', 'tcp', '--dport', '443', '-m', 'string', '--string', 'front.lab', '--algo', 'bm', '-j', 'REJECT', '--reject-with', 'tcp-reset');
      // DNS over TLS dropped; DoH to the same resolver passes.
      L.iptables('-I', 'FORWARD', '-p', 'tcp', '--dport', '853', '-j', 'DROP');
    }, 120_000);
    afterAll(async () => {
      await lab?.stop();
    });

    it('each in the finding\'s words', async () => {
      const r = await ways(lab as Lab, 'signatures', ['--echo-ports', 'udp:51820 tcp:443']);
      const f = waysOut(r.findings);
      const text = [f?.title, ...(f?.details ?? [])].join('\n');
      expect(text).toContain('Blocked: WireGuard on UDP 51820: blocked by its packet signature');
      expect(text).toContain('Blocked: TLS with Encrypted Client Hello (ech.lab): ClientHellos with ECH are dropped');
      expect(text).toContain('Snowflake: the AMP-cache rendezvous and STUN answer; the CDN-front rendezvous is blocked by SNI');
      expect(text).toContain('DNS over HTTPS to the lab resolver works: use it to get around DNS blocking');
      expect(text).toMatch(/No answer from here \(blocked, or down: not proven\): .*DNS over TLS to the lab resolver/);
      expect(text).toContain('Tor (its directory authorities): works');
    }, 120_000);

    it('directory authorities dropped while a bridge on 3785 answers', async () => {
      (lab as Lab).iptables('-I', 'FORWARD', '-d', WAYS.relay, '-j', 'DROP');
      const r = await ways(lab as Lab, 'dirauths-dropped', ['--bridge', `obfs4 ${WAYS.bridge}:5060 0123456789ABCDEF0123456789ABCDEF01234567 cert=lab iat-mode=0`]);
      (lab as Lab).iptables('-D', 'FORWARD', '-d', WAYS.relay, '-j', 'DROP');
      const f = waysOut(r.findings);
      expect(f?.details).toContain("Tor through the obfs4 bridge on port 3785: reachable; a reachable port is necessary, not sufficient: obfs4's own handshake was not tried");
      expect(f?.details.join('\n')).toMatch(/No answer from here .*Tor \(its directory authorities\)/);
      expect(f?.details).toContain("Tor through the obfs4 bridge on port 5060: reachable; a reachable port is necessary, not sufficient: obfs4's own handshake was not tried");
      // The user's bridge is private: its address is nowhere in the output (the list's own bridge on 3785 is public).
      expect(r.stdout).not.toContain(`${WAYS.bridge}:5060`);
    }, 120_000);
  });
});
