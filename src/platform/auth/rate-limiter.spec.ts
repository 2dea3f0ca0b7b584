import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter (token bucket per API token)', () => {
  it('allows a burst of perMinute requests, then asks to wait, then refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i += 1) {
      expect(limiter.take('a')).toBe(0);
    }
    expect(limiter.take('a')).toBe(1); // one token a second
    expect(limiter.take('b')).toBe(0); // budgets are per token
    now += 1_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('0 disables the limit', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 1_000; i += 1) {
      expect(limiter.take('a')).toBe(0);
    }
  });
});
