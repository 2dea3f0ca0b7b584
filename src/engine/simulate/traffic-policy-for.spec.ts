import { describe, expect, it } from 'vitest';
import { abortsEveryRequest, faultNotes } from './fault-summary.js';
import { trafficPolicyFor } from './traffic-policy-for.js';

describe('R7 MergeTrafficPolicy', () => {
  const top = {
    loadBalancer: { simple: 'ROUND_ROBIN' },
    connectionPool: { tcp: { maxConnections: 10 } },
    portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'DISABLE' } }],
  };

  it('R7 nothing configured gives null', () => {
    expect(trafficPolicyFor(null, null, 80)).toBeNull();
  });

  it('R7 a matching port-level entry replaces the destination-level fields wholesale', () => {
    expect(trafficPolicyFor(top, null, 9080)).toEqual({ tls: { mode: 'DISABLE' } });
    expect(trafficPolicyFor(top, null, 80)).toEqual({
      connectionPool: { tcp: { maxConnections: 10 } },
      loadBalancer: { simple: 'ROUND_ROBIN' },
    });
  });

  it('R7 subset fields override the top-level ones one by one', () => {
    const subset = { loadBalancer: { simple: 'LEAST_REQUEST' } };
    expect(trafficPolicyFor(top, subset, 80)).toEqual({
      connectionPool: { tcp: { maxConnections: 10 } },
      loadBalancer: { simple: 'LEAST_REQUEST' },
    });
  });

  it("R7 the subset's own port-level entry comes last", () => {
    const subset = {
      tls: { mode: 'ISTIO_MUTUAL' },
      portLevelSettings: [{ port: { number: 80 }, loadBalancer: { simple: 'RANDOM' } }],
    };
    expect(trafficPolicyFor(top, subset, 80)).toEqual({ loadBalancer: { simple: 'RANDOM' } });
  });
});

describe('fault injection percentages (API virtual_service.proto)', () => {
  it('an abort aborts every request only at 100 %', () => {
    expect(abortsEveryRequest({ abort: { httpStatus: 500, percentage: { value: 100 } } })).toBe(
      true,
    );
    expect(abortsEveryRequest({ abort: { httpStatus: 500, percentage: { value: 50 } } })).toBe(
      false,
    );
    expect(abortsEveryRequest({ abort: { httpStatus: 500 } })).toBe(false);
    expect(abortsEveryRequest(null)).toBe(false);
  });

  it('partial aborts and delays become notes', () => {
    expect(
      faultNotes({
        abort: { httpStatus: 503, percentage: { value: 10 } },
        delay: { fixedDelay: '2s', percent: 50 },
      }),
    ).toEqual([
      'fault.abort aborts 10% of requests; the others are routed',
      'fault.delay adds 2s to 50% of requests',
    ]);
  });
});
