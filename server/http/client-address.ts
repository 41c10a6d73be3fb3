import { isIP } from 'node:net';

/**
 * Which proxies in front of the server may be believed about the client's
 * address. `X-Forwarded-For` is a list each proxy appends to, so only its
 * right-hand end is written by proxies we run: the left-hand end is
 * whatever the client sent, and reading it would let anyone pick a new
 * rate-limit bucket per request.
 *
 * - `none`: the connection's own address (no proxy, or proxies not trusted).
 * - `hops`: this many proxies of ours in front (a load balancer is 1; a CDN
 *   and a load balancer are 2). The client is that many places from the right
 *   of the chain `X-Forwarded-For, connection address`.
 * - `proxies`: the addresses or CIDR ranges of our proxies. Walking from the
 *   right, the first address not in the list is the client.
 */
export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'proxies'; ranges: readonly AddressRange[] };

export interface AddressRange {
  /** The address as 16 bytes (IPv4 as IPv4-mapped IPv6). */
  bytes: Uint8Array;
  prefix: number;
}

/** `::ffff:192.0.2.1` and `192.0.2.1` are the same client. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, '');
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** 16 bytes of an IPv4 or IPv6 address, or undefined for anything else. */
function toBytes(address: string): Uint8Array | undefined {
  const text = normalise(address);
  const version = isIP(text);
  const bytes = new Uint8Array(16);
  if (version === 4) {
    bytes[10] = 0xff;
    bytes[11] = 0xff;
    text.split('.').forEach((part, i) => (bytes[12 + i] = Number(part)));
    return bytes;
  }
  if (version !== 6) return undefined;
  let groups = text;
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) as two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (v4?.[1]) {
    const [a, b, c, d] = v4[1].split('.').map(Number) as [number, number, number, number];
    groups = `${groups.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = groups.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  all.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32` or a single address; undefined when it is neither. */
export function parseAddressRange(text: string): AddressRange | undefined {
  const [address = '', prefixText] = text.trim().split('/');
  const bytes = toBytes(address);
  if (!bytes) return undefined;
  // Written as IPv4, the prefix counts IPv4 bits; `::ffff:10.0.0.0/104` counts IPv6 ones.
  const v4 = isIP(address.trim()) === 4;
  const max = v4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return undefined;
  return { bytes, prefix: v4 ? prefix + 96 : prefix };
}

function inRange(address: string, range: AddressRange): boolean {
  const bytes = toBytes(address);
  if (!bytes) return false;
  for (let bit = 0; bit < range.prefix; bit++) {
    const mask = 0x80 >> bit % 8;
    if (((bytes[bit >> 3] as number) & mask) !== ((range.bytes[bit >> 3] as number) & mask)) return false;
  }
  return true;
}

/**
 * The client's address for rate limits: from the connection, or from
 * `X-Forwarded-For` as far as {@link TrustedProxies} allows, never further.
 */
export function clientAddress(forwardedFor: string | undefined, connection: string, trusted: TrustedProxies): string {
  const remote = normalise(connection);
  if (trusted.kind === 'none' || !forwardedFor) return remote;
  const chain = [...forwardedFor.split(',').map(normalise).filter(Boolean), remote];
  if (trusted.kind === 'hops') {
    // Fewer entries than trusted hops: the nearest one we have.
    return chain[Math.max(0, chain.length - 1 - trusted.hops)] as string;
  }
  for (let i = chain.length - 1; i > 0; i--) {
    if (!trusted.ranges.some((range) => inRange(chain[i] as string, range))) return chain[i] as string;
  }
  return chain[0] as string;
}

/**
 * Reads `TRUST_PROXY`: `false`/`0` (the default), a number of hops, or a
 * comma-separated list of proxy addresses and CIDR ranges. `true` means one
 * hop (a single load balancer), never "believe the leftmost address".
 * Returns an error message for anything else.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | string {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return { kind: 'none' };
  if (text === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { kind: 'hops', hops } : 'must be at most 10 hops';
  }
  const ranges: AddressRange[] = [];
  for (const part of text.split(',')) {
    const range = parseAddressRange(part);
    if (!range) return `"${part.trim()}" is not a number of hops, an address or a CIDR range`;
    ranges.push(range);
  }
  return { kind: 'proxies', ranges };
}
