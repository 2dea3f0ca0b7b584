import { describe, expect, it } from 'vitest';
import { unknownKindMessage } from './unknown-kind-message.js';

describe('the MESH0007 message of an unknown kind', () => {
  it.each([
    ['networking.istio.io/v1', 'VirtualServce', 'did you mean VirtualService?'],
    ['networking.istio.io/v1', 'virtualservice', 'did you mean VirtualService?'],
    ['security.istio.io/v1', 'PeerAuthentications', 'did you mean PeerAuthentication?'],
  ])('%s %s: names the nearest Istio kind', (apiVersion, kind, hint) => {
    const message = unknownKindMessage(apiVersion, kind);
    expect(message).toContain(`No Istio CRD defines ${kind} in ${apiVersion.split('/')[0] ?? ''}`);
    expect(message).toContain(hint);
  });

  it('says no CRD defines a far-off kind in an Istio group, without a guess', () => {
    const message = unknownKindMessage('networking.istio.io/v1', 'TrafficSplitter');
    expect(message).toContain('so an API server refuses it');
    expect(message).not.toContain('did you mean');
  });

  it('keeps the plain message for other groups (CRDs meshlens does not know)', () => {
    expect(unknownKindMessage('argoproj.io/v1alpha1', 'Rollout')).toBe(
      'no schema is known for argoproj.io/v1alpha1 Rollout: stored without validation',
    );
  });
});
