import { describe, expect, it } from 'vitest';
import {
  app,
  gatewayProxy,
  graphOf,
  istioObject,
  virtualService,
  yamlOf,
} from '../../testing/mesh-builders.js';
import { routesFor } from '../routing/routes-for.js';
import { stringMatchConflict } from '../../match/delegate-merge.js';

const gw = istioObject('Gateway', 'web', 'gw', {
  selector: { istio: 'ingressgateway' },
  servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
});

function root(delegate: Record<string, string>, extra: Record<string, unknown> = {}) {
  return virtualService('web', 'root', {
    hosts: ['shop.example.com'],
    gateways: ['gw', 'mesh'],
    http: [
      {
        name: 'users',
        match: [{ uri: { prefix: '/users' } }],
        delegate,
        timeout: '5s',
        retries: { attempts: 3 },
        ...extra,
      },
      { name: 'rest', route: [{ destination: { host: 'shop' } }] },
    ],
  });
}

const delegateVs = (ns: string, spec: Record<string, unknown> = {}) =>
  virtualService(ns, 'users', {
    http: [
      {
        name: 'list',
        match: [{ uri: { prefix: '/users/list' } }],
        route: [{ destination: { host: 'users' } }],
      },
      {
        name: 'elsewhere',
        match: [{ uri: { prefix: '/orders' } }],
        route: [{ destination: { host: 'users' } }],
      },
      { route: [{ destination: { host: 'users' } }], timeout: '1s' },
    ],
    ...spec,
  });

const base = [
  gatewayProxy('istio-system', 'ingress'),
  gw,
  ...app('web', 'shop', ['v1']),
  ...app('accounts', 'users', ['v1']),
];
const viaGateway = { kind: 'gateway', gateway: 'web/gw' } as const;

