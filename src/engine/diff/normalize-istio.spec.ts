import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.js';
import { groupOf, type Resource } from '../model/resource.js';
import { diffResources } from './diff-resources.js';

function istio(kind: string, spec: JsonObject, namespace = 'default', name = 'r'): Resource {
  const apiVersion =
    kind === 'AuthorizationPolicy' ? 'security.istio.io/v1' : 'networking.istio.io/v1';
  const body = { apiVersion, kind, metadata: { name, namespace }, spec };
  return {
    key: { group: groupOf(apiVersion), kind, namespace, name },
    apiVersion,
    body,
    known: true,
  };
}

function paths(before: Resource, after: Resource, clusterDomain?: string): string[] {
  const options = clusterDomain === undefined ? {} : { clusterDomain };
  return diffResources([before], [after], options).flatMap((c) => c.fields.map((f) => f.path));
}

const route = (host: string, extra: JsonObject = {}): JsonObject => ({
  http: [{ route: [{ destination: { host }, ...extra }] }],
});

describe('R2 short names', () => {
  it('R2 short names expand with the VirtualService namespace (hosts, destinations, mirrors)', () => {
    const short = istio('VirtualService', {
      hosts: ['reviews'],
      http: [{ route: [{ destination: { host: 'reviews' } }], mirror: { host: 'shadow' } }],
      tcp: [{ route: [{ destination: { host: 'db' } }] }],
    });
    const fqdn = istio('VirtualService', {
      hosts: ['reviews.default.svc.cluster.local'],
      http: [
        {
          route: [{ destination: { host: 'reviews.default.svc.cluster.local' } }],
          mirror: { host: 'shadow.default.svc.cluster.local' },
        },
      ],
      tcp: [{ route: [{ destination: { host: 'db.default.svc.cluster.local' } }] }],
    });
    expect(paths(short, fqdn)).toEqual([]);
  });

  it('R2 uses the namespace of the resource holding the reference, not the target service', () => {
    const inProd = istio('VirtualService', route('reviews'), 'prod');
    const toDefault = istio('VirtualService', route('reviews.default.svc.cluster.local'), 'prod');
    expect(paths(inProd, toDefault)).toEqual(['spec.http[0].route[0].destination.host']);
  });

  it('R2 reports the ORIGINAL spellings when the expanded hosts differ', () => {
    const before = istio('VirtualService', route('reviews'));
    const after = istio('VirtualService', route('ratings.default.svc.cluster.local'));
    expect(diffResources([before], [after])[0]?.fields).toEqual([
      {
        path: 'spec.http[0].route[0].destination.host',
        before: 'reviews',
        after: 'ratings.default.svc.cluster.local',
      },
    ]);
  });

  it('R2 expands with the configured cluster domain', () => {
    const short = istio('DestinationRule', { host: 'reviews' });
    const fqdn = istio('DestinationRule', { host: 'reviews.default.svc.corp.local' });
    expect(paths(short, fqdn, 'corp.local')).toEqual([]);
    expect(paths(short, fqdn)).toEqual(['spec.host']);
  });

  it('R2 does not expand ServiceEntry, Gateway or Sidecar hosts', () => {
    const se = (h: string): Resource => istio('ServiceEntry', { hosts: [h] });
    expect(paths(se('reviews'), se('reviews.default.svc.cluster.local'))).toEqual([
      'spec.hosts[0]',
    ]);
    const sidecar = (h: string): Resource => istio('Sidecar', { egress: [{ hosts: [h] }] });
    expect(
      paths(sidecar('./reviews'), sidecar('./reviews.default.svc.cluster.local')),
    ).toHaveLength(1);
  });
});

describe('R2 gateway references', () => {
  const bound = (gateway: string): Resource => istio('VirtualService', { gateways: [gateway] });

  it('R2 name, ./name, ns/name and the legacy FQDN form name the same gateway', () => {
    const spellings = [
      'default/bookinfo-gateway',
      './bookinfo-gateway',
      'bookinfo-gateway.default.svc.cluster.local',
    ];
    for (const spelling of spellings) {
      expect(paths(bound('bookinfo-gateway'), bound(spelling))).toEqual([]);
    }
    expect(paths(bound('bookinfo-gateway'), bound('istio-system/bookinfo-gateway'))).toEqual([
      'spec.gateways[0]',
    ]);
  });

  it('R2 resolves match gateways too and keeps mesh reserved', () => {
    const m = (gateways: string[]): Resource =>
      istio('VirtualService', { http: [{ match: [{ gateways }] }] });
    expect(paths(m(['mesh', 'gw']), m(['default/gw', 'mesh']))).toEqual([]);
  });
});

