import { loadAll } from 'js-yaml';
import { isJsonObject, type JsonObject } from '../model/json.js';
import { groupOf, type Resource } from '../model/resource.js';

/**
 * Test support: YAML text → Resources, with `metadata.namespace` defaulted like an ingest would.
 * Specs read fixture files themselves (the engine does no I/O) and pass the text here.
 */
export function resourcesFromYaml(text: string, defaultNamespace = 'default'): Resource[] {
  const out: Resource[] = [];
  for (const doc of loadAll(text)) {
    if (!isJsonObject(doc)) {
      continue;
    }
    const body = JSON.parse(JSON.stringify(doc)) as JsonObject;
    const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : '';
    const kind = typeof body['kind'] === 'string' ? body['kind'] : '';
    const metadata = isJsonObject(body['metadata']) ? body['metadata'] : {};
    const namespace =
      typeof metadata['namespace'] === 'string' ? metadata['namespace'] : defaultNamespace;
    const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
    body['metadata'] = { ...metadata, namespace };
    out.push({
      key: { group: groupOf(apiVersion), kind, namespace, name },
      apiVersion,
      body,
      known: true,
    });
  }
  return out;
}
