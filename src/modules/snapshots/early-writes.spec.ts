import { describe, expect, it } from 'vitest';
import { earlyWriteBatch } from './early-writes.js';

describe('earlyWriteBatch', () => {
  it('is about an eighth of the fresh documents', () => {
    expect(earlyWriteBatch(9_875)).toBe(1_235);
    expect(earlyWriteBatch(2_001)).toBe(251);
  });

  it('never goes below 250 objects, so small parses make few batches', () => {
    expect(earlyWriteBatch(959)).toBe(250);
    expect(earlyWriteBatch(1)).toBe(250);
  });

  it('never goes above 4,000 objects, so the last batch stays small on large parses', () => {
    expect(earlyWriteBatch(50_000)).toBe(4_000);
    expect(earlyWriteBatch(1_000_000)).toBe(4_000);
  });
});
