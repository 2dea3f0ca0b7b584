import { isJsonObject, type JsonObject } from '../model/json.js';
import type { Resource, ResourceKey } from '../model/resource.js';
import { bracketName, HTTP_ONLY, whenKeyKind, type AttributeKind } from './authz-attributes.js';
import {
  fieldArray,
  fieldObject,
  fieldString,
  fieldStringList,
  fieldStringMap,
} from './json-fields.js';
import { policyId } from './resource-order.js';

export type AuthzAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';

/** One attribute test: the value must match one of `values` and none of `notValues`. */
export interface AuthzCondition {
  readonly kind: AttributeKind;
  /** Field or `when` key as written, for notes. */
  readonly key: string;
  /** Header name (lower-case) for header kinds, else ''. */
  readonly name: string;
  readonly values: readonly string[];
  readonly notValues: readonly string[];
}

/** A rule: OR over `from` entries, OR over `to` entries, AND of `when` — all three ANDed. */
export interface CompiledRule {
  readonly index: number;
  /** Empty list = no `from` = any source. Each entry is an AND of conditions. */
  readonly from: readonly (readonly AuthzCondition[])[];
  readonly to: readonly (readonly AuthzCondition[])[];
  readonly when: readonly AuthzCondition[];
  /** Set when istiod skips the rule ("unknown attribute"), for every action (builder.go). */
  readonly invalid: string | null;
  /** Whether any condition is HTTP-only (the rule vanishes from ALLOW on TCP). */
  readonly usesHttpOnly: boolean;
}

export interface CompiledPolicy {
  readonly key: ResourceKey;
  readonly id: string;
  readonly action: AuthzAction;
  readonly selector: Readonly<Record<string, string>> | null;
  readonly usesTargetRef: boolean;
  readonly dryRun: boolean;
  readonly dryRunInvalid: string | null;
  /** Empty = "match never" (`rbacPolicyMatchNever`): ALLOW denies all, DENY has no effect. */
  readonly rules: readonly CompiledRule[];
  readonly provider: string | null;
}

const SOURCE_FIELDS: readonly (readonly [string, string, AttributeKind])[] = [
  ['principals', 'notPrincipals', 'principal'],
  ['requestPrincipals', 'notRequestPrincipals', 'requestPrincipal'],
  ['namespaces', 'notNamespaces', 'namespace'],
  ['serviceAccounts', 'notServiceAccounts', 'serviceAccount'],
  ['trustDomains', 'notTrustDomains', 'trustDomain'],
  ['ipBlocks', 'notIpBlocks', 'sourceIp'],
  ['remoteIpBlocks', 'notRemoteIpBlocks', 'remoteIp'],
];

const OPERATION_FIELDS: readonly (readonly [string, string, AttributeKind])[] = [
  ['hosts', 'notHosts', 'host'],
  ['methods', 'notMethods', 'method'],
  ['paths', 'notPaths', 'path'],
  ['ports', 'notPorts', 'port'],
];

function fieldConditions(
  obj: JsonObject | undefined,
  fields: readonly (readonly [string, string, AttributeKind])[],
): AuthzCondition[] {
  const out: AuthzCondition[] = [];
  for (const [valuesKey, notKey, kind] of fields) {
    const values = fieldStringList(obj, valuesKey);
    const notValues = fieldStringList(obj, notKey);
    if (values.length > 0 || notValues.length > 0) {
      out.push({ kind, key: valuesKey, name: '', values, notValues });
    }
  }
  return out;
}

function entries(
  rule: JsonObject,
  listKey: string,
  itemKey: string,
  fields: typeof SOURCE_FIELDS,
): AuthzCondition[][] {
  return fieldArray(rule, listKey)
    .filter(isJsonObject)
    .map((entry) => fieldConditions(fieldObject(entry, itemKey), fields));
}

function whenConditions(rule: JsonObject): {
  conditions: AuthzCondition[];
  invalid: string | null;
} {
  const conditions: AuthzCondition[] = [];
  for (const item of fieldArray(rule, 'when').filter(isJsonObject)) {
    const key = fieldString(item, 'key') ?? '';
    const kind = whenKeyKind(key);
    const isHeader = kind === 'header' || kind === 'inlineHeader';
    const name = isHeader ? bracketName(key) : '';
    if (kind === null || name === null) {
      return { conditions, invalid: `unknown attribute ${key}` };
    }
    const values = fieldStringList(item, 'values');
    const notValues = fieldStringList(item, 'notValues');
    if (values.length > 0 || notValues.length > 0) {
      conditions.push({ kind, key, name, values, notValues });
    }
  }
  return { conditions, invalid: null };
}

function compileRule(rule: JsonObject, index: number): CompiledRule {
  const { conditions, invalid } = whenConditions(rule);
  const from = entries(rule, 'from', 'source', SOURCE_FIELDS);
  const to = entries(rule, 'to', 'operation', OPERATION_FIELDS);
  const all = [...from.flat(), ...to.flat(), ...conditions];
  return {
    index,
    from,
    to,
    when: conditions,
    invalid,
    usesHttpOnly: all.some((c) => HTTP_ONLY.has(c.kind)),
  };
}

/** Go `strconv.ParseBool`, as `isDryRun` (builder.go) parses the `istio.io/dry-run` annotation. */
function parseDryRun(metadata: JsonObject | undefined): {
  dryRun: boolean;
  invalid: string | null;
} {
  const value = fieldString(fieldObject(metadata, 'annotations'), 'istio.io/dry-run');
  if (value === undefined || ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) {
    return { dryRun: false, invalid: null };
  }
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) {
    return { dryRun: true, invalid: null };
  }
  return {
    dryRun: false,
    invalid: `istio.io/dry-run value "${value}" is not a boolean; treated as false`,
  };
}

const ACTIONS: ReadonlySet<string> = new Set(['ALLOW', 'DENY', 'AUDIT', 'CUSTOM']);

/** Parses one AuthorizationPolicy; null when its action is unsupported (istiod ignores it). */
export function compileAuthorizationPolicy(resource: Resource): CompiledPolicy | null {
  const spec = fieldObject(resource.body, 'spec');
  const action = fieldString(spec, 'action') ?? 'ALLOW';
  if (!ACTIONS.has(action)) {
    return null;
  }
  const rules = fieldArray(spec, 'rules');
  const dry = parseDryRun(fieldObject(resource.body, 'metadata'));
  const selectorLabels = fieldStringMap(fieldObject(spec, 'selector'), 'matchLabels');
  return {
    key: resource.key,
    id: policyId(resource.key),
    action: action as AuthzAction,
    selector: fieldObject(spec, 'selector') === undefined ? null : (selectorLabels ?? {}),
    usesTargetRef:
      fieldObject(spec, 'targetRef') !== undefined || fieldArray(spec, 'targetRefs').length > 0,
    dryRun: dry.dryRun,
    dryRunInvalid: dry.invalid,
    rules: rules.flatMap((rule, i) => (isJsonObject(rule) ? [compileRule(rule, i)] : [])),
    provider: fieldString(fieldObject(spec, 'provider'), 'name') ?? null,
  };
}
