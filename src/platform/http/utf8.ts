/** Where a UTF-8 check failed: byte offset, 1-based line and column (in bytes). */
export interface Utf8Problem {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Length of the sequence a lead byte starts, 0 for an invalid lead byte. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xc2 && lead <= 0xdf) {
    return 2;
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    return 3;
  }
  return lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

/**
 * The first invalid byte of `bytes`, or null when they are valid UTF-8. The fast native decoder
 * decides; the scan below only locates (approximately for overlong/surrogate forms, which it
 * reports at their lead byte).
 */
export function findInvalidUtf8(bytes: Uint8Array): Utf8Problem | null {
  try {
    STRICT_UTF8.decode(bytes);
    return null;
  } catch {
    // fall through: locate it
  }
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    const tail = bytes.subarray(i + 1, i + length);
    if (length === 0 || tail.length < length - 1 || tail.some((b) => (b & 0xc0) !== 0x80)) {
      break;
    }
    if (lead === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    i += length;
  }
  return { offset: i, line, column: i - lineStart + 1 };
}
