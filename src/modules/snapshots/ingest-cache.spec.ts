import { describe, expect, it } from 'vitest';
import { type EnvironmentCacheEntry, IngestCache, ingestCacheOptions } from './ingest-cache.js';

function entry(
  objectCount: number,
  number: number | null,
  environmentId = 1,
): EnvironmentCacheEntry {
  return {
    optionsKey: 'default',
    runs: new Map(),
    digest: null,
    latest:
      number === null
        ? null
        : { environmentId, versionId: `${number}`, number, digest: 'd', objects: new Map() },
    objectCount,
  };
}

describe('IngestCache', () => {
  it('evicts the least recently used environment beyond the environment bound', () => {
    const cache = new IngestCache({ maxEnvironments: 2, maxObjects: 1_000 });
    cache.set('a', entry(1, 1));
    cache.set('b', entry(1, 1));
    cache.get('a');
    cache.set('c', entry(1, 1));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => e !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('evicts beyond the object bound and never keeps an entry larger than it', () => {
    const cache = new IngestCache({ maxEnvironments: 10, maxObjects: 100 });
    cache.set('a', entry(60, 1));
    cache.set('b', entry(60, 1));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    cache.set('huge', entry(101, 1));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('keeps the newer version when two ingests of one environment finish out of order', () => {
    const cache = new IngestCache({ maxEnvironments: 10, maxObjects: 100 });
    cache.set('a', entry(1, 5));
    cache.set('a', entry(1, 4));
    expect(cache.get('a')?.latest?.number).toBe(5);
    // A re-created environment (another id) starts again at 1.
    cache.set('a', entry(1, 1, 2));
    expect(cache.get('a')?.latest?.number).toBe(1);
  });

  it('is disabled with maxEnvironments 0', () => {
    const cache = new IngestCache({ maxEnvironments: 0, maxObjects: 100 });
    cache.set('a', entry(1, 1));
    expect(cache.size).toBe(0);
  });

  it('takes its bounds from the configuration when given', () => {
    expect(ingestCacheOptions({ ingestCache: { maxEnvironments: 3 } })).toMatchObject({
      maxEnvironments: 3,
      maxObjects: 250_000,
    });
    expect(ingestCacheOptions({})).toEqual({ maxEnvironments: 8, maxObjects: 250_000 });
  });
});
