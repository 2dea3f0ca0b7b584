import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../parse/parse-snapshot.js';
import { splitDocuments } from '../parse/split-documents.js';

/**
 * The oracle of issue 2: Istio's own CRD validation test data
 * (istio/istio pkg/config/validation/testdata/crds, run by Istio against the API server's CRD
 * validation). Each `-invalid` document names in `_err` the error Kubernetes reports for it; each
 * `-valid` document must pass.
 */
const CRDS_DIR = fileURLToPath(
  new URL(
    '../../../../shared/corpus/istio-samples/pkg/config/validation/testdata/crds/',
    import.meta.url,
  ),
);
const OPTIONS = { defaultNamespace: 'default' };

interface OracleCase {
  readonly file: string;
  readonly index: number;
  readonly name: string;
  readonly expected: string;
  readonly text: string;
}

function filesEnding(suffix: string): string[] {
  return readdirSync(CRDS_DIR)
    .filter((file) => file.endsWith(suffix))
    .sort();
}

function nameOf(text: string): string {
  return /^\s+name:\s*(\S+)/m.exec(text)?.[1] ?? '?';
}

/** Every document of an -invalid file, its top-level `_err:` line read and removed. */
function invalidCases(): OracleCase[] {
  return filesEnding('-invalid.yaml').flatMap((file) => {
    const segments = splitDocuments(readFileSync(`${CRDS_DIR}${file}`, 'utf8'));
    return segments
      .filter((segment) => segment.contentLine !== null)
      .map((segment) => {
        const errLine = /^_err:.*$/m.exec(segment.text)?.[0] ?? '';
        const parsed: unknown = yaml.load(errLine);
        const expected =
          typeof parsed === 'object' && parsed !== null && '_err' in parsed
            ? String(parsed._err)
            : '';
        const text = segment.text.replace(/^_err:.*$/m, '');
        return { file, index: segment.index, name: nameOf(text), expected, text };
      });
  });
}

/** Documents Istio left commented out under `#_err: "TODO"`: checks the CRD does not (yet) make. */
function todoCases(): OracleCase[] {
  return filesEnding('-invalid.yaml').flatMap((file) =>
    [
      ...readFileSync(`${CRDS_DIR}${file}`, 'utf8').matchAll(/^#_err:.*\n((?:#(?!---).*\n?)*)/gm),
    ].map((match, index) => {
      const text = (match[1] ?? '').replace(/^#/gm, '');
      return { file, index, name: nameOf(text), expected: 'TODO', text };
    }),
  );
}

describe('Istio CRD oracle: *-invalid.yaml', () => {
  const cases = invalidCases();

  it('finds one document per top-level _err line', () => {
    const errLines = filesEnding('-invalid.yaml').flatMap((file) => [
      ...readFileSync(`${CRDS_DIR}${file}`, 'utf8').matchAll(/^_err:/gm),
    ]);
    expect(cases).toHaveLength(errLines.length);
    expect(cases.length).toBeGreaterThan(70);
    expect(cases.every((entry) => entry.expected !== '')).toBe(true);
  });

  it.each(cases.map((entry) => [`${entry.file}#${entry.index} ${entry.name}`, entry] as const))(
    'rejects %s with the error its _err names',
    (_label, entry) => {
      const result = parseSnapshot([{ name: entry.file, text: entry.text }], OPTIONS);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('MESH0003');
        const reported = `${result.error.path}\n${result.error.message}`.toLowerCase();
        expect(reported).toContain(entry.expected.toLowerCase());
        expect(result.error.line).not.toBeNull();
      }
    },
  );

  // Documented exception: these three are commented out in Istio's file under `#_err: "TODO"`
  // (a wildcard label key, a `foo*` host, a /99 CIDR). Istio's CRD has no rule for them yet, so
  // the API server accepts them, and so do we (istiod's own webhook is what refuses them).
  it.each(todoCases().map((entry) => [`${entry.file} ${entry.name}`, entry] as const))(
    'accepts %s, which Istio marks `#_err: TODO` (no CRD rule yet)',
    (_label, entry) => {
      expect(parseSnapshot([{ name: entry.file, text: entry.text }], OPTIONS)).toMatchObject({
        ok: true,
      });
    },
  );
});

describe('Istio CRD oracle: *-valid.yaml', () => {
  const cases = filesEnding('-valid.yaml').flatMap((file) =>
    splitDocuments(readFileSync(`${CRDS_DIR}${file}`, 'utf8'))
      .filter((segment) => segment.contentLine !== null)
      .map((segment) => ({
        file,
        index: segment.index,
        name: nameOf(segment.text),
        text: segment.text,
      })),
  );

  const yamlDialect = (entry: { file: string; index: number }): boolean =>
    entry.file === 'serviceentry-valid.yaml' && entry.index === 0;

  it.each(
    cases
      .filter((entry) => !yamlDialect(entry))
      .map((entry) => [`${entry.file}#${entry.index} ${entry.name}`, entry] as const),
  )('accepts %s', (_label, entry) => {
    const result = parseSnapshot([{ name: entry.file, text: entry.text }], OPTIONS);
    expect(result.ok ? 'valid' : result.error.message).toBe('valid');
  });

  // Documented exception: `addresses: [1.2.3.4, 001:db8::]`. YAML 1.2 (js-yaml and the `yaml`
  // package agree) reads the unquoted `001:db8::` in a flow sequence as a one-key mapping
  // `{"001:db8:": null}`; go-yaml, and so kubectl, reads a string. The error says to quote it.
  it('rejects serviceentry-valid.yaml#0, whose `001:db8::` YAML 1.2 reads as a mapping, and says why', () => {
    const entry = cases.find(yamlDialect);
    const result = parseSnapshot(
      [{ name: 'serviceentry-valid.yaml', text: entry?.text ?? '' }],
      OPTIONS,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'MESH0003', path: 'spec.addresses[1]' },
    });
    expect(!result.ok && result.error.message).toContain('quote the value');
  });
});
