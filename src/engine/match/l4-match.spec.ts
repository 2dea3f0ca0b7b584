import { describe, expect, it } from 'vitest';
import { matchTcpRoute, matchTlsRoute, sniHostMatches } from './l4-match.js';

const CTX = {
  sourceLabels: { app: 'client' },
  sourceNamespace: 'default',
  gateway: 'mesh',
  port: 443,
  vsNamespace: 'default',
};

describe('R4 TCP and TLS route matching', () => {
  it('R4 TCP: port, labels, namespace and gateways are all required (matchTCP)', () => {
    expect(matchTcpRoute(undefined, CTX).matched).toBe(true);
    expect(
      matchTcpRoute({ port: 443, sourceLabels: { app: 'client' }, sourceNamespace: 'default' }, CTX)
        .matched,
    ).toBe(true);
    expect(matchTcpRoute({ port: 31400 }, CTX).reason).toBe(
      'port 31400 did not match (connection on 443)',
    );
    expect(matchTcpRoute({ gateways: ['mesh'], sourceLabels: { app: 'other' } }, CTX).matched).toBe(
      false,
    );
    expect(matchTcpRoute({ gateways: ['gw'] }, { ...CTX, gateway: 'default/gw' }).matched).toBe(
      true,
    );
  });

  it('R4 TCP destinationSubnets need the destination address; unknown is reported as uncertain', () => {
    const match = { destinationSubnets: ['10.0.0.0/8'] };
    expect(matchTcpRoute(match, CTX)).toMatchObject({ matched: false, uncertain: true });
    expect(matchTcpRoute(match, { ...CTX, destinationIp: '10.1.1.1' })).toMatchObject({
      matched: true,
      uncertain: false,
    });
    expect(matchTcpRoute(match, { ...CTX, destinationIp: '192.168.0.1' })).toMatchObject({
      matched: false,
      uncertain: false,
    });
  });

  it('R1 SNI wildcards: *.suffix matches deeper names but not the bare suffix', () => {
    expect(sniHostMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(sniHostMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(sniHostMatches('*.example.com', 'example.com')).toBe(false);
    expect(sniHostMatches('*', 'anything')).toBe(true);
    expect(sniHostMatches('Login.Example.com', 'login.example.com')).toBe(true);
  });

  it('R4 TLS: sniHosts and the static conditions must hold', () => {
    const match = { sniHosts: ['*.bookinfo.com'], port: 443 };
    expect(matchTlsRoute(match, { ...CTX, sniHost: 'uk.bookinfo.com' })).toMatchObject({
      matched: true,
    });
    expect(matchTlsRoute(match, { ...CTX, sniHost: 'bookinfo.com' }).reason).toBe(
      'sniHosts [*.bookinfo.com] did not match bookinfo.com',
    );
    expect(matchTlsRoute(match, { ...CTX, sniHost: null }).matched).toBe(false);
    expect(matchTlsRoute(match, { ...CTX, sniHost: 'uk.bookinfo.com', port: 8443 }).matched).toBe(
      false,
    );
  });
});
