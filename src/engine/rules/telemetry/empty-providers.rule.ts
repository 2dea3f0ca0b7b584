import { objectsAt, pathObject, stringsAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/**
 * Access logging entries without providers are ignored unless the mesh config names default
 * access log providers (`ProviderAnalyzer`, istio/istio:pkg/config/analysis/analyzers/telemetry/
 * providers.go@86c9f01f). One finding per Telemetry, as istioctl dedupes its identical messages.
 */
export const emptyProvidersRule: Rule = {
  id: 'telemetry/empty-providers',
  description:
    'Flags Telemetry access logging entries that name no provider when the mesh has no default.',
  inputs: ['Telemetry', 'MeshConfig'],
  messages: ['telemetryEmptyProviders'],
  check(ctx) {
    if (
      stringsAt(pathObject(ctx.options.meshConfig, 'defaultProviders'), 'accessLogging').length > 0
    ) {
      return;
    }
    for (const telemetry of ctx.ofKind('Telemetry')) {
      const index = objectsAt(specOf(telemetry), 'accessLogging').findIndex(
        (entry) => objectsAt(entry, 'providers').length === 0,
      );
      if (index >= 0) {
        const { name, namespace } = telemetry.key;
        const path = fieldPath('spec', 'accessLogging', index);
        ctx.report('telemetryEmptyProviders', telemetry, path, { name, namespace });
      }
    }
  },
};
