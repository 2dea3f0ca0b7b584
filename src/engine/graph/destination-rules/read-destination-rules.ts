import type { Resource } from '../../model/resource.js';
import { parseExportTo } from '../hosts/export-to.js';
import { resolveShortName } from '../hosts/short-name.js';
import type { MeshConfigView } from '../mesh-config/mesh-config.js';
import type { DestinationRuleInfo } from '../types/destination-rule.js';
import { objectAt, objectsAt, stringAt, stringMapAt, stringsAt } from '../util/json.js';
import { isSelectorEmpty } from '../util/labels.js';

export function readDestinationRule(
  resource: Resource,
  mesh: MeshConfigView,
  clusterDomain: string,
): DestinationRuleInfo {
  const { namespace, name } = resource.key;
  const id = `${namespace}/${name}`;
  const spec = objectAt(resource.body, 'spec');
  const selector = stringMapAt(objectAt(spec, 'workloadSelector'), 'matchLabels');
  const hasSelector = objectAt(spec, 'workloadSelector') !== null;
  // A DestinationRule with a workloadSelector is forced private (`setDestinationRules`, P/model/push_context.go).
  const exportValues = hasSelector ? ['.'] : stringsAt(spec, 'exportTo');
  return {
    key: resource.key,
    id,
    namespace,
    host: resolveShortName(stringAt(spec, 'host') ?? '', namespace, clusterDomain),
    exportTo: parseExportTo(exportValues, namespace, mesh.defaultDestinationRuleExportTo),
    selector: hasSelector ? (isSelectorEmpty(selector) ? {} : selector) : null,
    subsets: objectsAt(spec, 'subsets').map((subset) => ({
      name: stringAt(subset, 'name') ?? '',
      labels: stringMapAt(subset, 'labels'),
      trafficPolicy: objectAt(subset, 'trafficPolicy'),
      definedBy: id,
    })),
    trafficPolicy: objectAt(spec, 'trafficPolicy'),
    createdAt: stringAt(objectAt(resource.body, 'metadata'), 'creationTimestamp'),
  };
}

export function readDestinationRules(
  resources: readonly Resource[],
  mesh: MeshConfigView,
  clusterDomain: string,
): DestinationRuleInfo[] {
  return resources
    .filter((r) => r.key.group === 'networking.istio.io' && r.key.kind === 'DestinationRule')
    .map((r) => readDestinationRule(r, mesh, clusterDomain));
}
