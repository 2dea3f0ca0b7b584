import type { Labels } from '../../graph/util/labels.js';
import type { Resource } from '../../model/resource.js';
import { POD_TEMPLATE_KINDS } from '../kinds.js';
import type { Rule, RuleContext } from '../rule.js';
import { annotationValueProblem } from '../shared/istio-annotation-values.js';
import { isIstioAnnotation, lookupIstioAnnotation } from '../shared/istio-annotations.js';
import { pathObject, stringMapAt } from '../shared/json.js';
import { annotationsOf, fieldPath, labelsOf } from '../shared/resource-fields.js';

const INJECT = 'sidecar.istio.io/inject';

/** One set of annotations to check: an object's own metadata, or its pod template's. */
interface Target {
  readonly resource: Resource;
  readonly kind: string;
  readonly annotations: Labels;
  readonly labels: Labels;
  readonly metadataPath: readonly string[];
}

function templateMetadataPath(resource: Resource): readonly string[] {
  return resource.key.kind === 'CronJob'
    ? ['spec', 'jobTemplate', 'spec', 'template', 'metadata']
    : ['spec', 'template', 'metadata'];
}

const TEMPLATE_KINDS: ReadonlySet<string> = new Set(POD_TEMPLATE_KINDS.filter((k) => k !== 'Pod'));

/** The object's own annotations, and its pod template's (as a Pod); only non-empty ones. */
function targetsOf(resource: Resource): Target[] {
  const out: Target[] = [];
  const annotations = annotationsOf(resource);
  if (Object.keys(annotations).length > 0) {
    const labels = labelsOf(resource);
    out.push({
      resource,
      kind: resource.key.kind,
      annotations,
      labels,
      metadataPath: ['metadata'],
    });
  }
  if (TEMPLATE_KINDS.has(resource.key.kind)) {
    const metadataPath = templateMetadataPath(resource);
    const metadata = pathObject(resource.body, ...metadataPath);
    const template = stringMapAt(metadata, 'annotations');
    if (Object.keys(template).length > 0) {
      const labels = stringMapAt(metadata, 'labels');
      out.push({ resource, kind: 'Pod', annotations: template, labels, metadataPath });
    }
  }
  return out;
}

function checkAnnotation(ctx: RuleContext, target: Target, key: string, value: string): void {
  const { resource, kind, labels } = target;
  const path = fieldPath(...target.metadataPath, 'annotations', key);
  const definition = lookupIstioAnnotation(key);
  if (definition === null) {
    ctx.report('unknownAnnotation', resource, path, { annotation: key });
    return;
  }
  // Both the deprecated annotation and its label replacement: the user keeps both on purpose.
  const keepsBoth = key === INJECT && labels[INJECT] !== undefined;
  if (definition.deprecatedFor !== undefined && !keepsBoth) {
    const replacement = definition.deprecatedFor;
    ctx.report('deprecatedAnnotation', resource, path, { annotation: key, replacement });
  }
  if (definition.resources.includes('Any')) {
    return;
  }
  if (!definition.resources.includes(kind)) {
    const kinds = definition.resources;
    ctx.report('misplacedAnnotation', resource, path, { annotation: key, kinds });
    return;
  }
  const problem = annotationValueProblem(key, value);
  if (problem !== null) {
    ctx.report('invalidAnnotation', resource, path, { annotation: key, problem });
  }
}

/**
 * Istio annotations must exist, sit on a kind Istio reads them from, and have a valid value;
 * deprecated ones are noted (`K8sAnalyzer`, istio/istio:pkg/config/analysis/analyzers/
 * annotations/annotations.go, table from istio/api:annotation/annotations.yaml). Istio checks
 * Namespaces, Services, Pods and Deployments; here every workload kind is checked, and pod
 * templates count as Pods (SEMANTICS §2). Annotations are visited in sorted order.
 */
export const istioAnnotationsRule: Rule = {
  id: 'annotations/istio-annotations',
  description:
    'Flags unknown, misplaced, invalid and deprecated Istio annotations on Namespaces, Services and workloads.',
  inputs: ['Namespace', 'Service', 'Workload'],
  messages: [
    'unknownAnnotation',
    'misplacedAnnotation',
    'invalidAnnotation',
    'deprecatedAnnotation',
  ],
  check(ctx) {
    const objects = [
      ...ctx.ofKind('Namespace'),
      ...ctx.ofKind('Service'),
      ...POD_TEMPLATE_KINDS.flatMap((kind) => ctx.ofKind(kind)),
    ];
    for (const target of objects.flatMap(targetsOf)) {
      for (const key of Object.keys(target.annotations).sort()) {
        if (isIstioAnnotation(key)) {
          checkAnnotation(ctx, target, key, target.annotations[key] ?? '');
        }
      }
    }
  },
};
