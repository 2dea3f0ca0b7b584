import type { JsonObject } from '../model/json.js';

/** The analysis settings rules may read (`ctx.options`), with defaults applied. */
export interface ResolvedAnalyzeOptions {
  /** Mesh config (`MeshConfig` as JSON) given explicitly, else the one read from the snapshot. */
  readonly meshConfig: JsonObject;
  /** The namespace of the Istio control plane (`istio-system`). */
  readonly istioNamespace: string;
}
