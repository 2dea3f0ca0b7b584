import { numberAt, objectAt, objectsAt, pathObject, stringAt } from '../shared/json.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import { POD_TEMPLATE_KINDS } from '../kinds.js';
import { labelsOf } from '../shared/resource-fields.js';

const PROXY_UID = 1337;
const EXEMPT_CONTAINERS: ReadonlySet<string> = new Set(['istio-proxy', 'istio-operator']);

/** Path from the object to its pod spec, per kind. */
function podSpecPath(resource: Resource): readonly string[] {
  switch (resource.key.kind) {
    case 'Pod':
      return ['spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return ['spec', 'template', 'spec'];
  }
}

/** `util.IsIstioControlPlane`: labelled `istio=*` or `release=istio`. */
function isControlPlane(resource: Resource): boolean {
  const labels = labelsOf(resource);
  return labels['istio'] !== undefined || labels['release'] === 'istio';
}

function runsAsProxy(securityContext: JsonObject | null): boolean {
  return numberAt(securityContext, 'runAsUser') === PROXY_UID;
}

/** Paths of the security contexts that set UID 1337. */
function offendingPaths(podSpec: JsonObject | null, base: string): string[] {
  const out: string[] = [];
  if (runsAsProxy(objectAt(podSpec, 'securityContext'))) {
    out.push(`${base}.securityContext.runAsUser`);
  }
  objectsAt(podSpec, 'containers').forEach((container, i) => {
    const name = stringAt(container, 'name') ?? '';
    if (!EXEMPT_CONTAINERS.has(name) && runsAsProxy(objectAt(container, 'securityContext'))) {
      out.push(`${base}.containers[${i}].securityContext.runAsUser`);
    }
  });
  return out;
}

/**
 * One finding per object (istioctl dedupes its identical messages), at the first offending field.
 * Application pods must not run as UID 1337, the proxy's UID (`ApplicationUIDAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/deployment/pod.go@86c9f01f). Istio reads Pods and
 * Deployments; every pod template is read here (SEMANTICS §2).
 */
export const applicationUidRule: Rule = {
  id: 'workload/application-uid',
  description: 'Flags pods and pod templates whose application containers run as UID 1337.',
  inputs: ['Workload'],
  messages: ['applicationUid1337'],
  check(ctx) {
    for (const kind of POD_TEMPLATE_KINDS) {
      for (const resource of ctx.ofKind(kind)) {
        if (isControlPlane(resource)) {
          continue;
        }
        const path = podSpecPath(resource);
        const [first] = offendingPaths(pathObject(resource.body, ...path), path.join('.'));
        if (first !== undefined) {
          ctx.report('applicationUid1337', resource, first, {});
        }
      }
    }
  },
};
