// Extracts, from Istio's published CRDs (third_party/istio-crds/crd-all.gen.yaml), what the engine
// needs to validate Istio objects: per group/kind the scope, and per version whether it is served
// and its openAPIV3Schema (descriptions dropped, identical schemas stored once).
//
//   node scripts/gen-crd-schemas.mjs           writes src/engine/schema/generated/istio-crd-schemas.json
//   node scripts/gen-crd-schemas.mjs --check   exits 1 when the committed file is out of date (CI drift check)
//
// The output is deterministic: kinds sorted by group then kind, versions by name, schemas numbered
// in order of first use, object keys in the order the CRD file gives them.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = new URL('..', import.meta.url);
const input = fileURLToPath(new URL('third_party/istio-crds/crd-all.gen.yaml', root));
const output = fileURLToPath(new URL('src/engine/schema/generated/istio-crd-schemas.json', root));

/** Keywords whose value is a map of property name -> schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
/** Keywords whose value is a schema (or, for additionalProperties, possibly a boolean). */
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['oneOf', 'anyOf', 'allOf']);
/** Documentation only: dropped to keep the file small. */
const DROPPED = new Set(['description', 'example', 'externalDocs']);

/** Copies a schema node without its documentation keywords, walking only schema positions. */
function strip(schema) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return schema;
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) {
      continue;
    }
    if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, strip(sub)]));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = strip(value);
    } else if (SCHEMA_LISTS.has(key)) {
      out[key] = value.map(strip);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function generate(text) {
  const schemas = [];
  const schemaIndex = new Map();
  const intern = (schema) => {
    const key = JSON.stringify(schema);
    let index = schemaIndex.get(key);
    if (index === undefined) {
      index = schemas.length;
      schemas.push(schema);
      schemaIndex.set(key, index);
    }
    return index;
  };
  const crds = yaml
    .loadAll(text)
    .filter((doc) => doc && doc.kind === 'CustomResourceDefinition')
    .sort(
      (a, b) =>
        compareText(a.spec.group, b.spec.group) ||
        compareText(a.spec.names.kind, b.spec.names.kind),
    );
  const kinds = crds.map((crd) => ({
    group: crd.spec.group,
    kind: crd.spec.names.kind,
    listKind: crd.spec.names.listKind,
    plural: crd.spec.names.plural,
    scope: crd.spec.scope,
    versions: [...crd.spec.versions]
      .sort((a, b) => compareText(a.name, b.name))
      .map((version) => ({
        name: version.name,
        served: version.served === true,
        storage: version.storage === true,
        schema: intern(strip(version.schema.openAPIV3Schema)),
      })),
  }));
  const source = 'third_party/istio-crds/crd-all.gen.yaml';
  return `${JSON.stringify({ source, kinds, schemas }, null, 1)}\n`;
}

const generated = generate(fs.readFileSync(input, 'utf8'));
if (process.argv.includes('--check')) {
  const current = fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '';
  if (current !== generated) {
    console.error(`${output} is out of date: run node scripts/gen-crd-schemas.mjs`);
    process.exit(1);
  }
  console.log('istio-crd-schemas.json is up to date');
} else {
  fs.writeFileSync(output, generated);
  console.log(`wrote ${output}`);
}
