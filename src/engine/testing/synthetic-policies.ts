import type { JsonObject } from '../model/json.js';
import type { AppSpec } from './synthetic-objects.js';

/** Namespace-level Istio policy objects of the synthetic mesh. */

export function peerAuthentication(namespace: string, mode: 'STRICT' | 'PERMISSIVE'): JsonObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name: 'default', namespace },
    spec: { mtls: { mode } },
  };
}

export function allowFromNamespaces(namespace: string, from: readonly string[]): JsonObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'allow-known-callers', namespace },
    spec: {
      action: 'ALLOW',
      rules: [
        { from: [{ source: { namespaces: [...from] } }] },
        { to: [{ operation: { paths: ['/healthz/*'], methods: ['GET'] } }] },
      ],
    },
  };
}

export function denyDebug(namespace: string): JsonObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'deny-debug', namespace },
    spec: { action: 'DENY', rules: [{ to: [{ operation: { paths: ['/debug/*'] } }] }] },
  };
}

export function sidecar(
  namespace: string,
  imports: readonly string[],
  registryOnly: boolean,
): JsonObject {
  const spec: JsonObject = {
    egress: [{ hosts: ['./*', 'istio-system/*', ...imports.map((ns) => `${ns}/*`)] }],
  };
  if (registryOnly) {
    spec['outboundTrafficPolicy'] = { mode: 'REGISTRY_ONLY' };
  }
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Sidecar',
    metadata: { name: 'default', namespace },
    spec,
  };
}

export function gateway(namespace: string, host: string): JsonObject {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: `${namespace}-gateway`, namespace },
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [
        { port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts: [host] },
        {
          port: { number: 8443, name: 'https', protocol: 'HTTPS' },
          hosts: [host],
          tls: { mode: 'SIMPLE', credentialName: `${namespace}-cert` },
        },
      ],
    },
  };
}

export function gatewayVirtualService(
  namespace: string,
  host: string,
  apps: readonly AppSpec[],
): JsonObject {
  const http = apps.map((app) => ({
    match: [{ uri: { prefix: `/${app.name}/` } }],
    rewrite: { uri: '/' },
    route: [{ destination: { host: app.name, port: { number: app.port } } }],
  }));
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: `${namespace}-ingress`, namespace },
    spec: { hosts: [host], gateways: [`${namespace}-gateway`], http },
  };
}

/** istio-system: mesh config, ingress gateway Deployment/Service, mesh-wide PeerAuthentication. */
export function istioSystem(): JsonObject[] {
  const labels = { app: 'istio-ingressgateway', istio: 'ingressgateway' };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'istio-system' } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'istio', namespace: 'istio-system' },
      data: {
        mesh: 'rootNamespace: istio-system\ntrustDomain: cluster.local\noutboundTrafficPolicy:\n  mode: ALLOW_ANY\n',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-system' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-system', labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: {
            labels: { ...labels, 'sidecar.istio.io/inject': 'true' },
            annotations: { 'inject.istio.io/templates': 'gateway' },
          },
          spec: {
            serviceAccountName: 'istio-ingressgateway',
            containers: [
              {
                name: 'istio-proxy',
                image: 'auto',
                ports: [{ containerPort: 8080 }, { containerPort: 8443 }],
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-system', labels },
      spec: {
        type: 'LoadBalancer',
        selector: labels,
        ports: [
          { name: 'http2', port: 80, targetPort: 8080 },
          { name: 'https', port: 443, targetPort: 8443 },
        ],
      },
    },
    peerAuthentication('istio-system', 'PERMISSIVE'),
  ];
}
