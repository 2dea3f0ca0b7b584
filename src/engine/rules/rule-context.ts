import type { Resource } from '../model/resource.js';
import { CATALOG, type MessageName, type MessageParams, renderMessage } from './catalog.js';
import type { Finding, FindingParams } from './finding.js';
import type { KindName } from './kinds.js';
import type { MessageSpec } from './message-spec.js';
import type { Rule, RuleContext } from './rule.js';
import { findResource, resourcesOfKind, type SnapshotView } from './snapshot-view.js';

/** Observes what a rule reads (the meta-test's tracking context uses it). */
export interface ReadObserver {
  onKindRead(kind: KindName): void;
}

function makeFinding<N extends MessageName>(
  rule: Rule,
  name: N,
  resource: Resource,
  path: string,
  params: MessageParams<N>,
): Finding {
  const spec: MessageSpec<never> = CATALOG[name];
  const { kind, namespace } = resource.key;
  return {
    code: spec.code,
    ...(spec.istioCode === undefined ? {} : { istioCode: spec.istioCode }),
    ...(spec.kialiCode === undefined ? {} : { kialiCode: spec.kialiCode }),
    level: spec.level,
    ruleId: rule.id,
    resource: { kind, namespace, name: resource.key.name },
    resourceKey: resource.key,
    path,
    message: renderMessage(name, params),
    params: params as FindingParams,
  };
}

/**
 * The context one rule runs with; findings go to `sink`. With `subjects`, `ofKind(rule.subject)`
 * lists only those objects (a reusing run, see `Rule.subject`); memo builders still see the
 * whole snapshot.
 */
export function createRuleContext(
  view: SnapshotView,
  rule: Rule,
  sink: (finding: Finding) => void,
  observer?: ReadObserver,
  subjects?: readonly Resource[],
): RuleContext {
  const ctx: RuleContext = {
    resources: view.resources,
    graph: view.graph,
    options: view.options,
    ofKind(kind) {
      observer?.onKindRead(kind);
      return subjects !== undefined && kind === rule.subject
        ? subjects
        : resourcesOfKind(view, kind);
    },
    find(kind, namespace, name) {
      observer?.onKindRead(kind);
      return findResource(view, kind, namespace, name);
    },
    memo<T>(id: string, build: (c: RuleContext) => T): T {
      if (view.memos.has(id)) {
        return view.memos.get(id) as T;
      }
      const value = build(
        subjects !== undefined ? createRuleContext(view, rule, sink, observer) : ctx,
      );
      view.memos.set(id, value);
      return value;
    },
    report(name, resource, path, params) {
      sink(makeFinding(rule, name, resource, path, params));
    },
  };
  return ctx;
}
