import type { Resource } from '../../model/resource.js';

/**
 * `read(object, clusterDomain)` kept per object. Objects are immutable, and an impact's target
 * shares every unchanged object with its base, so a routing-only change reads only the changed
 * ones again. The value is kept for the last cluster domain asked.
 */
export function perObjectMemo<T>(
  read: (resource: Resource, clusterDomain: string) => T,
): (resource: Resource, clusterDomain: string) => T {
  const cache = new WeakMap<Resource, { readonly domain: string; readonly value: T }>();
  return (resource, clusterDomain) => {
    const known = cache.get(resource);
    if (known?.domain === clusterDomain) {
      return known.value;
    }
    const value = read(resource, clusterDomain);
    cache.set(resource, { domain: clusterDomain, value });
    return value;
  };
}
