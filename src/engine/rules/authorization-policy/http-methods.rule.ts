import { objectAt, objectsAt, stringsAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

const HTTP_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
]);
const GRPC_METHOD = /^\/[\w.]+\/\w+$/;

/**
 * `to.operation.methods` / `notMethods` must be HTTP methods or fully-qualified gRPC method
 * names (Kiali `authorizationpolicy.to.wrongmethod`; istio/api security/v1beta1/
 * authorization_policy.proto `Operation.methods`). `*` is accepted.
 */
export const authorizationMethodsRule: Rule = {
  id: 'authorization-policy/http-methods',
  description: 'Flags AuthorizationPolicy methods that are neither HTTP methods nor gRPC names.',
  inputs: ['AuthorizationPolicy'],
  messages: ['invalidHttpMethod'],
  check(ctx) {
    for (const policy of ctx.ofKind('AuthorizationPolicy')) {
      objectsAt(specOf(policy), 'rules').forEach((rule, i) => {
        objectsAt(rule, 'to').forEach((to, j) => {
          for (const field of ['methods', 'notMethods'] as const) {
            stringsAt(objectAt(to, 'operation'), field).forEach((method, k) => {
              if (method !== '*' && !HTTP_METHODS.has(method) && !GRPC_METHOD.test(method)) {
                const path = fieldPath('spec', 'rules', i, 'to', j, 'operation', field, k);
                ctx.report('invalidHttpMethod', policy, path, { method });
              }
            });
          }
        });
      });
    }
  },
};
