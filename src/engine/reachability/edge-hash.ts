import type { ReachEdge } from './reachability-types.js';

function hashText(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

/** A 32-bit FNV-1a digest of an edge's content (lists are compared by combining these). */
export function hashEdge(edge: ReachEdge): number {
  const text = `${edge.to}\u0000${edge.host}\u0000${String(edge.port)}\u0000${edge.route}\u0000${edge.subset ?? ''}`;
  return (hashText(text, 0x811c9dc5) ^ Math.imul(hashText(text, 0x12345678), 7)) >>> 0;
}
