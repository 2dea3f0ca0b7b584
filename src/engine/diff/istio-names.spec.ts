import { describe, expect, it } from 'vitest';
import { resolveGatewayName, resolveShortName, sanitizeServerHost } from './istio-names.js';

describe('resolveShortName (ResolveShortnameToFQDN, P/model/config.go)', () => {
  it('R2 expands only names without a dot, with the given namespace and domain', () => {
    expect(resolveShortName('reviews', 'prod', 'cluster.local')).toBe(
      'reviews.prod.svc.cluster.local',
    );
    expect(resolveShortName('reviews.prod', 'default', 'cluster.local')).toBe('reviews.prod');
    expect(resolveShortName('reviews', 'default', 'corp')).toBe('reviews.default.svc.corp');
  });

  it('R2 leaves *, IP addresses and empty names alone', () => {
    for (const host of ['*', '10.0.0.1', '2001:db8::1', '']) {
      expect(resolveShortName(host, 'default', 'cluster.local')).toBe(host);
    }
  });
});

describe('resolveGatewayName (resolveGatewayName, P/model/config.go)', () => {
  it('R2 resolves short, ./, ns/ and legacy FQDN references; mesh is reserved', () => {
    expect(resolveGatewayName('gw', 'default')).toBe('default/gw');
    expect(resolveGatewayName('./gw', 'default')).toBe('default/gw');
    expect(resolveGatewayName('istio-system/gw', 'default')).toBe('istio-system/gw');
    expect(resolveGatewayName('gw.istio-system.svc.cluster.local', 'default')).toBe(
      'istio-system/gw',
    );
    expect(resolveGatewayName('gw.istio-system', 'default')).toBe('istio-system/gw');
    expect(resolveGatewayName('mesh', 'default')).toBe('mesh');
  });
});

describe('sanitizeServerHost (sanitizeServerHostNamespace, P/model/gateway.go)', () => {
  it('R4 makes the namespace part explicit without expanding the DNS name', () => {
    expect(sanitizeServerHost('bookinfo.com', 'gw-ns')).toBe('*/bookinfo.com');
    expect(sanitizeServerHost('./bookinfo.com', 'gw-ns')).toBe('gw-ns/bookinfo.com');
    expect(sanitizeServerHost('prod/reviews', 'gw-ns')).toBe('prod/reviews');
    expect(sanitizeServerHost('*', 'gw-ns')).toBe('*/*');
  });
});
