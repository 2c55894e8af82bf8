// A loopback DNS server answering A/AAAA at once (for measuring recorded RTTs).
import { createSocket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
const sock = createSocket('udp4');
sock.on('message', (msg, rinfo) => {
  const q = dnsPacket.decode(msg);
  const question = q.questions[0];
  const answers = question.type === 'A' ? [{ type: 'A', name: question.name, ttl: 60, data: '127.0.0.1' }] : [];
  sock.send(dnsPacket.encode({ type: 'response', id: q.id, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE, questions: q.questions, answers }), rinfo.port, rinfo.address);
});
sock.bind(Number(process.argv[2] ?? 5399), '127.0.0.1');
