import { isJsonObject, type JsonValue } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { numberAt, objectAt, objectsAt, pathObject, stringAt } from '../shared/json.js';
import type { JsonObject } from '../../model/json.js';
import type { MessageName } from '../catalog.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

const ROUTE_LEVEL: ReadonlySet<string> = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
const REPLACEABLE: ReadonlySet<string> = new Set(['HTTP_FILTER', 'NETWORK_FILTER', 'VIRTUAL_HOST']);
const INSERTS: ReadonlySet<string> = new Set(['INSERT_BEFORE', 'INSERT_AFTER']);

/** The patched object's name: `value.name`, else the listener filter the patch matches. */
function instanceName(patch: JsonObject): string {
  const value = objectAt(patch, 'patch');
  const name: JsonValue | undefined = objectAt(value, 'value')?.['name'];
  if (name !== undefined) {
    return JSON.stringify(name);
  }
  return stringAt(pathObject(patch, 'match', 'listener', 'filterChain', 'filter'), 'name') ?? '';
}

type Verdict = MessageName | 'relative' | null;

function verdict(applyTo: string, operation: string): Verdict {
  switch (operation) {
    case 'ADD':
      return ROUTE_LEVEL.has(applyTo) ? 'envoyFilterAddMisused' : null;
    case 'REMOVE':
      return ROUTE_LEVEL.has(applyTo) ? 'envoyFilterRemoveMisused' : 'relative';
    case 'REPLACE':
      return REPLACEABLE.has(applyTo) ? 'relative' : 'envoyFilterReplaceMisused';
    default:
      return INSERTS.has(operation) ? 'relative' : null;
  }
}

/** Relative patches need a priority; a proxyVersion-matched filter name makes it IST0155. */
function relativeMessage(priority: number, isVersioned: boolean): MessageName | null {
  if (priority !== 0) {
    return null;
  }
  return isVersioned ? 'envoyFilterRelativeWithProxyVersion' : 'envoyFilterRelativeOperation';
}

/** Messages of one EnvoyFilter, first path per message; `versioned` grows with proxyVersion patches. */
function analyzeFilter(filter: Resource, versioned: Set<string>): Map<MessageName, string> {
  const spec = specOf(filter);
  const priority = numberAt(spec, 'priority') ?? 0;
  const out = new Map<MessageName, string>();
  for (const [i, patch] of objectsAt(spec, 'configPatches').entries()) {
    if (!isJsonObject(patch['patch'] ?? null)) {
      break;
    }
    const name = instanceName(patch);
    const result = verdict(
      stringAt(patch, 'applyTo') ?? '',
      stringAt(objectAt(patch, 'patch'), 'operation') ?? '',
    );
    const message = result === 'relative' ? relativeMessage(priority, versioned.has(name)) : result;
    if (message !== null && !out.has(message)) {
      out.set(message, fieldPath('spec', 'configPatches', i, 'patch', 'operation'));
    }
    if ((stringAt(pathObject(patch, 'match', 'proxy'), 'proxyVersion') ?? '') !== '') {
      versioned.add(name);
    }
  }
  return out;
}

/**
 * EnvoyFilter patch operations that Envoy ignores, or whose effect depends on filter order
 * (`EnvoyPatchAnalyzer`, istio/istio:pkg/config/analysis/analyzers/envoyfilter/envoyfilter.go@86c9f01f;
 * MERGE is not treated as relative, REPLACE also applies to virtual hosts). One finding per message
 * and EnvoyFilter, as istioctl dedupes its identical messages.
 */
export const patchOperationsRule: Rule = {
  id: 'envoy-filter/patch-operations',
  description:
    'Flags EnvoyFilter patches that are ignored or whose application order is undefined.',
  inputs: ['EnvoyFilter'],
  messages: [
    'envoyFilterRelativeOperation',
    'envoyFilterReplaceMisused',
    'envoyFilterAddMisused',
    'envoyFilterRemoveMisused',
    'envoyFilterRelativeWithProxyVersion',
  ],
  check(ctx) {
    const versioned = new Set<string>();
    for (const filter of ctx.ofKind('EnvoyFilter')) {
      for (const [message, path] of analyzeFilter(filter, versioned)) {
        ctx.report(message, filter, path, {});
      }
    }
  },
};
