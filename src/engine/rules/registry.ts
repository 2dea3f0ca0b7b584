import { addressesRequiredRule } from './service-entry/addresses-required.rule.js';
import { appProtocolRule } from './service/app-protocol.rule.js';
import { applicationUidRule } from './workload/application-uid.rule.js';
import { authorizationHostsRule } from './authorization-policy/hosts-exist.rule.js';
import { authorizationMethodsRule } from './authorization-policy/http-methods.rule.js';
import { authorizationNamespaceRule } from './authorization-policy/namespace-exists.rule.js';
import { authorizationPrincipalsRule } from './authorization-policy/principals-exist.rule.js';
import { authorizationSelectorRule } from './authorization-policy/selector-no-workloads.rule.js';
import { conflictingGatewayServersRule } from './gateway/conflicting-servers.rule.js';
import { conflictingProtocolsRule } from './service-entry/conflicting-protocols.rule.js';
import { conflictingMeshHostsRule } from './virtual-service/conflicting-mesh-hosts.rule.js';
import { deprecatedEgressProxyRule } from './sidecar/deprecated-egress-proxy.rule.js';
import { deprecatedFaultDelayPercentRule } from './virtual-service/deprecated-fault-delay-percent.rule.js';
import { destinationEndpointsRule } from './virtual-service/destination-endpoints.rule.js';
import { destinationHostExistsRule } from './virtual-service/destination-host-exists.rule.js';
import { destinationPortRule } from './virtual-service/destination-port.rule.js';
import { destinationRuleExportToRule } from './destination-rule/export-to-namespaces.rule.js';
import { destinationRuleHostExistsRule } from './destination-rule/host-exists.rule.js';
import { destinationRuleMultiMatchRule } from './destination-rule/multi-match.rule.js';
import { duplicateCertificateRule } from './gateway/duplicate-certificate.rule.js';
import { emptyProvidersRule } from './telemetry/empty-providers.rule.js';
import { externalControlPlaneUrlRule } from './webhook-configuration/external-control-plane-url.rule.js';
import { gatewayApiVersionRule } from './custom-resource-definition/gateway-api-version.rule.js';
import { gatewayCatchAllRule } from './virtual-service/gateway-catch-all.rule.js';
import { gatewayExistsRule } from './virtual-service/gateway-exists.rule.js';
import { gatewayPortNotOnServiceRule } from './gateway/port-not-on-service.rule.js';
import { gatewaySelectorNoWorkloadRule } from './gateway/selector-no-workload.rule.js';
import { hostInGatewayRule } from './virtual-service/host-in-gateway.rule.js';
import { injectionLabelsRule } from './namespace/injection-labels.rule.js';
import { injectorOverlapRule } from './mutating-webhook-configuration/injector-overlap.rule.js';
import { injectorServiceExistsRule } from './mutating-webhook-configuration/injector-service-exists.rule.js';
import { internalGatewayRefRule } from './virtual-service/internal-gateway-ref.rule.js';
import { invalidRegexRule } from './virtual-service/invalid-regex.rule.js';
import { legacyGatewayNameRule } from './virtual-service/legacy-gateway-name.rule.js';
import { jwksBlockedCidrsRule } from './request-authentication/jwks-blocked-cidrs.rule.js';
import { lightstepProviderRule } from './telemetry/lightstep-provider.rule.js';
import { mtlsDisableVsStrictRule } from './destination-rule/mtls-disable-vs-strict.rule.js';
import { multipleSelectorlessSidecarsRule } from './sidecar/multiple-selectorless.rule.js';
import { patchOperationsRule } from './envoy-filter/patch-operations.rule.js';
import { peerAuthenticationSelectorRule } from './peer-authentication/selector-no-workloads.rule.js';
import { portNameConventionRule } from './service/port-name-convention.rule.js';
import { removedIstioKindRule } from './custom-resource-definition/removed-istio-kind.rule.js';
import { requestAuthenticationSelectorRule } from './request-authentication/selector-no-workloads.rule.js';
import { rootSidecarSelectorRule } from './sidecar/root-selector.rule.js';
import { routeWeightsRule } from './virtual-service/route-weights.rule.js';
import { routedSubsetWorkloadsRule } from './virtual-service/routed-subset-workloads.rule.js';
import { serverCertVerificationRule } from './destination-rule/server-cert-verification.rule.js';
import { serviceEntryExportToRule } from './service-entry/export-to-namespaces.rule.js';
import { servicePortConflictsRule } from './workload/service-port-conflicts.rule.js';
import { serviceWorkloadPortsRule } from './service/workload-ports.rule.js';
import { sidecarEgressHostsRule } from './sidecar/egress-hosts-exist.rule.js';
import { sidecarHidesRoutedHostRule } from './sidecar/hides-routed-host.rule.js';
import { sidecarSelectorConflictsRule } from './sidecar/selector-conflicts.rule.js';
import { subsetExistsRule } from './virtual-service/subset-exists.rule.js';
import { subsetLabelsRule } from './destination-rule/subset-labels.rule.js';
import { subsetSelectsWorkloadsRule } from './destination-rule/subset-selects-workloads.rule.js';
import { telemetrySelectorConflictsRule } from './telemetry/selector-conflicts.rule.js';
import { unreachableRulesRule } from './virtual-service/unreachable-rules.rule.js';
import { virtualServiceExportToRule } from './virtual-service/export-to-namespaces.rule.js';
import { jwtClaimRouteRule } from './virtual-service/jwt-claim-route.rule.js';
import { imageAutoInjectionRule } from './workload/image-auto-injection.rule.js';
import { missingProxyRule } from './workload/missing-proxy.rule.js';
import { istioAnnotationsRule } from './annotations/istio-annotations.rule.js';
import { policySelectorRule } from './kubernetes-gateway/policy-selector.rule.js';
import { ineffectiveInAmbientRule } from './sidecar/ineffective-in-ambient.rule.js';
import { ingressSubsetRoutingRule } from './virtual-service/ingress-subset-routing.rule.js';
import { proxyImageMismatchRule } from './namespace/proxy-image-mismatch.rule.js';
import { authorizationMtlsRequiredFieldsRule } from './authorization-policy/mtls-required-fields.rule.js';
import { destinationRuleMtlsOverriddenRule } from './destination-rule/mtls-overridden.rule.js';
import { destinationRuleMtlsWithoutPeerAuthenticationRule } from './destination-rule/mtls-without-peer-authentication.rule.js';
import { kubernetesGatewayAddressConflictsRule } from './kubernetes-gateway/address-conflicts.rule.js';
import { kubernetesGatewayDuplicateListenersRule } from './kubernetes-gateway/duplicate-listeners.rule.js';
import { kubernetesGatewayListenerConflictsRule } from './kubernetes-gateway/listener-conflicts.rule.js';
import { peerAuthenticationDisableVsDestinationRuleRule } from './peer-authentication/disable-vs-destination-rule.rule.js';
import { peerAuthenticationStrictWithoutDestinationRuleRule } from './peer-authentication/strict-without-destination-rule.rule.js';
import { sidecarOutboundModeUnsetRule } from './sidecar/outbound-mode-unset.rule.js';
import { serviceEntryWorkloadEntryAddressesRule } from './service-entry/workload-entry-addresses.rule.js';
import { workloadAuthorizationCoverageRule } from './workload/authorization-coverage.rule.js';
import type { Rule } from './rule.js';

