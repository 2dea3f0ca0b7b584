import { formatFieldPath, type PathSegment } from './field-path.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { objectAt, stringMapAt } from './json.js';
import type { Labels } from '../../graph/util/labels.js';

export function specOf(resource: Resource): JsonObject | null {
  return objectAt(resource.body, 'spec');
}

export function metadataOf(resource: Resource): JsonObject | null {
  return objectAt(resource.body, 'metadata');
}

export function labelsOf(resource: Resource): Labels {
  return stringMapAt(metadataOf(resource), 'labels');
}

export function annotationsOf(resource: Resource): Labels {
  return stringMapAt(metadataOf(resource), 'annotations');
}

/** A field path in the Kubernetes style (`spec.http[0].route[1].destination`). */
export function fieldPath(...segments: readonly PathSegment[]): string {
  return formatFieldPath(segments);
}

/** `namespace/name`, or `name` for cluster-scoped objects, as Istio prints full names. */
export function fullName(resource: Resource): string {
  return resource.key.namespace === ''
    ? resource.key.name
    : `${resource.key.namespace}/${resource.key.name}`;
}
