import type { JsonObject } from '../model/json.js';
import { findIstioKind, ISTIO_GROUPS } from './istio-crd-catalog.js';
import type { SchemaViolation } from './schema-violation.js';
import { isCoreKind, validateCoreObject } from './validate-core-object.js';
import { validateIstioObject } from './validate-istio-object.js';
import { validateMetadata, type NameRule } from './validate-metadata.js';

/** The type of an object, as its apiVersion and kind give it. */
export interface ObjectType {
  readonly apiVersion: string;
  /** '' for the core group (`apiVersion: v1`). */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export type SchemaVerdict =
  | { readonly status: 'valid' }
  /** No schema is known for the kind: store it, flag it, do not reject it. */
  | { readonly status: 'unknown-kind' }
  /** A known Istio kind in a version its CRD does not serve. */
  | { readonly status: 'unsupported-version'; readonly served: readonly string[] }
  /** Every violation found (at least one), in the order the API server lists them. */
  | { readonly status: 'invalid'; readonly violations: readonly SchemaViolation[] };

function nameRuleOf(type: ObjectType, isIstio: boolean): NameRule {
  if (isIstio) {
    return 'subdomain'; // custom resources: NameIsDNSSubdomain
  }
  if (type.group === '' && type.kind === 'Service') {
    return 'dns1035';
  }
  return type.group === '' && type.kind === 'Namespace' ? 'label' : 'path-segment';
}

function verdictOf(
  metadata: SchemaViolation | null,
  schema: readonly SchemaViolation[],
): SchemaVerdict {
  const violations = metadata === null ? schema : [metadata, ...schema];
  return violations.length === 0 ? { status: 'valid' } : { status: 'invalid', violations };
}

function validateIstio(object: JsonObject, type: ObjectType): SchemaVerdict {
  const crd = findIstioKind(type.group, type.kind);
  if (crd === undefined) {
    return { status: 'unknown-kind' };
  }
  const version = crd.versions.find((candidate) => candidate.name === type.version);
  if (version?.served !== true) {
    const served = crd.versions
      .filter((candidate) => candidate.served)
      .map((candidate) => candidate.name);
    return { status: 'unsupported-version', served };
  }
  const metadata = validateMetadata(object, nameRuleOf(type, true));
  return verdictOf(metadata, validateIstioObject(object, version.schema));
}

/**
 * Validates one object against the schema meshlens knows for its type: Istio's CRDs for the Istio
 * groups, kubernetes-models for core Kubernetes kinds; ObjectMeta is checked for every kind.
 */
export function validateObject(object: JsonObject, type: ObjectType): SchemaVerdict {
  if (ISTIO_GROUPS.has(type.group)) {
    return validateIstio(object, type);
  }
  const metadata = validateMetadata(object, nameRuleOf(type, false));
  if (!isCoreKind(type.apiVersion, type.kind)) {
    return metadata === null ? { status: 'unknown-kind' } : verdictOf(metadata, []);
  }
  return verdictOf(metadata, validateCoreObject(object, type.apiVersion, type.kind));
}