/** Every rule, sorted by id (STYLE §5). The meta-test checks the order and the file paths. */
export const RULES: readonly Rule[] = [
  istioAnnotationsRule,
  authorizationHostsRule,
  authorizationMethodsRule,
  authorizationMtlsRequiredFieldsRule,
  authorizationNamespaceRule,
  authorizationPrincipalsRule,
  authorizationSelectorRule,
  gatewayApiVersionRule,
  removedIstioKindRule,
  destinationRuleExportToRule,
  destinationRuleHostExistsRule,
  mtlsDisableVsStrictRule,
  destinationRuleMtlsOverriddenRule,
  destinationRuleMtlsWithoutPeerAuthenticationRule,
  destinationRuleMultiMatchRule,
  serverCertVerificationRule,
  subsetLabelsRule,
  subsetSelectsWorkloadsRule,
  patchOperationsRule,
  conflictingGatewayServersRule,
  duplicateCertificateRule,
  gatewayPortNotOnServiceRule,
  gatewaySelectorNoWorkloadRule,
  kubernetesGatewayAddressConflictsRule,
  kubernetesGatewayDuplicateListenersRule,
  kubernetesGatewayListenerConflictsRule,
  policySelectorRule,
  injectorOverlapRule,
  injectorServiceExistsRule,
  injectionLabelsRule,
  proxyImageMismatchRule,
  peerAuthenticationDisableVsDestinationRuleRule,
  peerAuthenticationSelectorRule,
  peerAuthenticationStrictWithoutDestinationRuleRule,
  jwksBlockedCidrsRule,
  requestAuthenticationSelectorRule,
  addressesRequiredRule,
  conflictingProtocolsRule,
  serviceEntryExportToRule,
  serviceEntryWorkloadEntryAddressesRule,
  appProtocolRule,
  portNameConventionRule,
  serviceWorkloadPortsRule,
  deprecatedEgressProxyRule,
  sidecarEgressHostsRule,
  sidecarHidesRoutedHostRule,
  ineffectiveInAmbientRule,
  multipleSelectorlessSidecarsRule,
  sidecarOutboundModeUnsetRule,
  rootSidecarSelectorRule,
  sidecarSelectorConflictsRule,
  emptyProvidersRule,
  lightstepProviderRule,
  telemetrySelectorConflictsRule,
  conflictingMeshHostsRule,
  deprecatedFaultDelayPercentRule,
  destinationEndpointsRule,
  destinationHostExistsRule,
  destinationPortRule,
  virtualServiceExportToRule,
  gatewayCatchAllRule,
  gatewayExistsRule,
  hostInGatewayRule,
  ingressSubsetRoutingRule,
  internalGatewayRefRule,
  invalidRegexRule,
  jwtClaimRouteRule,
  legacyGatewayNameRule,
  routeWeightsRule,
  routedSubsetWorkloadsRule,
  subsetExistsRule,
  unreachableRulesRule,
  externalControlPlaneUrlRule,
  applicationUidRule,
  workloadAuthorizationCoverageRule,
  imageAutoInjectionRule,
  missingProxyRule,
  servicePortConflictsRule,
];