describe('order-insensitive lists', () => {
  it('reordered VirtualService hosts and gateways are no change', () => {
    const before = istio('VirtualService', {
      hosts: ['a', 'b.example.com'],
      gateways: ['g1', 'mesh'],
    });
    const after = istio('VirtualService', {
      hosts: ['b.example.com', 'a'],
      gateways: ['mesh', 'g1'],
    });
    expect(paths(before, after)).toEqual([]);
  });

  it('an added host is reported at its AFTER index, a removed one at its BEFORE index', () => {
    const before = istio('VirtualService', { hosts: ['a', 'b', 'c'] });
    const after = istio('VirtualService', { hosts: ['d', 'c', 'a'] });
    expect(diffResources([before], [after])[0]?.fields).toEqual([
      { path: 'spec.hosts[0]', after: 'd' },
      { path: 'spec.hosts[1]', before: 'b' },
    ]);
  });

  it('DestinationRule subsets pair by name; a change inside is reported at the AFTER index', () => {
    const v1 = (version: string): JsonObject => ({ name: 'v1', labels: { version } });
    const v2 = { name: 'v2', labels: { version: 'v2' } };
    const before = istio('DestinationRule', { host: 'reviews', subsets: [v1('v1'), v2] });
    const reordered = istio('DestinationRule', { host: 'reviews', subsets: [v2, v1('v1')] });
    const changed = istio('DestinationRule', { host: 'reviews', subsets: [v2, v1('v1-canary')] });
    expect(paths(before, reordered)).toEqual([]);
    expect(diffResources([before], [changed])[0]?.fields).toEqual([
      { path: 'spec.subsets[1].labels.version', before: 'v1', after: 'v1-canary' },
    ]);
  });

  it('Gateway server hosts are a set and ./h, */h and h spell the same host (R4)', () => {
    const gw = (hosts: string[]): Resource =>
      istio('Gateway', {
        servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts }],
      });
    expect(
      paths(
        gw(['a.example.com', './b.example.com']),
        gw(['default/b.example.com', '*/a.example.com']),
      ),
    ).toEqual([]);
    expect(paths(gw(['a.example.com']), gw(['prod/a.example.com']))).toEqual([
      'spec.servers[0].hosts[0]',
    ]);
  });

  it('R10 AuthorizationPolicy value lists are sets; rule order and default ALLOW are cosmetic', () => {
    const ap = (principals: string[], action?: string): Resource =>
      istio('AuthorizationPolicy', {
        ...(action === undefined ? {} : { action }),
        rules: [{ from: [{ source: { principals } }], to: [{ operation: { methods: ['GET'] } }] }],
      });
    expect(paths(ap(['a', 'b']), ap(['b', 'a'], 'ALLOW'))).toEqual([]);
    expect(paths(ap(['a']), ap(['a'], 'DENY'))).toEqual(['spec.action']);
  });
});

describe('defaults', () => {
  it('R11 a lone destination with weight 100 equals no weight; weight 0 among several equals none', () => {
    const lone = istio('VirtualService', route('reviews'));
    expect(paths(lone, istio('VirtualService', route('reviews', { weight: 100 })))).toEqual([]);
    expect(paths(lone, istio('VirtualService', route('reviews', { weight: 50 })))).toHaveLength(1);
    const split = (w: JsonObject): Resource =>
      istio('VirtualService', {
        http: [
          {
            route: [
              { destination: { host: 'a' }, weight: 100 },
              { destination: { host: 'b' }, ...w },
            ],
          },
        ],
      });
    expect(paths(split({}), split({ weight: 0 }))).toEqual([]);
  });

  it('R3 exportTo ["*"] equals an absent exportTo (mesh defaults)', () => {
    const dr = (extra: JsonObject): Resource =>
      istio('DestinationRule', { host: 'reviews', ...extra });
    expect(paths(dr({}), dr({ exportTo: ['*'] }))).toEqual([]);
    expect(diffResources([dr({ exportTo: ['*'] })], [dr({ exportTo: ['.'] })])[0]?.fields).toEqual([
      { path: 'spec.exportTo', before: ['*'], after: ['.'] },
    ]);
  });
});
