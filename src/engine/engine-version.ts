/**
 * Bumped whenever the engine's output for the same input may change; cached reports and findings
 * are keyed by it, so a new engine never serves a stale answer.
 */
export const ENGINE_VERSION = '0.1.0';
