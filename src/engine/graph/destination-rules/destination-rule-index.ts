import { isExportedTo } from '../hosts/export-to.js';
import { compareSpecificity, isWildcardHost, mostSpecificHostMatch } from '../hosts/host-name.js';
import type { DestinationRuleInfo, MergedDestinationRule } from '../types/destination-rule.js';
import type { CreationComparator } from '../util/creation-order.js';
import { type Labels, selectorMatches } from '../util/labels.js';
import { type MergeEntry, mergeDestinationRule } from './merge-destination-rules.js';

export class ConsolidatedRules {
  readonly byHost = new Map<string, MergeEntry[]>();
  private exact = new Set<string>();
  private wildcards: string[] = [];

  add(rule: DestinationRuleInfo, orderAssumed: boolean): void {
    let list = this.byHost.get(rule.host);
    if (list === undefined) {
      list = [];
      this.byHost.set(rule.host, list);
    }
    mergeDestinationRule(list, rule, orderAssumed);
  }

  seal(): void {
    const hosts = [...this.byHost.keys()];
    this.exact = new Set(hosts.filter((h) => !isWildcardHost(h)));
    this.wildcards = hosts.filter(isWildcardHost).sort(compareSpecificity);
  }

  match(host: string): readonly MergedDestinationRule[] | null {
    const key = mostSpecificHostMatch(host, this.exact, this.wildcards);
    return key === null ? null : (this.byHost.get(key) ?? null);
  }
}

/** R7 lookup structure (`destinationRuleIndex`, P/model/push_context.go). */
export interface DestinationRuleIndex {
  readonly rules: readonly DestinationRuleInfo[];
  readonly rootNamespace: string;
  readonly namespaceLocal: ReadonlyMap<string, ConsolidatedRules>;
  readonly exportedByNamespace: ReadonlyMap<string, ConsolidatedRules>;
  readonly rootLocal: ConsolidatedRules;
}

function consolidated(map: Map<string, ConsolidatedRules>, ns: string): ConsolidatedRules {
  let found = map.get(ns);
  if (found === undefined) {
    found = new ConsolidatedRules();
    map.set(ns, found);
  }
  return found;
}

function isPrivateOnly(rule: DestinationRuleInfo): boolean {
  const raw = rule.exportTo.raw;
  return raw.length === 1 && (raw[0] === '.' || raw[0] === rule.namespace);
}

/** `setDestinationRules`: selector rules first, then oldest first (R12). */
export function indexDestinationRules(
  rules: readonly DestinationRuleInfo[],
  rootNamespace: string,
  compare: CreationComparator,
): DestinationRuleIndex {
  const sorted = [...rules].sort(
    (a, b) => Number(a.selector === null) - Number(b.selector === null) || compare(a, b),
  );
  const namespaceLocal = new Map<string, ConsolidatedRules>();
  const exportedByNamespace = new Map<string, ConsolidatedRules>();
  const rootLocal = new ConsolidatedRules();
  for (const rule of sorted) {
    const orderAssumed = rule.createdAt === null;
    if (isExportedTo(rule.exportTo, rule.namespace)) {
      consolidated(namespaceLocal, rule.namespace).add(rule, orderAssumed);
    }
    if (!isPrivateOnly(rule)) {
      consolidated(exportedByNamespace, rule.namespace).add(rule, orderAssumed);
    } else if (rule.namespace === rootNamespace) {
      rootLocal.add(rule, orderAssumed);
    }
  }
  for (const c of [...namespaceLocal.values(), ...exportedByNamespace.values(), rootLocal]) {
    c.seal();
  }
  return { rules: sorted, rootNamespace, namespaceLocal, exportedByNamespace, rootLocal };
}

function exportedFrom(
  index: DestinationRuleIndex,
  owner: string,
  host: string,
  client: string,
): readonly MergedDestinationRule[] {
  const found = index.exportedByNamespace.get(owner)?.match(host) ?? null;
  return found === null ? [] : found.filter((rule) => isExportedTo(rule.exportTo, client));
}

/**
 * R7 — lookup path for a client in namespace `client` calling `host` defined in `serviceNamespace`
 * (`destinationRule`, P/model/push_context.go): (1) the client's namespace (root: root-local
 * rules), (2) the service's namespace, exported to the client, (3) the root namespace. The first
 * tier with a host match wins; inside a tier exact beats the most specific wildcard.
 */
export function lookupDestinationRules(
  index: DestinationRuleIndex,
  client: string,
  host: string,
  serviceNamespace: string | null,
): readonly MergedDestinationRule[] {
  const local =
    client === index.rootNamespace
      ? index.rootLocal.match(host)
      : (index.namespaceLocal.get(client)?.match(host) ?? null);
  if (local !== null) {
    return local;
  }
  if (serviceNamespace !== null) {
    const fromService = exportedFrom(index, serviceNamespace, host, client);
    if (fromService.length > 0) {
      return fromService;
    }
  }
  return exportedFrom(index, index.rootNamespace, host, client);
}

/**
 * Which consolidated rule a proxy uses (`SidecarScope.DestinationRule`): a rule of the proxy's
 * namespace whose workloadSelector matches the proxy (sidecars only), else the last rule without
 * a selector. Gateways pass `proxyLabels = null` (their selectors are ignored).
 */
export function selectDestinationRule(
  candidates: readonly MergedDestinationRule[],
  proxyNamespace: string,
  proxyLabels: Labels | null,
): MergedDestinationRule | null {
  let catchAll: MergedDestinationRule | null = null;
  for (const rule of candidates) {
    if (rule.selector === null) {
      catchAll = rule;
    } else if (
      proxyLabels !== null &&
      rule.namespace === proxyNamespace &&
      selectorMatches(rule.selector, proxyLabels)
    ) {
      return rule;
    }
  }
  return catchAll;
}

/** R12 notes of DestinationRule merges whose order came from the creation-order rule. */
export function destinationRuleNotes(index: DestinationRuleIndex): string[] {
  const notes = new Set<string>();
  for (const rules of [
    ...index.namespaceLocal.values(),
    ...index.exportedByNamespace.values(),
    index.rootLocal,
  ]) {
    for (const list of rules.byHost.values()) {
      list.forEach((rule) => {
        if (rule.note !== null) {
          notes.add(rule.note);
        }
      });
    }
  }
  return [...notes].sort();
}
