import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { imageAutoInjectionRule } from './image-auto-injection.rule.js';

const fixture = fixtureReader(import.meta.url, 'image-auto-injection');

const gateway = `apiVersion: apps/v1
kind: Deployment
metadata: {name: gw, namespace: edge}
spec:
  template:
    spec:
      containers: [{name: istio-proxy, image: auto}]`;

describe('workload/image-auto-injection (IST0146, IST0147)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-injected.yaml', expected: [] },
    {
      fixture: 'bad-auto-image.yaml',
      expected: [
        'MESH1217 CronJob ingress/report spec.jobTemplate.spec.template.spec.containers[0].image',
        'MESH1217 Deployment ingress/ingressgateway spec.template.spec.containers[1].image',
        'MESH1217 Pod ingress/manual-gateway spec.containers[0].image',
        'MESH1218 Pod ingress/ingressgateway-abc spec.containers[0].image',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(imageAutoInjectionRule, fixture(name))).toEqual([...expected].sort());
  });

  it('without any Istio injection webhook every placeholder template is reported', () => {
    expect(findingsOf(imageAutoInjectionRule, gateway)).toEqual([
      'MESH1217 Deployment edge/gw spec.template.spec.containers[0].image',
    ]);
  });

  it('a webhook without selectors selects every pod', () => {
    const webhook = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: {name: istio-sidecar-injector}
webhooks: [{name: rev.namespace.sidecar-injector.istio.io}]`;
    expect(findingsOf(imageAutoInjectionRule, `${webhook}\n---\n${gateway}`)).toEqual([]);
  });
});
