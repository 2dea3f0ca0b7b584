import { describe, expect, it } from 'vitest';
import { formatMarker, parseMarker, withMarker } from './comment-marker.js';

describe('comment marker', () => {
  it('is a hidden, versioned first line carrying environment and head SHA', () => {
    expect(formatMarker({ env: 'prod', sha: 'abc1234' })).toBe(
      '<!-- meshlens:v1 env=prod sha=abc1234 -->',
    );
    expect(formatMarker({ env: 'prod', sha: null })).toBe(
      '<!-- meshlens:v1 env=prod sha=unknown -->',
    );
  });

  it('round-trips environment names that could end the HTML comment', () => {
    const marker = { env: 'eu west --> x', sha: 'deadbeef' };
    const body = withMarker(marker, '**meshlens** …');
    expect(body.split('\n')[0]).not.toContain('-->  x');
    expect(parseMarker(body)).toEqual(marker);
  });

  it('recognises the sha-less form of the issue and later marker versions', () => {
    expect(parseMarker('<!-- meshlens:v1 env=prod -->\nbody')).toEqual({ env: 'prod', sha: null });
    expect(parseMarker('<!-- meshlens:v2 env=prod sha=abc -->')).toEqual({
      env: 'prod',
      sha: 'abc',
    });
  });

  it('only counts a marker at the start: a quoted marker does not make a comment ours', () => {
    expect(parseMarker('> <!-- meshlens:v1 env=prod sha=abc -->')).toBeNull();
    expect(parseMarker('LGTM\n<!-- meshlens:v1 env=prod sha=abc -->')).toBeNull();
    expect(parseMarker('plain comment')).toBeNull();
  });
});
