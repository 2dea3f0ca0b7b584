import type { Finding } from '../../engine/index.js';
import type { LocateFinding } from './finding-location.js';

function origin(finding: Finding, locate: LocateFinding): string {
  const { kind, namespace, name } = finding.resource;
  const object = namespace === '' ? `${kind} ${name}` : `${kind} ${namespace}/${name}`;
  const { file, line } = locate(finding);
  if (file === null) {
    return object;
  }
  return `${object} ${line === null ? file : `${file}:${line}`}`;
}

/**
 * istioctl's line format — `Error [IST0101] (VirtualService default/reviews bookinfo.yaml:12)
 * Referenced host not found: "ratings"` — with the Istio code when there is one (else the Kiali
 * code), and meshlens's own code at the end.
 */
export function formatTextLine(finding: Finding, locate: LocateFinding): string {
  const shown = finding.istioCode ?? finding.kialiCode;
  const codes = shown ?? finding.code;
  const own = shown === undefined ? '' : ` [${finding.code}]`;
  return `${finding.level} [${codes}] (${origin(finding, locate)}) ${finding.message}${own}`;
}

export function formatText(findings: readonly Finding[], locate: LocateFinding): string {
  if (findings.length === 0) {
    return '\u2714 No validation issues found.';
  }
  return findings.map((f) => formatTextLine(f, locate)).join('\n');
}
