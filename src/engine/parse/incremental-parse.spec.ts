import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../model/source-file.js';
import { generateSyntheticMesh, syntheticMeshFiles } from '../testing/synthetic-mesh.js';
import { mutateMesh } from '../testing/synthetic-mutations.js';
import {
  type IncrementalSnapshot,
  parseSnapshotIncrementally,
  type UnitMemo,
  unitObjectOf,
  type UnitObject,
  type UnitOutcome,
} from './incremental-parse.js';
import type { ParseOptions } from './parse-options.js';
import { parseSnapshot } from './parse-snapshot.js';

const OPTIONS: ParseOptions = { defaultNamespace: 'default' };

/** An exact memo: the key is the text itself. */
class TestMemo implements UnitMemo<UnitOutcome> {
  readonly runs = new Map<string, readonly UnitOutcome[]>();
  keyOf(tag: string, text: string): string {
    return `${tag}\u0000${text}`;
  }
  run(key: string): readonly UnitOutcome[] | undefined {
    return this.runs.get(key);
  }
  /** Keeps the outcomes of a parse, as the service's cache does. */
  remember(parsed: IncrementalSnapshot<UnitOutcome>): void {
    const outcomes = parsed.units.map((entry) => ({
      objects:
        entry.fresh === null
          ? entry.cached.objects
          : entry.fresh.map((resource) => unitObjectOf(resource, entry.unit)),
      newlines: entry.newlines,
    }));
    for (const run of parsed.runs) {
      this.runs.set(run.key, outcomes.slice(run.first, run.end));
    }
  }
}

function incremental(files: SourceFile[], memo: TestMemo, options = OPTIONS) {
  const result = parseSnapshotIncrementally(files, options, memo);
  if (!result.ok) {
    throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  }
  return result.value;
}

/** Every object with its absolute place, whether it came from the memo or was parsed now. */
function placed(parsed: IncrementalSnapshot<UnitOutcome>) {
  return parsed.units.flatMap((entry) => {
    const objects: readonly UnitObject[] =
      entry.fresh === null
        ? entry.cached.objects
        : entry.fresh.map((resource) => unitObjectOf(resource, entry.unit));
    return objects.map((o) => ({
      id: o.id,
      apiVersion: o.apiVersion,
      known: o.known,
      file: entry.unit.file.name,
      document: entry.unit.startDocument + o.documentOffset,
      line: entry.unit.startLine + o.lineOffset,
    }));
  });
}

function fullPlaced(files: SourceFile[], options = OPTIONS) {
  const full = parseSnapshot(files, options);
  if (!full.ok) {
    throw new Error('full parse failed');
  }
  const objects = full.value.resources.map((r) => ({
    id: `${r.key.group === '' ? 'core' : r.key.group}/${r.key.kind}/${r.key.namespace}/${r.key.name}`,
    apiVersion: r.apiVersion,
    known: r.known,
    file: r.source?.file,
    document: r.source?.document,
    line: r.source?.line,
  }));
  return { objects, warnings: full.value.warnings, resources: full.value.resources };
}

const mesh = generateSyntheticMesh({ size: 'S', seed: 3 });
const FILES = syntheticMeshFiles(mesh.resources);
const MUTATED = syntheticMeshFiles(mutateMesh(mesh.resources, 10, 5).resources);

describe('parseSnapshotIncrementally', () => {
  it('with an empty memo parses every unit and yields exactly the full parse', () => {
    const parsed = incremental(FILES, new TestMemo());
    expect(parsed.units.every((u) => u.fresh !== null)).toBe(true);
    const full = fullPlaced(FILES);
    expect(parsed.units.flatMap((u) => u.fresh ?? [])).toEqual(full.resources);
    expect(parsed.warnings).toEqual(full.warnings);
    expect(parsed.objectCount).toBe(full.resources.length);
  });

  it('reuses unchanged documents and re-parses only the changed ones', () => {
    const memo = new TestMemo();
    memo.remember(incremental(FILES, memo));
    const again = incremental(MUTATED, memo);
    // Ten changed documents: their runs (about 8 documents each) are parsed again, no more.
    const fresh = again.units.filter((u) => u.fresh !== null);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).toBeLessThan(again.units.length / 3);
    expect(placed(again)).toEqual(fullPlaced(MUTATED).objects);
  });

  it('places cached documents where they are now when earlier documents grow', () => {
    const memo = new TestMemo();
    const first = FILES.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    memo.remember(incremental([first], memo));
    // Comment lines before the first `---` belong to the first document: its run is re-parsed.
    const grown = { ...first, text: first.text.replace('\n---\n', '\n# a note\n# another\n---\n') };
    const again = incremental([grown], memo);
    expect(again.units[0]?.fresh).not.toBeNull();
    expect(again.units.filter((u) => u.fresh === null).length).toBeGreaterThan(
      again.units.length / 2,
    );
    expect(placed(again)).toEqual(fullPlaced([grown]).objects);
  });

  it('re-parses every document when the default namespace changes', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n';
    const memo = new TestMemo();
    memo.remember(incremental([{ name: 'a.yaml', text }], memo));
    // The service keys its memo by the options: a new namespace means an empty memo.
    const other = incremental([{ name: 'a.yaml', text }], new TestMemo(), {
      defaultNamespace: 'prod',
    });
    expect(other.units[0]?.fresh?.[0]?.key.namespace).toBe('prod');
  });

  it('reports a duplicate across cached and fresh documents exactly as the full parse does', () => {
    const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;
    const memo = new TestMemo();
    memo.remember(incremental([{ name: 'a.yaml', text: `${svc('a')}---\n${svc('b')}` }], memo));
    const files = [{ name: 'a.yaml', text: `${svc('a')}---\n${svc('b')}---\n${svc('a')}` }];
    const result = parseSnapshotIncrementally(files, OPTIONS, memo);
    const full = parseSnapshot(files, OPTIONS);
    expect(result.ok).toBe(false);
    expect(full.ok).toBe(false);
    expect(!result.ok && result.error).toEqual(!full.ok && full.error);
    expect(!result.ok && result.error.code).toBe('MESH0004');
  });

  it('parses a flow-style document of a YAML file as YAML, not as JSON', () => {
    const files = [
      { name: 'a.yaml', text: 'a: 1\n---\n{apiVersion: v1, kind: Service, metadata: {name: x}}\n' },
    ];
    const result = parseSnapshotIncrementally(files, OPTIONS, new TestMemo());
    const full = parseSnapshot(files, OPTIONS);
    expect(result.ok).toBe(full.ok);
    expect(!result.ok && result.error).toEqual(!full.ok && full.error);
  });

  it('treats a JSON file as one unit and reuses it whole', () => {
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [1, 2].map((n) => ({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `s${n}` },
      })),
    });
    const memo = new TestMemo();
    const first = incremental([{ name: 'list.json', text: json }], memo);
    expect(first.units).toHaveLength(1);
    memo.remember(first);
    const again = incremental([{ name: 'list.json', text: json }], memo);
    expect(again.units[0]?.fresh).toBeNull();
    expect(placed(again)).toEqual(fullPlaced([{ name: 'list.json', text: json }]).objects);
  });
});
