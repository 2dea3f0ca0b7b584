import type { Finding } from '../../engine/index.js';

/** One finding as `meshlens analyze --format json` prints it (issue 5 / contracts). */
export interface FindingJson {
  readonly code: string;
  readonly istioCode?: string;
  readonly kialiCode?: string;
  readonly level: Finding['level'];
  readonly resource: { readonly kind: string; readonly namespace: string; readonly name: string };
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

export function findingJson(finding: Finding): FindingJson {
  const { kind, namespace, name } = finding.resource;
  return {
    code: finding.code,
    ...(finding.istioCode === undefined ? {} : { istioCode: finding.istioCode }),
    ...(finding.kialiCode === undefined ? {} : { kialiCode: finding.kialiCode }),
    level: finding.level,
    resource: { kind, namespace, name },
    path: finding.path,
    ...(finding.line === undefined ? {} : { line: finding.line }),
    message: finding.message,
  };
}

export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify({ findings: findings.map(findingJson) }, null, 2);
}
