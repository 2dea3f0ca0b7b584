import { isAbsolute, relative, sep } from 'node:path';
import { catalogEntries, type Finding, type FindingLevel } from '../../engine/index.js';
import type { LocateFinding } from './finding-location.js';

const SARIF_LEVEL: Readonly<Record<FindingLevel, 'error' | 'warning' | 'note'>> = {
  Error: 'error',
  Warning: 'warning',
  Info: 'note',
};

function ruleName(messageName: string): string {
  return messageName.charAt(0).toUpperCase() + messageName.slice(1);
}

/** tool.driver.rules: every catalog entry, in code order. */
function driverRules(): object[] {
  return catalogEntries().map(([name, spec]) => ({
    id: spec.code,
    name: ruleName(name),
    shortDescription: { text: spec.title },
    fullDescription: { text: spec.docs },
    defaultConfiguration: { level: SARIF_LEVEL[spec.level] },
    properties: {
      ...(spec.istioCode === undefined ? {} : { istioCode: spec.istioCode }),
      ...(spec.kialiCode === undefined ? {} : { kialiCode: spec.kialiCode }),
    },
  }));
}

/**
 * A file as code scanning resolves it: relative to the working directory (the checkout, in a
 * pipeline) with `/` separators and `uriBaseId` %SRCROOT%. A path outside it stays as given.
 */
export function sarifArtifact(file: string, cwd: string = process.cwd()): object {
  const local = isAbsolute(file) ? relative(cwd, file) : file;
  if (local.startsWith('..') || isAbsolute(local)) {
    return { uri: file.split(sep).join('/') };
  }
  return { uri: local.split(sep).join('/'), uriBaseId: '%SRCROOT%' };
}

function result(finding: Finding, ruleIndex: number, locate: LocateFinding): object {
  const { kind, namespace, name } = finding.resource;
  const { file, line } = locate(finding);
  const physical =
    file === null
      ? {}
      : {
          physicalLocation: {
            artifactLocation: sarifArtifact(file),
            ...(line === null ? {} : { region: { startLine: line } }),
          },
        };
  return {
    ruleId: finding.code,
    ruleIndex,
    level: SARIF_LEVEL[finding.level],
    message: { text: finding.message },
    locations: [
      {
        ...physical,
        logicalLocations: [
          {
            fullyQualifiedName:
              namespace === '' ? `${kind}/${name}` : `${kind}/${namespace}/${name}`,
            kind: 'resource',
          },
        ],
      },
    ],
    properties: {
      path: finding.path,
      ...(finding.istioCode === undefined ? {} : { istioCode: finding.istioCode }),
      ...(finding.kialiCode === undefined ? {} : { kialiCode: finding.kialiCode }),
    },
  };
}

/** SARIF 2.1.0 for code scanning: rules from the catalog, one result per finding. */
export function formatSarif(
  findings: readonly Finding[],
  locate: LocateFinding,
  version: string,
): string {
  const rules = driverRules();
  const index = new Map(catalogEntries().map(([, spec], i) => [spec.code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'meshlens', version, rules } },
        results: findings.map((f) => result(f, index.get(f.code) ?? -1, locate)),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
