import { isJsonObject, type JsonObject } from '../model/json.js';
import { err, ok, type Result } from '../model/result.js';
import type { PathSegment } from '../diff/field-path.js';

/** What every object must say about itself (MESH0002 when it does not). */
export interface ObjectIdentity {
  readonly apiVersion: string;
  /** '' for the core group (`apiVersion: v1`). */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  /** metadata.namespace when given and non-empty. */
  readonly namespace: string | null;
}

export interface IdentityProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

function required(path: PathSegment[], what: string): Result<never, IdentityProblem> {
  const field = path.join('.');
  return err({ path, message: `${field}: Required value: every object needs ${what}` });
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/** Reads apiVersion, kind, metadata.name and metadata.namespace, refusing documents without them. */
export function readIdentity(
  value: unknown,
): Result<{ readonly object: JsonObject; readonly identity: ObjectIdentity }, IdentityProblem> {
  if (!isJsonObject(value)) {
    const got = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return err({
      path: [],
      message: `a document must be an object (a Kubernetes resource), not ${got}`,
    });
  }
  const { apiVersion, kind, metadata } = value;
  if (!nonEmptyString(apiVersion)) {
    return required(['apiVersion'], 'a string apiVersion');
  }
  if (!nonEmptyString(kind)) {
    return required(['kind'], 'a string kind');
  }
  if (!isJsonObject(metadata)) {
    return required(['metadata'], 'metadata with a name');
  }
  const { name, namespace } = metadata;
  if (!nonEmptyString(name)) {
    return required(['metadata', 'name'], 'a string metadata.name');
  }
  if (!isOptionalString(namespace)) {
    return err({
      path: ['metadata', 'namespace'],
      message: 'metadata.namespace: Invalid value: must be a string',
    });
  }
  const slash = apiVersion.indexOf('/');
  const identity: ObjectIdentity = {
    apiVersion,
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind,
    name,
    namespace: nonEmptyString(namespace) ? namespace : null,
  };
  return ok({ object: value, identity });
}
