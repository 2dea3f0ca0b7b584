import type { JsonObject } from '../model/json.js';
import type { Prng } from './prng.js';

/** Builders of realistic manifests for the synthetic mesh (plain JSON, as parsed YAML). */

export interface AppSpec {
  readonly namespace: string;
  readonly name: string;
  readonly versions: readonly string[];
  readonly port: number;
  readonly protocol: 'http' | 'grpc' | 'tcp';
}

const meta = (
  kind: string,
  apiVersion: string,
  namespace: string,
  name: string,
  extra: JsonObject = {},
): JsonObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace, ...extra },
});

export function namespaceObject(name: string, injected: boolean): JsonObject {
  const labels: JsonObject = injected
    ? { 'istio-injection': 'enabled', team: `team-${name}` }
    : { team: `team-${name}` };
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function serviceAccount(app: AppSpec): JsonObject {
  return meta('ServiceAccount', 'v1', app.namespace, app.name, { labels: { app: app.name } });
}

export function service(app: AppSpec): JsonObject {
  const portName = app.protocol === 'tcp' ? 'tcp' : `${app.protocol}-web`;
  return {
    ...meta('Service', 'v1', app.namespace, app.name, {
      labels: { app: app.name, service: app.name },
    }),
    spec: {
      selector: { app: app.name },
      ports: [{ name: portName, port: app.port, targetPort: 8080 }],
    },
  };
}

function env(rng: Prng, app: AppSpec): JsonObject[] {
  const out: JsonObject[] = [];
  const count = rng.int(8, 18);
  for (let i = 0; i < count; i += 1) {
    out.push({
      name: `${app.name.toUpperCase().replaceAll('-', '_')}_SETTING_${String(i)}`,
      value: `value-${String(rng.int(0, 99999))}`,
    });
  }
  return out;
}

function logShipper(app: AppSpec): JsonObject {
  return {
    name: 'log-shipper',
    image: 'registry.example.com/platform/log-shipper:3.4.1',
    args: [
      '--input=/var/log/app/*.log',
      `--tag=${app.namespace}.${app.name}`,
      '--output=forward://logs.platform:24224',
    ],
    resources: {
      requests: { cpu: '20m', memory: '32Mi' },
      limits: { cpu: '100m', memory: '64Mi' },
    },
    volumeMounts: [{ name: 'logs', mountPath: '/var/log/app', readOnly: true }],
  };
}

export function deployment(app: AppSpec, version: string, rng: Prng): JsonObject {
  const labels = { app: app.name, version };
  return {
    ...meta('Deployment', 'apps/v1', app.namespace, `${app.name}-${version}`, { labels }),
    spec: {
      replicas: rng.int(1, 4),
      selector: { matchLabels: labels },
      template: {
        metadata: {
          labels,
          annotations: {
            'prometheus.io/scrape': 'true',
            'prometheus.io/port': '15020',
            'example.com/owner': `team-${app.namespace}`,
          },
        },
        spec: {
          serviceAccountName: app.name,
          containers: [
            {
              name: app.name,
              image: `registry.example.com/${app.namespace}/${app.name}:${version}.${String(rng.int(0, 40))}`,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: 8080 }],
              env: env(rng, app),
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '512Mi' },
              },
              readinessProbe: {
                httpGet: { path: '/healthz/ready', port: 8080 },
                initialDelaySeconds: 5,
                periodSeconds: 10,
              },
              livenessProbe: {
                httpGet: { path: '/healthz/live', port: 8080 },
                initialDelaySeconds: 15,
                periodSeconds: 20,
              },
              volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
            },
            ...(rng.chance(0.6) ? [logShipper(app)] : []),
          ],
          volumes: [
            { name: 'config', configMap: { name: `${app.name}-config` } },
            { name: 'logs', emptyDir: {} },
          ],
        },
      },
    },
  };
}

export function configMap(app: AppSpec, rng: Prng): JsonObject {
  const lines: string[] = [];
  const count = rng.int(50, 100);
  for (let i = 0; i < count; i += 1) {
    lines.push(`${app.name}.feature.${String(i)}=${rng.chance(0.5) ? 'enabled' : 'disabled'}`);
  }
  return {
    ...meta('ConfigMap', 'v1', app.namespace, `${app.name}-config`),
    data: { 'application.properties': lines.join('\n') },
  };
}

export function autoscaler(app: AppSpec): JsonObject {
  return {
    ...meta('HorizontalPodAutoscaler', 'autoscaling/v2', app.namespace, app.name),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `${app.name}-v1` },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
  };
}

export function destinationRule(app: AppSpec, rng: Prng): JsonObject {
  const trafficPolicy: JsonObject = {
    connectionPool: { http: { http1MaxPendingRequests: rng.int(10, 1000) } },
  };
  if (rng.chance(0.3)) {
    trafficPolicy['outlierDetection'] = {
      consecutive5xxErrors: 5,
      interval: '30s',
      baseEjectionTime: '60s',
    };
  }
  return {
    ...meta('DestinationRule', 'networking.istio.io/v1', app.namespace, app.name),
    spec: {
      host: app.name,
      trafficPolicy,
      subsets: app.versions.map((v) => ({ name: v, labels: { version: v } })),
    },
  };
}

export function virtualService(app: AppSpec, rng: Prng, callerApp: string | null): JsonObject {
  const [stable = 'v1', canary] = app.versions;
  const http: JsonObject[] = [];
  if (canary !== undefined) {
    http.push({
      name: 'canary-header',
      match: [{ headers: { 'x-canary': { exact: 'true' } } }],
      route: [{ destination: { host: app.name, subset: canary } }],
    });
  }
  if (callerApp !== null) {
    http.push({
      name: 'from-caller',
      match: [{ sourceLabels: { app: callerApp } }],
      route: [{ destination: { host: app.name, subset: stable } }],
      timeout: '2s',
    });
  }
  const canaryWeight = rng.pick([0, 5, 10, 25, 50]);
  const route: JsonObject[] =
    canary === undefined
      ? [{ destination: { host: app.name, subset: stable } }]
      : [
          { destination: { host: app.name, subset: stable }, weight: 100 - canaryWeight },
          { destination: { host: app.name, subset: canary }, weight: canaryWeight },
        ];
  http.push({
    name: 'default',
    route,
    retries: { attempts: rng.int(1, 3), perTryTimeout: '2s' },
    timeout: `${String(rng.int(3, 15))}s`,
  });
  return {
    ...meta('VirtualService', 'networking.istio.io/v1', app.namespace, app.name),
    spec: { hosts: [app.name], http },
  };
}
