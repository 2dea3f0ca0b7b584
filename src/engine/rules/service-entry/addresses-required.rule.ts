import { objectsAt, pathObject, stringAt } from '../shared/json.js';
import type { JsonObject } from '../../model/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/** DNS capture with auto-allocation gives every ServiceEntry a virtual IP (mesh config). */
function autoAllocates(meshConfig: JsonObject): boolean {
  const metadata = pathObject(meshConfig, 'defaultConfig', 'proxyMetadata');
  return (
    stringAt(metadata, 'ISTIO_META_DNS_CAPTURE') === 'true' &&
    stringAt(metadata, 'ISTIO_META_DNS_AUTO_ALLOCATE') === 'true'
  );
}

/**
 * TCP (or protocol-less) ServiceEntry ports need `addresses` unless DNS auto-allocation is on
 * (`ProtocolAddressesAnalyzer`, istio/istio:pkg/config/analysis/analyzers/serviceentry/
 * protocoladdresses.go@86c9f01f). One finding per ServiceEntry, as istioctl dedupes them.
 */
export const addressesRequiredRule: Rule = {
  id: 'service-entry/addresses-required',
  description:
    'Flags ServiceEntries with TCP ports and no addresses when DNS auto-allocation is off.',
  inputs: ['ServiceEntry', 'MeshConfig'],
  messages: ['serviceEntryAddressesRequired'],
  check(ctx) {
    if (autoAllocates(ctx.options.meshConfig)) {
      return;
    }
    for (const entry of ctx.ofKind('ServiceEntry')) {
      const spec = specOf(entry);
      if (Array.isArray(spec?.['addresses'])) {
        continue;
      }
      const index = objectsAt(spec, 'ports').findIndex((port) => {
        const protocol = (stringAt(port, 'protocol') ?? '').toUpperCase();
        return protocol === '' || protocol === 'TCP';
      });
      if (index >= 0) {
        ctx.report('serviceEntryAddressesRequired', entry, fieldPath('spec', 'ports', index), {});
      }
    }
  },
};
