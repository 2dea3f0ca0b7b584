import { describe, expect, it } from 'vitest';
import { hostMatcher } from './host-reference.js';

const DOMAIN = 'cluster.local';

describe('hostMatcher', () => {
  it('R2 a short name with its namespace and the service FQDN are the same host', () => {
    const short = hostMatcher({ host: 'reviews', namespace: 'default' }, DOMAIN);
    const fqdn = hostMatcher({ host: 'Reviews.default.svc.cluster.local' }, DOMAIN);
    expect(fqdn).toEqual(short);
    expect(short.service).toEqual({ name: 'reviews', namespace: 'default' });
    expect(short.shortNamespace).toBe('default');
    expect(short.routingDocs).toContainEqual({
      spec: { hosts: ['reviews.default.svc.cluster.local'] },
    });
    expect(short.routingDocs).toContainEqual({
      spec: { http: [{ route: [{ destination: { host: 'reviews.default.svc.cluster.local' } }] }] },
    });
    expect(short.shortRoutingDocs).toContainEqual({ spec: { host: 'reviews' } });
    expect(short.anyNamespacePaths).toBeNull();
  });

  it('R2 a short name alone means the service in any namespace (pattern for FQDN references)', () => {
    const any = hostMatcher({ host: 'reviews' }, DOMAIN);
    expect(any.service).toEqual({ name: 'reviews', namespace: null });
    expect(any.shortNamespace).toBeNull();
    expect(any.routingDocs).toEqual([]);
    expect(any.anyNamespacePaths?.routing).toContain(
      'like_regex "^reviews\\\\.[^.]+\\\\.svc\\\\.cluster\\\\.local$"',
    );
  });

  it('R2 names with a dot that are not service FQDNs are literal (ServiceEntry hosts are never expanded)', () => {
    for (const host of ['reviews.prod', 'api.example.com', '*.example.com']) {
      const literal = hostMatcher({ host }, DOMAIN);
      expect(literal.service).toBeNull();
      expect(literal.shortRoutingDocs).toEqual([]);
      expect(literal.serviceEntryDocs).toEqual([{ spec: { hosts: [host] } }]);
    }
  });

  it('rejects what is not a host or namespace name', () => {
    expect(() => hostMatcher({ host: 'a b' }, DOMAIN)).toThrow('is not a host name');
    expect(() => hostMatcher({ host: '"x' }, DOMAIN)).toThrow('is not a host name');
    expect(() => hostMatcher({ host: 'reviews', namespace: 'Bad_NS' }, DOMAIN)).toThrow(
      'namespace',
    );
  });
});
