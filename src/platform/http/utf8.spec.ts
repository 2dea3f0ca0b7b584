import { describe, expect, it } from 'vitest';
import { findInvalidUtf8 } from './utf8.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('findInvalidUtf8', () => {
  it('valid UTF-8 (ASCII, 2/3/4-byte sequences) has no problem', () => {
    expect(findInvalidUtf8(bytes('a: b\nc: é € 😀\n'))).toBeNull();
  });

  it('a bad continuation byte is located at its lead byte, by line and column', () => {
    expect(findInvalidUtf8(bytes('ab\ncd', [0xc3, 0x28], '\n'))).toEqual({
      offset: 5,
      line: 2,
      column: 3,
    });
  });

  it('a truncated sequence at the end and a stray continuation byte are found', () => {
    expect(findInvalidUtf8(bytes('x', [0xe2, 0x82]))?.offset).toBe(1);
    expect(findInvalidUtf8(bytes('xy', [0x80]))?.offset).toBe(2);
  });
});
