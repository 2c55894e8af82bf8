import { embeddedIPv4, hextets } from '../net/addresses.ts';
import { addressFamily, bareHost } from '../net/endpoint.ts';

// An IP-to-AS table for the control helper: it tells a caller the AS and country of the address it
// sees, never the address itself (`tekser helper --asn-table FILE`, `tekser run --network-from-helper`).
// The file is CSV, one prefix a line: `95.56.0.0/15,9198,KZ` (# comments and blank lines allowed);
// the longest matching prefix wins.

export interface AsnEntry {
  asn: string;
  cc: string | null;
}

export interface AsnTable {
  /** The entry of the longest prefix holding `ip`, or null. */
  lookup(ip: string): AsnEntry | null;
  readonly size: number;
}

/** The address as a number and its width in bits (an IPv4 address inside IPv6 counts as IPv4). */
function asBits(ip: string): { value: bigint; width: 32 | 128 } | null {
  const bare = bareHost(ip);
  const v4 = addressFamily(bare) === 4 ? bare : addressFamily(bare) === 6 ? embeddedIPv4(bare) : null;
  if (v4) return { value: v4.split('.').reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n), width: 32 };
  if (addressFamily(bare) !== 6) return null;
  return { value: hextets(bare).reduce((n, h) => (n << 16n) | BigInt(h), 0n), width: 128 };
}

/** Reads the table; a line that is not `prefix,asn[,cc]` is named by its number. */
export function parseAsnTable(text: string, file: string): AsnTable {
  // One map per family and prefix length: masked network → entry.
  const byLength = new Map<string, Map<bigint, AsnEntry>>();
  let size = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [prefix = '', asnText = '', cc = ''] = line.split(',').map((s) => s.trim());
    const [addr = '', lenText = ''] = prefix.split('/');
    const bits = asBits(addr);
    const len = Number(lenText);
    const asn = asnText.replace(/^AS/i, '');
    if (!bits || !/^\d+$/.test(lenText) || len > bits.width || !/^[1-9]\d{0,9}$/.test(asn) || (cc && !/^[A-Za-z]{2}$/.test(cc))) throw new Error(`${file}:${i + 1}: expected prefix,asn,cc (95.56.0.0/15,9198,KZ)`);
    const key = `${bits.width}/${len}`;
    const map = byLength.get(key) ?? new Map<bigint, AsnEntry>();
    map.set(bits.value >> BigInt(bits.width - len), { asn: `AS${asn}`, cc: cc ? cc.toUpperCase() : null });
    byLength.set(key, map);
    size++;
  });
  return {
    size,
    lookup(ip) {
      const bits = asBits(ip);
      if (!bits) return null;
      for (let len = bits.width; len >= 0; len--) {
        const hit = byLength.get(`${bits.width}/${len}`)?.get(bits.value >> BigInt(bits.width - len));
        if (hit) return hit;
      }
      return null;
    },
  };
}