// mergeVirtualServicesIfNeeded / mergeHTTPRoute / hasConflict / stringMatchConflict (P/model/virtualservice.go).
describe('R6 VirtualService delegation', () => {
  it('R6 delegate rules replace the root rule, with merged matches, joined names and inherited fields', () => {
    const graph = graphOf(
      yamlOf(...base, root({ name: 'users', namespace: 'accounts' }), delegateVs('accounts')),
    );
    const table = routesFor(graph, viaGateway, 'shop.example.com', 80);
    expect(table.http.map((r) => r.ref)).toEqual([
      'web/root#http[0]>http[0]',
      'web/root#http[0]>http[2]',
      'web/root#http[1]',
    ]);
    const [list, fallback] = table.http;
    expect(list?.name).toBe('users-list');
    expect(list?.delegate).toEqual({ namespace: 'accounts', name: 'users' });
    expect(list?.matches.map((m) => m.raw['uri'])).toEqual([{ prefix: '/users/list' }]);
    // Inherited from the root when the delegate leaves them unset; kept when it sets them.
    expect(list?.timeout).toBe('5s');
    expect(list?.retries).toEqual({ attempts: 3 });
    expect(fallback?.timeout).toBe('1s');
    expect(fallback?.matches.map((m) => m.raw['uri'])).toEqual([{ prefix: '/users' }]);
    expect(graph.virtualServices.byId.get('web/root')?.notes).toEqual([
      "http[0]>http[1] dropped (R6): delegate match[0] conflicts with the root: uri does not fall inside the root's",
    ]);
  });

  it('R6 delegate destinations expand with the delegate namespace', () => {
    const graph = graphOf(
      yamlOf(...base, root({ name: 'users', namespace: 'accounts' }), delegateVs('accounts')),
    );
    const table = routesFor(graph, viaGateway, 'shop.example.com', 80);
    expect(table.http[0]?.destinations[0]?.host).toBe('users.accounts.svc.cluster.local');
    expect(table.http[0]?.destinations[0]?.service?.namespace).toBe('accounts');
  });

  it('R6 delegate namespace defaults to the root namespace', () => {
    const graph = graphOf(yamlOf(...base, root({ name: 'users' }), delegateVs('web')));
    expect(routesFor(graph, viaGateway, 'shop.example.com', 80).http[0]?.delegate).toEqual({
      namespace: 'web',
      name: 'users',
    });
  });

  it('R6 a missing or unexported delegate drops only that rule', () => {
    const missing = graphOf(yamlOf(...base, root({ name: 'nope', namespace: 'accounts' })));
    expect(routesFor(missing, viaGateway, 'shop.example.com', 80).http.map((r) => r.ref)).toEqual([
      'web/root#http[1]',
    ]);
    expect(missing.virtualServices.byId.get('web/root')?.notes[0]).toContain('not found');
    const hidden = graphOf(
      yamlOf(
        ...base,
        root({ name: 'users', namespace: 'accounts' }),
        delegateVs('accounts', { exportTo: ['.'] }),
      ),
    );
    expect(routesFor(hidden, viaGateway, 'shop.example.com', 80).http.map((r) => r.ref)).toEqual([
      'web/root#http[1]',
    ]);
    expect(hidden.virtualServices.byId.get('web/root')?.notes[0]).toContain('not exported to web');
  });

  it('R6 a root sourceNamespace must be repeated in the delegate', () => {
    const rootVs = virtualService('web', 'root', {
      hosts: ['shop.example.com'],
      http: [
        {
          match: [{ uri: { prefix: '/users' }, sourceNamespace: 'web' }],
          delegate: { name: 'users', namespace: 'accounts' },
        },
      ],
    });
    const leaf = (sourceNamespace?: string) =>
      virtualService('accounts', 'users', {
        http: [
          {
            match: [
              {
                uri: { prefix: '/users/a' },
                ...(sourceNamespace === undefined ? {} : { sourceNamespace }),
              },
            ],
            route: [{ destination: { host: 'users' } }],
          },
        ],
      });
    const without = graphOf(yamlOf(...base, rootVs, leaf()));
    expect(without.virtualServices.byId.get('web/root')?.http).toEqual([]);
    const repeated = graphOf(yamlOf(...base, rootVs, leaf('web')));
    expect(repeated.virtualServices.byId.get('web/root')?.http.map((r) => r.rule)).toEqual([
      'http[0]>http[0]',
    ]);
  });

  // initVirtualServices resolves short names before mergeVirtualServicesIfNeeded
  // (P/model/push_context.go), so a delegate's `gw` is `<delegate ns>/gw`; hasConflict wants the
  // delegate's gateways to be a subset of the root's, and no more of them (P/model/virtualservice.go).
  it('R6 delegate match gateways resolve in the delegate namespace, then must be a subset of the root', () => {
    const rootVs = virtualService('web', 'root', {
      hosts: ['shop.example.com'],
      gateways: ['gw', 'mesh'],
      http: [
        {
          match: [{ uri: { prefix: '/users' }, gateways: ['gw'] }],
          delegate: { name: 'users', namespace: 'accounts' },
        },
      ],
    });
    const leaf = (gateways: string[]) =>
      virtualService('accounts', 'users', {
        http: [
          {
            match: [{ uri: { prefix: '/users/a' }, gateways }],
            route: [{ destination: { host: 'users' } }],
          },
        ],
      });
    const rulesWith = (gateways: string[]) => {
      const vs = graphOf(yamlOf(...base, gw, rootVs, leaf(gateways))).virtualServices.byId;
      return vs.get('web/root');
    };
    const qualified = rulesWith(['web/gw']);
    expect(qualified?.http.map((r) => r.rule)).toEqual(['http[0]>http[0]']);
    expect(qualified?.http[0]?.matches[0]?.gateways).toEqual(['web/gw']);
    expect(rulesWith(['gw'])?.http).toEqual([]);
    expect(rulesWith(['gw'])?.notes).toEqual([
      "http[0]>http[0] dropped (R6): delegate match[0] conflicts with the root: gateways [accounts/gw] are not a subset of the root's [web/gw]",
    ]);
    expect(rulesWith(['web/gw', 'web/gw'])?.http).toEqual([]); // more gateways than the root
  });

  it('R6 delegation applies to sidecars as well as gateways', () => {
    const graph = graphOf(
      yamlOf(...base, root({ name: 'users', namespace: 'accounts' }), delegateVs('accounts')),
    );
    const sidecar = routesFor(
      graph,
      { kind: 'anonymous', namespace: 'web' },
      'shop.example.com',
      80,
    );
    expect(sidecar.http.map((r) => r.rule)).toEqual([
      'http[0]>http[0]',
      'http[0]>http[2]',
      'http[1]',
    ]);
  });

  it('R6 string match conflicts: prefix must extend, exact must start with the prefix, regex conflicts', () => {
    expect(stringMatchConflict({ prefix: '/a' }, { prefix: '/a/b' })).toBe(false);
    expect(stringMatchConflict({ prefix: '/a/b' }, { prefix: '/a' })).toBe(true);
    expect(stringMatchConflict({ prefix: '/a' }, { exact: '/a/x' })).toBe(false);
    expect(stringMatchConflict({ exact: '/a' }, { exact: '/a' })).toBe(false);
    expect(stringMatchConflict({ exact: '/a' }, { prefix: '/a' })).toBe(true);
    expect(stringMatchConflict({ prefix: '/a' }, { regex: '/a.*' })).toBe(true);
    expect(stringMatchConflict({ regex: '/a.*' }, { exact: '/a' })).toBe(true);
    expect(stringMatchConflict(null, { regex: '.*' })).toBe(false);
  });
});
