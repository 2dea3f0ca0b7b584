import { objectsAt, stringAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { isSupportedServicePort } from '../shared/port-protocol.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/**
 * `appProtocol` must name a protocol Istio knows (Kiali `port.appprotocol.mismatch`; Istio reads
 * it before the port name, `kube.ConvertProtocol`).
 */
export const appProtocolRule: Rule = {
  id: 'service/app-protocol',
  description: 'Flags Service ports whose appProtocol Istio does not understand.',
  inputs: ['Service'],
  messages: ['invalidAppProtocol'],
  check(ctx) {
    for (const service of ctx.ofKind('Service')) {
      objectsAt(specOf(service), 'ports').forEach((port, i) => {
        const appProtocol = stringAt(port, 'appProtocol');
        if (appProtocol !== null && !isSupportedServicePort('', null, appProtocol)) {
          ctx.report('invalidAppProtocol', service, fieldPath('spec', 'ports', i, 'appProtocol'), {
            appProtocol,
          });
        }
      });
    }
  },
};
