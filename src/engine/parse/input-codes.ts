/**
 * Catalog of the codes the parse and schema stage can emit (STYLE.md §4: family 0xxx, kept in
 * order, never reused or renumbered). Errors reject the whole snapshot; warnings are stored with
 * the snapshot and the object is kept.
 */
export const INPUT_CODES = {
  yamlSyntax: {
    code: 'MESH0001',
    severity: 'error',
    title: 'The file is not valid YAML or JSON.',
  },
  missingIdentity: {
    code: 'MESH0002',
    severity: 'error',
    title: 'A document is not an object with apiVersion, kind and metadata.name.',
  },
  schemaViolation: {
    code: 'MESH0003',
    severity: 'error',
    title: "An object does not satisfy its kind's schema (OpenAPI or CEL rule).",
  },
  duplicateObject: {
    code: 'MESH0004',
    severity: 'error',
    title: 'The same object (group, kind, namespace, name) is defined twice.',
  },
  unsupportedApiVersion: {
    code: 'MESH0005',
    severity: 'error',
    title: 'A known Istio kind is given with an API version its CRD does not serve.',
  },
  limitExceeded: {
    code: 'MESH0006',
    severity: 'error',
    title: 'The input exceeds a parse limit (documents, nesting depth, aliases or number range).',
  },
  unknownKind: {
    code: 'MESH0007',
    severity: 'warning',
    title: 'No schema is known for this kind: the object is stored unvalidated.',
  },
  emptySnapshot: {
    code: 'MESH0008',
    severity: 'error',
    title:
      'The snapshot holds no object (empty or comment-only documents): as a new version it would remove every object; refused unless asked for.',
  },
} as const;

export type InputCodeName = keyof typeof INPUT_CODES;
export type InputCode = (typeof INPUT_CODES)[InputCodeName]['code'];
