import type { JsonObject } from './json.js';

/**
 * Identity of an object across versions. The API *group* (not version) is part of it:
 * `networking.istio.io/v1` and `/v1beta1` are the same object (SEMANTICS §0).
 * `namespace` is '' for cluster-scoped kinds.
 */
export interface ResourceKey {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** Where a document came from, for located errors and findings. Lines and columns are 1-based. */
export interface SourceLocation {
  readonly file: string;
  /** 0-based index of the document inside its file (after empty documents are skipped: the raw index). */
  readonly document: number;
  readonly line: number;
  readonly column: number;
}

/** One normalised object of a snapshot. */
export interface Resource {
  readonly key: ResourceKey;
  readonly apiVersion: string;
  /** The object as stored: server-managed fields stripped, Secret values removed, namespace defaulted. */
  readonly body: JsonObject;
  /** False when meshlens has no schema for the kind: stored and flagged, not rejected. */
  readonly known: boolean;
  readonly source?: SourceLocation;
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Stable string id: `<group or core>/<Kind>/<namespace>/<name>`. */
export function resourceId(key: ResourceKey): string {
  return `${key.group === '' ? 'core' : key.group}/${key.kind}/${key.namespace}/${key.name}`;
}

/** Human form used in messages: `VirtualService default/reviews`. */
export function describeResource(key: ResourceKey): string {
  return key.namespace === ''
    ? `${key.kind} ${key.name}`
    : `${key.kind} ${key.namespace}/${key.name}`;
}

export function compareResourceKeys(a: ResourceKey, b: ResourceKey): number {
  return resourceId(a) < resourceId(b) ? -1 : resourceId(a) > resourceId(b) ? 1 : 0;
}
