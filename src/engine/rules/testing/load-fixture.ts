import { load } from 'js-yaml';
import { isJsonObject, type JsonObject } from '../../model/json.js';
import { groupOf, type Resource } from '../../model/resource.js';
import { splitDocuments } from '../../parse/split-documents.js';
import { isClusterScoped } from '../../schema/resource-scope.js';
import { objectAt, stringAt } from '../shared/json.js';

/** The `# expect: MESH1107` comments of one fixture object (duplicates count). */
export interface FixtureExpectation {
  readonly resource: Resource;
  readonly codes: readonly string[];
}

export interface LoadedFixture {
  readonly resources: Resource[];
  readonly expectations: FixtureExpectation[];
}

const EXPECT = /#\s*expect:\s*([A-Z0-9, ]+)/g;

function expectedCodes(text: string): string[] {
  const codes: string[] = [];
  for (const match of text.matchAll(EXPECT)) {
    for (const code of (match[1] ?? '').split(',')) {
      if (code.trim() !== '') {
        codes.push(code.trim());
      }
    }
  }
  return codes;
}

function toResource(
  body: JsonObject,
  file: string,
  document: number,
  line: number,
  ns: string,
): Resource | null {
  const apiVersion = stringAt(body, 'apiVersion');
  const kind = stringAt(body, 'kind');
  const metadata = objectAt(body, 'metadata');
  const name = stringAt(metadata, 'name');
  if (apiVersion === null || kind === null || name === null) {
    return null;
  }
  const group = groupOf(apiVersion);
  const namespace = isClusterScoped(group, kind) ? '' : (stringAt(metadata, 'namespace') ?? ns);
  return {
    key: { group, kind, namespace, name },
    apiVersion,
    body,
    known: true,
    source: { file, document, line, column: 1 },
  };
}

/**
 * A lenient loader for rule fixtures and analyzer cases: every YAML document with apiVersion,
 * kind and metadata.name becomes a Resource (no schema check, so fixtures may hold only the
 * fields a rule reads); namespaced objects without a namespace get `defaultNamespace`.
 */
export function loadFixture(
  text: string,
  file = 'fixture.yaml',
  defaultNamespace = 'default',
): LoadedFixture {
  const resources: Resource[] = [];
  const expectations: FixtureExpectation[] = [];
  for (const segment of splitDocuments(text)) {
    const value: unknown = segment.contentLine === null ? null : load(segment.text);
    if (!isJsonObject(value)) {
      continue;
    }
    const line = segment.contentLine ?? 1;
    const resource = toResource(value, file, segment.index, line, defaultNamespace);
    if (resource !== null) {
      resources.push(resource);
      expectations.push({ resource, codes: expectedCodes(segment.text) });
    }
  }
  return { resources, expectations };
}
