import { isJsonObject } from '../../model/json.js';
import { objectsAt, stringAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/**
 * Telemetry tracing that names a mesh-config `lightstep` extension provider
 * (`LightstepAnalyzer`, istio/istio:pkg/config/analysis/analyzers/telemetry/lightstep.go@86c9f01f,
 * reported as IST0002 Deprecated).
 */
export const lightstepProviderRule: Rule = {
  id: 'telemetry/lightstep-provider',
  description:
    'Flags Telemetry tracing that uses a Lightstep extension provider of the mesh config.',
  inputs: ['Telemetry', 'MeshConfig'],
  messages: ['lightstepProviderUsed'],
  check(ctx) {
    const lightstep = new Set(
      objectsAt(ctx.options.meshConfig, 'extensionProviders')
        .filter((p) => isJsonObject(p['lightstep'] ?? null))
        .map((p) => stringAt(p, 'name') ?? ''),
    );
    if (lightstep.size === 0) {
      return;
    }
    for (const telemetry of ctx.ofKind('Telemetry')) {
      objectsAt(specOf(telemetry), 'tracing').forEach((tracing, i) => {
        objectsAt(tracing, 'providers').forEach((provider, j) => {
          const name = stringAt(provider, 'name') ?? '';
          if (lightstep.has(name)) {
            const path = fieldPath('spec', 'tracing', i, 'providers', j, 'name');
            ctx.report('lightstepProviderUsed', telemetry, path, { provider: name });
          }
        });
      });
    }
  },
};
