import type { PathSegment } from '../diff/field-path.js';

/** One way an object breaks its schema, worded as the Kubernetes API server words it. */
export interface SchemaViolation {
  /** Path from the object root, e.g. ['spec', 'http', 0, 'route', 1, 'weight']. */
  readonly path: readonly PathSegment[];
  /** Full message including the field path, e.g. `spec.hosts: Required value`. */
  readonly message: string;
}
