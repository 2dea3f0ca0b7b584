/** IPv4/IPv6 address and CIDR matching for `ipBlocks`, `remoteIpBlocks`, `source.ip`, `remote.ip`. */

interface Address {
  readonly bits: bigint;
  readonly width: 32 | 128;
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return null;
  }
  let out = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      return null;
    }
    out = (out << 8n) | BigInt(part);
  }
  return out;
}

function parseGroups(text: string): bigint[] | null {
  if (text === '') {
    return [];
  }
  const out: bigint[] = [];
  for (const group of text.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) {
      return null;
    }
    out.push(BigInt(`0x${group}`));
  }
  return out;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) {
    return null;
  }
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === null || tail === null) {
    return null;
  }
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) {
    return null;
  }
  const groups = [...head, ...new Array<bigint>(missing).fill(0n), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

export function parseAddress(text: string): Address | null {
  if (text.includes(':')) {
    const bits = parseIpv6(text);
    return bits === null ? null : { bits, width: 128 };
  }
  const bits = parseIpv4(text);
  return bits === null ? null : { bits, width: 32 };
}

/** `AddrStrToCidrRange`: a bare address is a /32 (/128); unparsable blocks match nothing. */
export function cidrContains(block: string, ip: string): boolean {
  const [base, lengthText] = block.split('/');
  const net = parseAddress(base ?? '');
  const addr = parseAddress(ip);
  if (net === null || addr?.width !== net.width) {
    return false;
  }
  const length = lengthText === undefined ? net.width : Number(lengthText);
  if (!Number.isInteger(length) || length < 0 || length > net.width) {
    return false;
  }
  const shift = BigInt(net.width - length);
  return net.bits >> shift === addr.bits >> shift;
}
