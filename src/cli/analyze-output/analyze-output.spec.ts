import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/index.js';
import { formatJson } from './format-json.js';
import { formatSarif, sarifArtifact } from './format-sarif.js';
import { formatText, formatTextLine } from './format-text.js';
import {
  parseFailOn,
  parseFormat,
  parseMeshConfig,
  parseSuppression,
  parseValidationFlags,
} from './parse-cli-options.js';

const finding: Finding = {
  code: 'MESH1101',
  istioCode: 'IST0101',
  kialiCode: 'KIA1101',
  level: 'Error',
  ruleId: 'virtual-service/destination-host-exists',
  resource: { kind: 'VirtualService', namespace: 'default', name: 'reviews' },
  resourceKey: {
    group: 'networking.istio.io',
    kind: 'VirtualService',
    namespace: 'default',
    name: 'reviews',
  },
  path: 'spec.http[0].route[0].destination.host',
  line: 12,
  message: 'Referenced host not found: "ratings"',
  params: { host: 'ratings' },
};
const located = (): { file: string; line: number } => ({ file: 'bookinfo.yaml', line: 12 });

describe('analyze output', () => {
  it('text prints istioctl-style lines, Istio code first and ours at the end', () => {
    expect(formatTextLine(finding, located)).toBe(
      'Error [IST0101] (VirtualService default/reviews bookinfo.yaml:12) Referenced host not found: "ratings" [MESH1101]',
    );
    const own = { ...finding, istioCode: undefined, kialiCode: undefined } as unknown as Finding;
    expect(formatTextLine(own, () => ({ file: null, line: null }))).toBe(
      'Error [MESH1101] (VirtualService default/reviews) Referenced host not found: "ratings"',
    );
    expect(formatText([], located)).toContain('No validation issues found');
  });

  it('json has the contract shape and nothing internal', () => {
    const parsed = JSON.parse(formatJson([finding])) as { findings: Record<string, unknown>[] };
    expect(parsed.findings).toEqual([
      {
        code: 'MESH1101',
        istioCode: 'IST0101',
        kialiCode: 'KIA1101',
        level: 'Error',
        resource: { kind: 'VirtualService', namespace: 'default', name: 'reviews' },
        path: 'spec.http[0].route[0].destination.host',
        line: 12,
        message: 'Referenced host not found: "ratings"',
      },
    ]);
  });

  it('sarif 2.1.0 lists catalog rules and located results', () => {
    const sarif = JSON.parse(formatSarif([finding], located, '0.1.0')) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    const ruleIds = run?.tool.driver.rules.map((r) => r.id) ?? [];
    expect(ruleIds).toContain('MESH1101');
    const result = run?.results[0];
    expect(result).toMatchObject({
      ruleId: 'MESH1101',
      ruleIndex: ruleIds.indexOf('MESH1101'),
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'bookinfo.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12 },
          },
        },
      ],
    });
  });

  // GitHub code scanning maps results to repository files by a URI relative to the checkout.
  it('sarif names files relative to the working directory', () => {
    expect(sarifArtifact('/repo/rendered/after/dr.yaml', '/repo')).toEqual({
      uri: 'rendered/after/dr.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(sarifArtifact('after/dr.yaml', '/repo')).toEqual({
      uri: 'after/dr.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(sarifArtifact('/elsewhere/dr.yaml', '/repo')).toEqual({ uri: '/elsewhere/dr.yaml' });
  });

  it('parses the flags', () => {
    expect(parseFormat('sarif')).toEqual({ ok: true, value: 'sarif' });
    expect(parseFormat('xml').ok).toBe(false);
    expect(parseFailOn('Warning')).toEqual({ ok: true, value: 'Warning' });
    expect(parseFailOn('info').ok).toBe(false);
    expect(parseSuppression('IST0101=VirtualService default/reviews')).toEqual({
      ok: true,
      value: { code: 'IST0101', kind: 'VirtualService', namespace: 'default', name: 'reviews' },
    });
    expect(
      parseSuppression('IST0139=MutatingWebhookConfiguration istio-sidecar-injector'),
    ).toMatchObject({
      value: { namespace: '', name: 'istio-sidecar-injector' },
    });
    expect(parseSuppression('IST0101 VirtualService').ok).toBe(false);
  });

  it("parses --disable and --level like an environment's validation settings", () => {
    expect(parseValidationFlags(['IST0118', 'MESH1101'], ['KIA1101=Info'])).toEqual({
      ok: true,
      value: { disabledCodes: ['IST0118', 'MESH1101'], levelOverrides: { KIA1101: 'Info' } },
    });
    expect(parseValidationFlags(['IST9999'], [])).toEqual({
      ok: false,
      message: 'disabledCodes: "IST9999" is not a code meshlens reports',
    });
    expect(parseValidationFlags([], ['IST0101'])).toEqual({
      ok: false,
      message: '--level expects CODE=Error|Warning|Info, got "IST0101"',
    });
    expect(parseValidationFlags([], ['IST0101=Fatal']).ok).toBe(false);
  });

  it('reads a MeshConfig or the istio ConfigMap holding one', () => {
    expect(parseMeshConfig('rootNamespace: istio-config\n', 'm.yaml')).toEqual({
      ok: true,
      value: { rootNamespace: 'istio-config' },
    });
    const configMap =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio}\ndata:\n  mesh: |\n    trustDomain: example.org\n';
    expect(parseMeshConfig(configMap, 'cm.yaml')).toEqual({
      ok: true,
      value: { trustDomain: 'example.org' },
    });
    expect(parseMeshConfig('- a\n- b\n', 'bad.yaml').ok).toBe(false);
  });
});
