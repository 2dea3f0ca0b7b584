import type { ErrorObject } from 'ajv';
import { MutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import { ValidatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration';
import { CustomResourceDefinition } from 'kubernetes-models/apiextensions.k8s.io/v1/CustomResourceDefinition';
import { APIService } from 'kubernetes-models/apiregistration.k8s.io/v1/APIService';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler as HorizontalPodAutoscalerV1 } from 'kubernetes-models/autoscaling/v1/HorizontalPodAutoscaler';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { EndpointSlice } from 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { IngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { PriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import { StorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Endpoints } from 'kubernetes-models/v1/Endpoints';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Pod } from 'kubernetes-models/v1/Pod';
import { PodTemplate } from 'kubernetes-models/v1/PodTemplate';
import { ReplicationController } from 'kubernetes-models/v1/ReplicationController';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { JsonObject } from '../model/json.js';
import { ajvViolations } from './ajv-violation.js';
import type { SchemaViolation } from './schema-violation.js';

/**
 * Core Kubernetes kinds are validated with kubernetes-models 4.5.1: its per-kind validators are
 * ajv code generated ahead of time from the Kubernetes OpenAPI spec (types, required fields,
 * enums, int-or-string), so there is nothing to compile at run time and a valid Deployment takes
 * about 0.5 µs (50,000 in ~25 ms, measured). We call the generated `validate` through the model's
 * prototype with the parsed object as `this` (`setValidateFunc` installs exactly
 * `function () { runValidateFunc(fn, this) }`): `new Deployment(data).validate()` would first
 * deep-copy the object and is 5x slower. Unknown fields are not refused for core kinds (the
 * generated schemas allow them), unlike Istio kinds; schema-validation.spec.ts pins this.
 */
interface ValidatingModel {
  readonly prototype: { validate(): void };
}

const MODEL_LIST: readonly (readonly [string, ValidatingModel])[] = [
  ['v1/ConfigMap', ConfigMap],
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated in 1.33, still served
  ['v1/Endpoints', Endpoints],
  ['v1/LimitRange', LimitRange],
  ['v1/Namespace', Namespace],
  ['v1/PersistentVolume', PersistentVolume],
  ['v1/PersistentVolumeClaim', PersistentVolumeClaim],
  ['v1/Pod', Pod],
  ['v1/PodTemplate', PodTemplate],
  ['v1/ReplicationController', ReplicationController],
  ['v1/ResourceQuota', ResourceQuota],
  ['v1/Secret', Secret],
  ['v1/Service', Service],
  ['v1/ServiceAccount', ServiceAccount],
  ['admissionregistration.k8s.io/v1/MutatingWebhookConfiguration', MutatingWebhookConfiguration],
  [
    'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
    ValidatingWebhookConfiguration,
  ],
  ['apiextensions.k8s.io/v1/CustomResourceDefinition', CustomResourceDefinition],
  ['apiregistration.k8s.io/v1/APIService', APIService],
  ['apps/v1/DaemonSet', DaemonSet],
  ['apps/v1/Deployment', Deployment],
  ['apps/v1/ReplicaSet', ReplicaSet],
  ['apps/v1/StatefulSet', StatefulSet],
  ['autoscaling/v1/HorizontalPodAutoscaler', HorizontalPodAutoscalerV1],
  ['autoscaling/v2/HorizontalPodAutoscaler', HorizontalPodAutoscaler],
  ['batch/v1/CronJob', CronJob],
  ['batch/v1/Job', Job],
  ['discovery.k8s.io/v1/EndpointSlice', EndpointSlice],
  ['networking.k8s.io/v1/Ingress', Ingress],
  ['networking.k8s.io/v1/IngressClass', IngressClass],
  ['networking.k8s.io/v1/NetworkPolicy', NetworkPolicy],
  ['policy/v1/PodDisruptionBudget', PodDisruptionBudget],
  ['rbac.authorization.k8s.io/v1/ClusterRole', ClusterRole],
  ['rbac.authorization.k8s.io/v1/ClusterRoleBinding', ClusterRoleBinding],
  ['rbac.authorization.k8s.io/v1/Role', Role],
  ['rbac.authorization.k8s.io/v1/RoleBinding', RoleBinding],
  ['scheduling.k8s.io/v1/PriorityClass', PriorityClass],
  ['storage.k8s.io/v1/StorageClass', StorageClass],
];

/** apiVersion -> kind -> model (nested maps: lookups on the hot path build no key strings). */
const MODELS = new Map<string, Map<string, ValidatingModel>>();
for (const [type, model] of MODEL_LIST) {
  const slash = type.lastIndexOf('/');
  const byKind = MODELS.get(type.slice(0, slash)) ?? new Map<string, ValidatingModel>();
  byKind.set(type.slice(slash + 1), model);
  MODELS.set(type.slice(0, slash), byKind);
}

/** The kinds of the core Kubernetes models meshlens validates. */
export function coreKindNames(): string[] {
  return [...MODELS.values()].flatMap((byKind) => [...byKind.keys()]);
}

export function isCoreKind(apiVersion: string, kind: string): boolean {
  return MODELS.get(apiVersion)?.has(kind) === true;
}

function ajvErrorsOf(error: unknown): ErrorObject[] | null {
  if (error instanceof Error && 'errors' in error && Array.isArray(error.errors)) {
    return error.errors as ErrorObject[];
  }
  return null;
}

/**
 * Fields the OpenAPI spec lists as required but the API server accepts missing, because their
 * zero value is valid (built-in kinds are validated by Go code, not by the OpenAPI `required`).
 * NetworkPolicy: an absent podSelector selects every pod (networking/v1 types.go; Istio's ambient
 * tests apply such a policy, tests/integration/ambient/testdata/only-hbone.yaml).
 */
const OPTIONAL_ON_SERVER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['networking.k8s.io/v1/NetworkPolicy', new Set(['/spec/podSelector'])],
]);

function isEnforced(error: ErrorObject, optional: ReadonlySet<string> | undefined): boolean {
  if (optional === undefined || error.keyword !== 'required') {
    return true;
  }
  const params: Record<string, unknown> = error.params;
  return !optional.has(`${error.instancePath}/${String(params['missingProperty'])}`);
}

/** Every violation, or [] when valid or when the kind is not one we hold a model for (isCoreKind). */
export function validateCoreObject(
  object: JsonObject,
  apiVersion: string,
  kind: string,
): SchemaViolation[] {
  const model = MODELS.get(apiVersion)?.get(kind);
  if (model === undefined) {
    return [];
  }
  try {
    model.prototype.validate.call(object);
    return [];
  } catch (error: unknown) {
    const errors = ajvErrorsOf(error);
    if (errors === null) {
      throw error;
    }
    const optional = OPTIONAL_ON_SERVER.get(`${apiVersion}/${kind}`);
    const enforced = errors.filter((item) => isEnforced(item, optional));
    // Secret values must never reach a message (issue 2 §5): print no values for Secrets.
    return enforced.length === 0
      ? []
      : ajvViolations(enforced, object, kind === 'Secret').violations;
  }
}
