// Public surface of the engine: everything outside src/engine imports from here only.
export * from './model/json.js';
export * from './model/resource.js';
export * from './model/result.js';
export * from './model/input-error.js';
export * from './model/source-file.js';
export { parseSnapshot, type ParsedSnapshot } from './parse/parse-snapshot.js';
export {
  DEFAULT_PARSE_LIMITS,
  resolveLimits,
  type ParseLimits,
  type ParseOptions,
} from './parse/parse-options.js';
export {
  parseSnapshotIncrementally,
  parseUnit,
  unitObjectOf,
  finishIncrementalParse,
  fullParseError,
  parsePlannedUnit,
  planIncrementalParse,
  type IncrementalPlan,
  type IncrementalSnapshot,
  type ParsedRun,
  type ParsedUnit,
  type UnitMemo,
  type UnitObject,
  type UnitOutcome,
} from './parse/incremental-parse.js';
export { INPUT_CODES, type InputCode, type InputCodeName } from './parse/input-codes.js';
export { normalizeResource, type NormalizeTarget } from './normalize/normalize-resource.js';
export { REDACTED_KEYS_ANNOTATION } from './normalize/redact-secret.js';
export { validateObject, type ObjectType, type SchemaVerdict } from './schema/validate-object.js';
export type { SchemaViolation } from './schema/schema-violation.js';
export { canonicalKindName } from './schema/known-kinds.js';
export type { InputWarning } from './parse/input-warning.js';
export { canonicalJson } from './normalize/canonical-json.js';
export { canonicalJsonOf } from './normalize/canonical-json-lazy.js';
export * from './diff/resource-change.js';
export { diffResources, diffResourcePair } from './diff/diff-resources.js';
export { normalizeForDiff } from './diff/normalize-resource.js';
export { canonicalForm } from './diff/canonical-form.js';
export {
  ORDER_INSENSITIVE_LISTS,
  type OrderInsensitiveList,
  type ListKeyName,
} from './diff/order-insensitive-paths.js';
export { formatFieldPath, type PathSegment } from './diff/field-path.js';
export * from './impact/impact-report.js';
export * from './policy/policy-types.js';
export { indexPeerAuthentications, effectiveMtlsMode } from './policy/peer-authentication.js';
export type { PeerAuthIndex, PeerAuthPolicy, EffectiveMtls } from './policy/peer-authentication.js';
export { clientTlsMode, isTlsCompatible, drTlsModeForPort } from './policy/client-tls.js';
export { indexAuthorizationPolicies, evaluateRequest } from './policy/authorization.js';
export type { AuthzIndex, AuthzDecision } from './policy/authorization.js';
export { canSourceReach } from './policy/authz-reach.js';
export type { ReachDecision } from './policy/authz-reach.js';
export * from './match/match-types.js';
export { matchHttpRequest, matchHttpRoute } from './match/http-match.js';
export { isCatchAllMatch, isCatchAllRoute } from './match/catch-all.js';
export type { CatchAllOptions } from './match/catch-all.js';
export {
  delegateMatchConflicts,
  describeDelegateMatchConflict,
  stringMatchConflict,
  mergeDelegateMatch,
  mergeDelegateMatches,
  mergeDelegateRoute,
} from './match/delegate-merge.js';
export type { MergedMatches } from './match/delegate-merge.js';
export { matchTcpRoute, matchTlsRoute, sniHostMatches } from './match/l4-match.js';
export type { L4MatchContext, TlsMatchContext, L4MatchResult } from './match/l4-match.js';
export { resolveGatewayName } from './match/source-match.js';
export { computeImpact, resolveSide } from './impact/compute-impact.js';
export type {
  ImpactInput,
  ImpactOptions,
  ImpactSnapshot,
  FindingsProvider,
  ScopedReportFindings,
} from './impact/compute-impact.js';
export { assessRisk, riskAtLeast } from './impact/risk.js';
export { ENGINE_VERSION } from './engine-version.js';
export { impactFindings, impactOfChange, toReportFinding } from './pipeline.js';
export type { SnapshotImpactOptions } from './pipeline.js';
export { renderImpactMarkdown } from './report/render-impact-markdown.js';
export { DEFAULT_MARKDOWN_BUDGET, type RenderMarkdownOptions } from './report/report-options.js';
export { verdictText } from './report/verdict.js';
export { hasTrafficImpact, isNoChange } from './report/report-status.js';
export { redactReportSecrets, isSecretKind } from './report/secret-guard.js';
export { environmentOf } from './report/report-refs.js';
export { resolveGraph } from './graph/resolve-graph.js';
export type { GraphOptions } from './graph/options.js';
export type { MeshGraph } from './graph/types/mesh-graph.js';
export type { ServiceInfo, ServicePort } from './graph/types/service.js';
export type { WorkloadInfo } from './graph/types/workload.js';
export type { GatewayInfo, GatewayServer } from './graph/types/gateway.js';
export type { VirtualServiceInfo, HttpRouteRule } from './graph/types/virtual-service.js';
export type { DestinationRuleInfo, MergedDestinationRule } from './graph/types/destination-rule.js';
export { routesFor, canonicalHost } from './graph/routing/routes-for.js';
export type {
  ProxyContext,
  RouteTable,
  EffectiveHttpRoute,
  EffectiveStreamRoute,
  EffectiveDestination,
} from './graph/routing/route-types.js';
export { visibleHosts } from './graph/routing/visible-hosts.js';
export { computeReachability } from './reachability/compute-reachability.js';
export type { Reachability, ReachEdge, ReachSource } from './reachability/reachability-types.js';
export { listEdges, edgesFrom, findEdge, edgeReason, type Edge } from './reachability/edges.js';
export { simulateRequest } from './simulate/simulate-request.js';
export { parseSimulateSource } from './simulate/simulate-source.js';
export { renderSimulationText } from './simulate/render-simulation-text.js';
export type {
  SimulateRequest,
  SimulateResult,
  SimulateOutcome,
  SimulateError,
  SimulateErrorCode,
  SimulateSource,
  SimulateSourceKind,
  SimulateMatch,
  SimulateDestination,
  SimulateEndpoint,
  SimulateMirror,
  SimulateTls,
  SimulateAuthorization,
  EvaluatedRule,
} from './simulate/simulate-types.js';
export { analyze } from './analyze/analyze.js';
export type { AnalyzeOptions, FieldLocator, Suppression } from './analyze/analyze-options.js';
export {
  createFieldLocator,
  createImpactFieldLocator,
  parseFieldPath,
} from './analyze/field-locator.js';
export { ISTIO_SUPPRESS_ANNOTATION, KIALI_IGNORE_ANNOTATION } from './analyze/suppressions.js';
export {
  applyValidationSettings,
  checkValidationSettings,
  knownFindingCodes,
  NO_VALIDATION_SETTINGS,
  type ValidationSettings,
} from './analyze/validation-settings.js';
export { CATALOG, catalogEntries, type MessageName } from './rules/catalog.js';
export {
  LEVEL_RANK,
  type Finding,
  type FindingLevel as RuleFindingLevel,
  type FindingParams,
  type FindingResource,
} from './rules/finding.js';
export type { MessageSpec } from './rules/message-spec.js';
export { RULES } from './rules/registry.js';
export type { Rule, RuleContext } from './rules/rule.js';
export type { ResolvedGraphOptions } from './graph/options.js';
export type { RouteMatch, RouteDestination } from './graph/types/virtual-service.js';
export type { SidecarInfo, SidecarScope, EgressImport } from './graph/types/sidecar.js';
export { routesForProxy } from './graph/routing/routes-for.js';
export { resolveProxy, type ResolvedProxy } from './graph/routing/proxy.js';
export type { RouteStatus } from './graph/routing/route-types.js';
export type { VisibleHost } from './graph/routing/visible-hosts.js';
export {
  destinationWorkloads,
  destinationRuleFor,
  type DestinationClient,
  type DestinationEndpoints,
} from './graph/routing/destination-workloads.js';
export {
  hostsMatch,
  hostSubsetOf,
  intersectHosts,
  compareSpecificity,
} from './graph/hosts/host-name.js';
export { resolveShortName, MESH_GATEWAY } from './graph/hosts/short-name.js';
export type { ReachabilityOptions } from './reachability/compute-reachability.js';
export type { EdgeList, SourceKind } from './reachability/reachability-types.js';
export { hasEdge } from './reachability/edges.js';
