import type { InputError } from '../model/input-error.js';
import type { JsonObject } from '../model/json.js';
import {
  describeResource,
  resourceId,
  type Resource,
  type ResourceKey,
  type SourceLocation,
} from '../model/resource.js';
import { normalizeResource } from '../normalize/normalize-resource.js';
import { isClusterScoped } from '../schema/resource-scope.js';
import type { SchemaViolation } from '../schema/schema-violation.js';
import { validateObject } from '../schema/validate-object.js';
import { expandLists, type ListedObject } from './expand-lists.js';
import { formatFieldPath, type PathSegment } from '../diff/field-path.js';
import type { InputCodeName } from './input-codes.js';
import { INPUT_CODES } from './input-codes.js';
import { makeInputError } from './input-error-factory.js';
import type { InputWarning } from './input-warning.js';
import { inspectDocument } from './inspect-document.js';
import type { LoadedDocument } from './load-documents.js';
import { locatePath } from './locate-path.js';
import type { ParseLimits } from './parse-options.js';
import { readIdentity, type ObjectIdentity } from './read-identity.js';
import { unknownKindMessage } from './unknown-kind-message.js';

/** The first violation, and the others as the API server lists them after it. */
function describeViolations(
  first: SchemaViolation | undefined,
  others: readonly SchemaViolation[],
): string {
  const head = first?.message ?? 'invalid object';
  return others.length === 0
    ? head
    : `${head} (and ${others.length} more: ${others.map((item) => item.message).join('; ')})`;
}

/** Accumulates the objects of a snapshot; every add returns the error that rejects it, or null. */
export class SnapshotBuilder {
  readonly resources: Resource[] = [];
  readonly warnings: InputWarning[] = [];
  private readonly seen = new Map<string, SourceLocation>();

  constructor(
    private readonly defaultNamespace: string,
    private readonly limits: Required<ParseLimits>,
  ) {}

  addDocument(document: LoadedDocument): InputError | null {
    const problem = inspectDocument(document.value, this.limits, document.segment.text);
    if (problem !== null) {
      return this.fail(problem.code, document, problem.path, problem.message);
    }
    for (const listed of expandLists(document.value)) {
      if (this.resources.length >= this.limits.maxDocuments) {
        const message = `more than ${this.limits.maxDocuments} objects in the snapshot`;
        return this.fail('limitExceeded', document, listed.path, message);
      }
      const error = this.addObject(document, listed);
      if (error !== null) {
        return error;
      }
    }
    return null;
  }

  private addObject(document: LoadedDocument, listed: ListedObject): InputError | null {
    const read = readIdentity(listed.value);
    if (!read.ok) {
      return this.fail(
        'missingIdentity',
        document,
        [...listed.path, ...read.error.path],
        read.error.message,
      );
    }
    const { object, identity } = read.value;
    const verdict = validateObject(object, identity);
    switch (verdict.status) {
      case 'unsupported-version': {
        const message = `no matches for kind "${identity.kind}" in version "${identity.apiVersion}" (the Istio CRD serves ${verdict.served.join(', ')})`;
        return this.fail(
          'unsupportedApiVersion',
          document,
          [...listed.path, 'apiVersion'],
          message,
        );
      }
      case 'invalid': {
        const [first, ...others] = verdict.violations;
        const path = [...listed.path, ...(first?.path ?? [])];
        return this.fail('schemaViolation', document, path, describeViolations(first, others));
      }
      case 'unknown-kind':
        this.warnUnknownKind(document, identity);
        return this.store(document, listed, object, identity, false);
      case 'valid':
        return this.store(document, listed, object, identity, true);
    }
  }

  private store(
    document: LoadedDocument,
    listed: ListedObject,
    object: JsonObject,
    identity: ObjectIdentity,
    known: boolean,
  ): InputError | null {
    const namespace = isClusterScoped(identity.group, identity.kind)
      ? ''
      : (identity.namespace ?? this.defaultNamespace);
    const key: ResourceKey = {
      group: identity.group,
      kind: identity.kind,
      namespace,
      name: identity.name,
    };
    const id = resourceId(key);
    const source = this.locationOf(document);
    const first = this.seen.get(id);
    if (first !== undefined) {
      const message = `${describeResource(key)} (${identity.group || 'core'}) is defined twice: first in ${first.file} document ${first.document} at line ${first.line}, again here`;
      return this.fail('duplicateObject', document, listed.path, message);
    }
    this.seen.set(id, source);
    const body = normalizeResource(object, {
      group: identity.group,
      kind: identity.kind,
      namespace,
    });
    this.resources.push({ key, apiVersion: identity.apiVersion, body, known, source });
    return null;
  }

  private locationOf(document: LoadedDocument): SourceLocation {
    const { segment } = document;
    const line = segment.contentLine ?? segment.lineOffset + 1;
    return { file: document.file, document: segment.index, line, column: 1 };
  }

  private warnUnknownKind(document: LoadedDocument, identity: ObjectIdentity): void {
    this.warnings.push({
      code: INPUT_CODES.unknownKind.code,
      file: document.file,
      document: document.segment.index,
      line: this.locationOf(document).line,
      kind: identity.kind,
      name: identity.name,
      message: unknownKindMessage(identity.apiVersion, identity.kind),
    });
  }

  /** Builds the located error; positions come from re-parsing this one document (error path only). */
  private fail(
    name: InputCodeName,
    document: LoadedDocument,
    path: readonly PathSegment[],
    message: string,
  ): InputError {
    const site = {
      file: document.file,
      document: document.segment.index,
      path: formatFieldPath(path),
    };
    return makeInputError(name, { ...site, position: locatePath(document.segment, path) }, message);
  }
}
