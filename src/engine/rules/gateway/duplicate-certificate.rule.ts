import type { Rule } from '../rule.js';
import { objectAt, objectsAt, pushTo, stringAt } from '../shared/json.js';
import { fieldPath, fullName, specOf } from '../shared/resource-fields.js';

/** The certificate a TLS server presents: its credentialName, else its certificate file. */
function certificateOf(tls: ReturnType<typeof objectAt>): string | null {
  const mode = stringAt(tls, 'mode');
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL' && mode !== 'OPTIONAL_MUTUAL') {
    return null;
  }
  const credential = stringAt(tls, 'credentialName');
  if (credential !== null && credential !== '') {
    return `credential:${credential}`;
  }
  const file = stringAt(tls, 'serverCertificate');
  return file === null || file === '' ? null : `file:${file}`;
}

/**
 * The same certificate served by several Gateways of one gateway workload (`CertificateAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/gateway/certificate.go@86c9f01f, IST0138).
 */
export const duplicateCertificateRule: Rule = {
  id: 'gateway/duplicate-certificate',
  description:
    'Flags Gateways that serve the same TLS certificate as another Gateway on the same workloads.',
  inputs: ['Gateway', 'Workload'],
  messages: ['gatewayDuplicateCertificate'],
  check(ctx) {
    const users = new Map<string, { gateway: string; path: string }[]>();
    for (const gateway of ctx.graph.gateways) {
      const resource = ctx.find('Gateway', gateway.namespace, gateway.name);
      const servers = resource === undefined ? [] : objectsAt(specOf(resource), 'servers');
      servers.forEach((server, i) => {
        const certificate = certificateOf(objectAt(server, 'tls'));
        for (const proxy of certificate === null ? [] : gateway.proxies) {
          pushTo(users, `${proxy}|${certificate ?? ''}`, {
            gateway: gateway.id,
            path: fieldPath('spec', 'servers', i, 'tls'),
          });
        }
      });
    }
    const reported = new Set<string>();
    for (const list of users.values()) {
      const gateways = [...new Set(list.map((u) => u.gateway))].sort();
      for (const use of gateways.length > 1 ? list : []) {
        const [ns = '', name = ''] = use.gateway.split('/');
        const resource = ctx.find('Gateway', ns, name);
        const key = `${use.gateway}|${use.path}`;
        if (resource !== undefined && !reported.has(key)) {
          reported.add(key);
          ctx.report('gatewayDuplicateCertificate', resource, use.path, {
            gateways: gateways.filter((g) => g !== fullName(resource)),
          });
        }
      }
    }
  },
};
