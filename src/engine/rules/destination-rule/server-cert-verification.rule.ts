import { numberAt, objectAt, objectsAt, pathObject, stringAt } from '../shared/json.js';
import type { JsonObject } from '../../model/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, fullName, specOf } from '../shared/resource-fields.js';

function unverifiedMode(tls: JsonObject | null): string | null {
  const mode = stringAt(tls, 'mode');
  const hasCa = (stringAt(tls, 'caCertificates') ?? '') !== '';
  return (mode === 'SIMPLE' || mode === 'MUTUAL') && !hasCa ? mode : null;
}

/**
 * SIMPLE/MUTUAL TLS origination without `caCertificates` (`CaCertificateAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/destinationrule/ca-certificates.go@86c9f01f), at the
 * destination level and per port.
 */
export const serverCertVerificationRule: Rule = {
  id: 'destination-rule/server-cert-verification',
  description:
    'Flags DestinationRules that originate TLS without a CA to verify the server certificate.',
  inputs: ['DestinationRule'],
  subject: 'DestinationRule',
  messages: ['noServerCertVerification', 'noServerCertVerificationPort'],
  check(ctx) {
    for (const dr of ctx.ofKind('DestinationRule')) {
      const spec = specOf(dr);
      const policy = objectAt(spec, 'trafficPolicy');
      const base = {
        destinationRule: fullName(dr),
        namespace: dr.key.namespace,
        host: stringAt(spec, 'host') ?? '',
      };
      const mode = unverifiedMode(objectAt(policy, 'tls'));
      if (mode !== null) {
        ctx.report('noServerCertVerification', dr, 'spec.trafficPolicy.tls', { ...base, mode });
      }
      objectsAt(policy, 'portLevelSettings').forEach((settings, i) => {
        const portMode = unverifiedMode(objectAt(settings, 'tls'));
        if (portMode !== null) {
          const port = `number:${numberAt(pathObject(settings, 'port'), 'number') ?? 0}`;
          const path = fieldPath('spec', 'trafficPolicy', 'portLevelSettings', i, 'tls');
          ctx.report('noServerCertVerificationPort', dr, path, { ...base, mode: portMode, port });
        }
      });
    }
  },
};
