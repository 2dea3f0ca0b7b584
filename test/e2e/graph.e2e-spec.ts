import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderYaml, SCENARIOS_DIR } from '../support/corpus.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

let t: TestApp;
const env = uniqueEnvironment('graph');

beforeAll(async () => {
  t = await startTestApp();
  const canary = join(SCENARIOS_DIR, '01-canary-10-percent');
  for (const side of ['before', 'after']) {
    const res = await request(t.server)
      .post(`/api/v1/environments/${env}/versions`)
      .set('content-type', 'application/yaml')
      .send(folderYaml(join(canary, side)));
    expect(res.status).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

const gql = (query: string, variables: Record<string, unknown> = {}) =>
  request(t.server).post('/graphql').send({ query, variables });

describe('graph over GraphQL', () => {
  it('answers services, workloads, gateways with exposures, routes and reachability of one version', async () => {
    const res = await gql(
      `query($env: String!) { graph(environment: $env, version: 1) {
          version notes hosts
          services(namespace: "default", first: 2) { totalCount pageInfo { hasNextPage } edges { node { hostname ports { number protocol } workloads } } }
          workloads(namespace: "default") { totalCount edges { node { id inMesh isReachable identity } } }
          gateways { id proxies servers { port protocol hosts } exposures { host port } }
          virtualServices(namespace: "default") { id hosts gateways }
          destinationRules(namespace: "default") { id host subsets }
          routes(host: "reviews") { proxy port status http { ref destinations { host subset weight } } }
          reachability(from: "default/productpage-v1") { totalCount edges { node { from to reason } } }
          unreachableWorkloads
      } }`,
      { env },
    );
    expect(res.body.errors).toBeUndefined();
    const g = res.body.data.graph;
    expect(g.version).toBe(1);
    expect(g.hosts).toContain('reviews.default.svc.cluster.local');
    expect(g.services.totalCount).toBe(4);
    expect(g.services.pageInfo.hasNextPage).toBe(true);
    const reviewsV2 = g.workloads.edges.find(
      (e: { node: { id: string } }) => e.node.id === 'default/reviews-v2',
    ).node;
    expect(reviewsV2).toMatchObject({
      inMesh: true,
      isReachable: false,
      identity: 'spiffe://cluster.local/ns/default/sa/bookinfo-reviews',
    });
    expect(g.gateways).toEqual([
      expect.objectContaining({
        id: 'default/bookinfo-gateway',
        proxies: ['istio-system/istio-ingressgateway'],
        exposures: [{ host: '*', port: 8080 }],
      }),
    ]);
    expect(g.routes).toEqual([
      expect.objectContaining({
        port: 9080,
        status: 'routed',
        http: [
          {
            ref: 'default/reviews#http[0]',
            destinations: [
              { host: 'reviews.default.svc.cluster.local', subset: 'v1', weight: 100 },
            ],
          },
        ],
      }),
    ]);
    const targets = g.reachability.edges.map((e: { node: { to: string } }) => e.node.to);
    expect(targets).toEqual(expect.arrayContaining(['default/reviews-v1', 'default/details-v1']));
    expect(targets).not.toContain('default/reviews-v2');
    expect(g.unreachableWorkloads).toEqual(
      expect.arrayContaining(['default/reviews-v2', 'default/reviews-v3']),
    );
  });

  it('simulates a request against a stored version (GraphQL and REST give the same trace)', async () => {
    const request1 = {
      from: 'default/productpage-v1',
      host: 'reviews',
      port: 9080,
      path: '/reviews/0',
    };
    const res = await gql(
      `query($env: String!, $r: SimulateRequestInput!) { simulate(environment: $env, version: 2, request: $r) }`,
      { env, r: request1 },
    );
    expect(res.body.errors).toBeUndefined();
    const trace = res.body.data.simulate;
    expect(trace).toMatchObject({
      schemaVersion: 1,
      outcome: 'route',
      match: { virtualService: 'default/reviews', rule: 'http[0]' },
    });
    expect(
      trace.destinations.map((d: { subset: string; weight: number }) => [d.subset, d.weight]),
    ).toEqual([
      ['v1', 90],
      ['v2', 10],
    ]);
    const rest = await request(t.server)
      .post(`/api/v1/environments/${env}/simulate?version=2`)
      .send(request1);
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(trace);
  });

  it('rejects a bad simulate source with 400', async () => {
    const rest = await request(t.server)
      .post(`/api/v1/environments/${env}/simulate`)
      .send({ from: 'nowhere', host: 'reviews' });
    expect(rest.status).toBe(400);
    expect(rest.body.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('reachability over REST', () => {
  it('lists the edges to a workload at a version', async () => {
    const v1 = await request(t.server).get(
      `/api/v1/environments/${env}/reachability?version=1&to=default/reviews-v2`,
    );
    expect(v1.status).toBe(200);
    expect(v1.body.edges).toEqual([]);
    const v2 = await request(t.server).get(
      `/api/v1/environments/${env}/reachability?version=2&to=default/reviews-v2`,
    );
    expect(v2.body.edges.map((e: { from: string }) => e.from)).toContain('default/productpage-v1');
    expect(v2.body.unreachableWorkloads).not.toContain('default/reviews-v2');
  });

  it('answers an unknown from or to as simulate does: 400 UNKNOWN_WORKLOAD', async () => {
    const reach = (query: string) =>
      request(t.server).get(`/api/v1/environments/${env}/reachability?${query}`);
    const simulated = await request(t.server)
      .post(`/api/v1/environments/${env}/simulate`)
      .send({ from: 'nope/x', host: 'reviews' });
    expect(simulated.status).toBe(400);
    expect(simulated.body.error.simulateCode).toBe('UNKNOWN_WORKLOAD');
    for (const query of ['from=nope/x', 'to=nope/x', 'from=default/productpage-v1&to=nope/x']) {
      const res = await reach(query);
      expect(res.status, query).toBe(400);
      expect(res.body, query).toEqual(simulated.body);
    }
    const gateway = await reach('from=external:default/nope');
    expect(gateway.status).toBe(400);
    expect(gateway.body.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: 'Gateway default/nope is not in the snapshot',
      simulateCode: 'UNKNOWN_GATEWAY',
    });
    const known = await reach('from=external:default/bookinfo-gateway');
    expect(known.status).toBe(200);
    expect(known.body.edges.length).toBeGreaterThan(0);
  });

  it('answers an unknown from as a GraphQL BAD_USER_INPUT error', async () => {
    const res = await gql(
      `query($env: String!) { graph(environment: $env) { reachability(from: "nope/x") { totalCount } } }`,
      { env },
    );
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toBe('workload nope/x is not in the snapshot');
  });
});
