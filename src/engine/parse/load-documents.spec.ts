import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDocuments } from './load-documents.js';

const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));

function values(name: string, text: string): unknown[] {
  const loaded = loadDocuments({ name, text });
  if (!loaded.ok) {
    throw new Error(loaded.error.message);
  }
  return loaded.value.map((document) => document.value);
}

describe('loadDocuments', () => {
  it('reads YAML 1.2 core: yes/no/on stay strings, timestamps stay strings, merge keys apply', () => {
    const text = 'base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\nt: 2024-01-01T00:00:00Z\nq: yes\nr: off\n';
    expect(values('a.yaml', text)).toEqual([
      { base: { x: 1 }, m: { x: 1, y: 2 }, t: '2024-01-01T00:00:00Z', q: 'yes', r: 'off' },
    ]);
  });

  it('skips empty and comment-only documents but keeps the numbering of the others', () => {
    const loaded = loadDocuments({ name: 'a.yaml', text: 'a: 1\n---\n# c\n---\n\n---\nb: 2\n' });
    expect(loaded.ok && loaded.value.map((document) => document.segment.index)).toEqual([0, 3]);
  });

  it('parses .json files and text starting with { as JSON', () => {
    expect(values('a.json', '{"kind": "A"}')).toEqual([{ kind: 'A' }]);
    expect(values('stdin', '  [1, 2]')).toEqual([[1, 2]]);
  });

  it('falls back to YAML for flow-style YAML that starts with { in a .yaml file', () => {
    expect(values('a.yaml', '{a: 1}\n---\n{b: 2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('MESH0001 locates a JSON syntax error in a .json file', () => {
    const loaded = loadDocuments({ name: 'a.json', text: '{\n  "a": 1,\n  "b": }\n' });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error).toMatchObject({
        code: 'MESH0001',
        file: 'a.json',
        document: 0,
        line: 3,
      });
    }
  });

  it('MESH0001 names file, document and 1-based line/column of a YAML syntax error', () => {
    const text = 'a: 1\n---\nkind: X\nmetadata:\n  name: "unterminated\n';
    const loaded = loadDocuments({ name: 'bad.yaml', text });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error).toMatchObject({
        code: 'MESH0001',
        file: 'bad.yaml',
        document: 1,
        path: '',
      });
      expect(loaded.error.line).toBeGreaterThanOrEqual(5);
    }
  });

  it('MESH0001 refuses duplicate keys (the API server refuses duplicate fields too)', () => {
    const loaded = loadDocuments({ name: 'dup.yaml', text: 'a: 1\nb: 2\na: 3\n' });
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'MESH0001', line: 3, column: 1 });
  });

  it('MESH0001 refuses duplicate keys in JSON, where JSON.parse would keep the last silently', () => {
    const text =
      '{"apiVersion": "v1", "kind": "ConfigMap",\n "metadata": {"name": "a", "labels": {"x": "1",\n  "x": "2"}}}';
    const loaded = loadDocuments({ name: 'dup.json', text });
    expect(!loaded.ok && loaded.error).toMatchObject({
      code: 'MESH0001',
      path: 'metadata.labels.x',
      line: 3,
      column: 3,
    });
  });

  it('duplicate-key detection decodes escapes and tracks list indexes', () => {
    const text = '{"items": [{"a": 1}, {"a": 2, "b\\u0041": 1, "bA": 2}]}';
    const loaded = loadDocuments({ name: 'list.json', text });
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'MESH0001', path: 'items[1].bA' });
    const fine = loadDocuments({
      name: 'ok.json',
      text: '{"a": {"k": 1}, "b": {"k": "{\\"k\\": 1}"}}',
    });
    expect(fine.ok).toBe(true);
  });

  it.each([
    [
      'JSON exponent overflow',
      'n.json',
      '{"kind": "X", "spec": {"replicas": 1e400}}',
      'spec.replicas',
      1,
    ],
    [
      'JSON integer beyond 2^53',
      'n.json',
      '{"kind": "X",\n "spec": {"port": 9007199254740993}}',
      'spec.port',
      2,
    ],
    [
      'YAML integer beyond 2^53',
      'n.yaml',
      'kind: X\nspec:\n  ports:\n  - 99999999999999999999\n',
      'spec.ports[0]',
      4,
    ],
  ])(
    'MESH0006 refuses a number the store cannot keep exactly: %s',
    (_name, file, text, path, line) => {
      const loaded = loadDocuments({ name: file, text });
      expect(!loaded.ok && loaded.error).toMatchObject({ code: 'MESH0006', path, line });
    },
  );

  it('long digit runs inside strings and safe numbers pass', () => {
    const text =
      'kind: X\nmetadata: {name: "1234567890123456789"}\nspec: {n: 9007199254740991, f: 1.5e-300}\n';
    const loaded = loadDocuments({ name: 'ok.yaml', text });
    expect(loaded.ok).toBe(true);
  });

  it('scenario 11: the broken VirtualService is reported at line 6 or 7 of after/99-broken.yaml', () => {
    const text = readFileSync(`${SHARED}scenarios/11-malformed-input/after/99-broken.yaml`, 'utf8');
    const loaded = loadDocuments({ name: 'after/99-broken.yaml', text });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.file).toBe('after/99-broken.yaml');
      expect([6, 7]).toContain(loaded.error.line);
    }
  });
});
