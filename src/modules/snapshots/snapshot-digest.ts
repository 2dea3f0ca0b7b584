import { createHash, randomBytes } from 'node:crypto';

/** Any character at or below the space: an id holding one may sort differently from its line. */
const NOT_PLAIN = /[^\u0021-\uffff]/;

export interface DigestInput {
  readonly id: string;
  readonly hash: string;
}

/** A snapshot's digest lines in order, kept to patch the next digest. Ids are all plain. */
export interface DigestState {
  readonly sortedIds: readonly string[];
  readonly lines: readonly string[];
  /** Index of each id in sortedIds and lines. */
  readonly positions: ReadonlyMap<string, number>;
  /** The lines joined, as the UTF-8 bytes the digest hashes (never modified: patches copy it). */
  readonly bytes: Buffer;
  /** Byte offset of each line in `bytes`, and the total length last. */
  readonly starts: Uint32Array;
}

export interface OrderedDigest {
  readonly digest: string;
  /** For the next digest; null when an id is not plain. */
  readonly state: DigestState | null;
}

function sha256Lines(lines: readonly string[]): string {
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** The bytes hashed for `lines` (as `update(lines.join(''))` encodes them) and where each starts. */
function encodeLines(lines: readonly string[]): { bytes: Buffer; starts: Uint32Array } {
  const bytes = Buffer.from(lines.join(''), 'utf8');
  const starts = new Uint32Array(lines.length + 1);
  let at = 0;
  for (let index = 0; index < lines.length; index += 1) {
    starts[index] = at;
    at += Buffer.byteLength(lines[index] ?? '', 'utf8');
  }
  starts[lines.length] = at;
  return { bytes, starts };
}

function stateOf(sortedIds: readonly string[], hashes: ReadonlyMap<string, string>): DigestState {
  const lines = new Array<string>(sortedIds.length);
  const positions = new Map<string, number>();
  for (let index = 0; index < sortedIds.length; index += 1) {
    const id = sortedIds[index] ?? '';
    lines[index] = `${id} ${hashes.get(id) ?? ''}\n`;
    positions.set(id, index);
  }
  return { sortedIds, lines, positions, ...encodeLines(lines) };
}

/** Merges two ascending lists of distinct ids. */
function merge(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? '';
    const y = b[j] ?? '';
    if (x < y) {
      out[k] = x;
      i += 1;
    } else {
      out[k] = y;
      j += 1;
    }
    k += 1;
  }
  while (i < a.length) {
    out[k++] = a[i++] ?? '';
  }
  while (j < b.length) {
    out[k++] = b[j++] ?? '';
  }
  return out;
}

function wholeLineDigest(objects: readonly DigestInput[]): OrderedDigest {
  const lines = objects.map((o) => `${o.id} ${o.hash}\n`).sort();
  return { digest: sha256Lines(lines), state: null };
}

/** The ids in ascending order, reusing the previous snapshot's order for the ids it had. */
function sortWithHint(
  objects: readonly DigestInput[],
  hashes: ReadonlyMap<string, string>,
  hint: readonly string[],
): string[] | null {
  const kept = hint.filter((id) => hashes.has(id));
  if (kept.length === objects.length) {
    return kept; // the same ids: all plain, as the hint holds plain ids only
  }
  const old = new Set(kept);
  const added = objects.filter((o) => !old.has(o.id)).map((o) => o.id);
  return added.some((id) => NOT_PLAIN.test(id)) ? null : merge(kept, added.sort());
}

/**
 * The same digest as content-hash.ts `snapshotDigest` (sha256 over the sorted `id hash` lines),
 * computed faster: with no id holding a character at or below the space, the lines sort as their
 * ids do (the hash after the space never decides), so the previous snapshot's id order can be
 * reused and only new ids sorted and merged in; the lines are hashed in one update.
 */
export function orderedSnapshotDigest(
  objects: readonly DigestInput[],
  previous: DigestState | null,
): OrderedDigest {
  const hashes = new Map<string, string>();
  for (const object of objects) {
    hashes.set(object.id, object.hash);
  }
  const sortedIds =
    previous !== null
      ? sortWithHint(objects, hashes, previous.sortedIds)
      : objects.some((o) => NOT_PLAIN.test(o.id))
        ? null
        : objects.map((o) => o.id).sort();
  if (sortedIds === null) {
    return wholeLineDigest(objects);
  }
  const state = stateOf(sortedIds, hashes);
  return { digest: createHash('sha256').update(state.bytes).digest('hex'), state };
}

/**
 * The digest of a snapshot that has exactly the previous snapshot's ids: `unchanged` objects known
 * to be as before (from cached parse units) plus `fresh` ones whose lines are patched in place.
 * O(changes) but for the final hash, which runs over a copy of the previous bytes with the changed
 * lines overwritten (a line keeps its length when its hash does, as sha256 hex ones do; otherwise
 * the bytes are encoded again). Null when an id is new or one is gone (use orderedSnapshotDigest
 * then).
 */
export function patchedSnapshotDigest(
  previous: DigestState,
  unchanged: number,
  fresh: readonly DigestInput[],
): OrderedDigest | null {
  if (unchanged + fresh.length !== previous.lines.length) {
    return null;
  }
  const lines = previous.lines.slice();
  const bytes = Buffer.from(previous.bytes);
  let inPlace = true;
  for (const object of fresh) {
    const at = previous.positions.get(object.id);
    if (at === undefined) {
      return null;
    }
    const line = `${object.id} ${object.hash}\n`;
    lines[at] = line;
    const start = previous.starts[at] ?? 0;
    const length = (previous.starts[at + 1] ?? 0) - start;
    inPlace &&= Buffer.byteLength(line, 'utf8') === length;
    if (inPlace) {
      bytes.write(line, start, length, 'utf8');
    }
  }
  const encoded = inPlace ? { bytes, starts: previous.starts } : encodeLines(lines);
  const state = { sortedIds: previous.sortedIds, lines, positions: previous.positions, ...encoded };
  return { digest: createHash('sha256').update(encoded.bytes).digest('hex'), state };
}

const UNIT_KEY_SALT = randomBytes(16);
const NON_LATIN1 = /[\u0100-\uffff]/;

/**
 * Cache key of a parse unit's text: sha256 keyed with a random per-process salt, so keys cannot
 * be matched against guessed texts outside the process nor collided on purpose. One-byte text is
 * hashed as latin1 (exact, and faster than UTF-8); other text as UTF-16 (exact even for lone
 * surrogates, which UTF-8 would replace).
 */
export function unitKey(tag: string, text: string): string {
  const wide = NON_LATIN1.test(text);
  return createHash('sha256')
    .update(UNIT_KEY_SALT)
    .update(wide ? `${tag}w` : `${tag}n`)
    .update(text, wide ? 'utf16le' : 'latin1')
    .digest('base64');
}
