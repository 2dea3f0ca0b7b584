import { CONFIG_MESSAGES } from './catalog-config.js';
import { CONFLICT_MESSAGES } from './catalog-conflicts.js';
import { DEPRECATION_MESSAGES } from './catalog-deprecations.js';
import { ISTIO_MORE_CONFLICT_MESSAGES, ISTIO_MORE_MESSAGES } from './catalog-istio-more.js';
import { REFERENCE_MESSAGES } from './catalog-references.js';
import { PLATFORM_MESSAGES } from './catalog-platform.js';
import { SECURITY_MESSAGES } from './catalog-security.js';
import { KIALI_MORE_CONFLICT_MESSAGES, KIALI_MORE_MESSAGES } from './catalog-kiali-more.js';
import type { MessageSpec } from './message-spec.js';

/**
 * The message catalog (STYLE §5): message name → stable MESH code, level, title, docs, template,
 * and the matching `istioctl analyze` / Kiali code. Families: 1xxx references (11xx routing objects,
 * 12xx platform objects), 2xxx conflicts (21xx) and ineffective settings (22xx), 3xxx security and
 * mTLS, 4xxx deprecations. Codes are kept in order
 * and never reused or renumbered; 0xxx belongs to the parse stage (parse/input-codes.ts).
 */
export const CATALOG = {
  ...REFERENCE_MESSAGES,
  ...PLATFORM_MESSAGES,
  ...CONFLICT_MESSAGES,
  ...ISTIO_MORE_CONFLICT_MESSAGES,
  ...KIALI_MORE_CONFLICT_MESSAGES,
  ...CONFIG_MESSAGES,
  ...SECURITY_MESSAGES,
  ...DEPRECATION_MESSAGES,
  ...ISTIO_MORE_MESSAGES,
  ...KIALI_MORE_MESSAGES,
} as const;

export type Catalog = typeof CATALOG;
export type MessageName = keyof Catalog;
export type MessageParams<N extends MessageName> =
  Parameters<Catalog[N]['template']> extends [infer P] ? P : Record<string, never>;

/** Every entry, in code order. */
export function catalogEntries(): readonly (readonly [MessageName, MessageSpec<never>])[] {
  return (Object.keys(CATALOG) as MessageName[])
    .map((name) => [name, CATALOG[name] as MessageSpec<never>] as const)
    .sort((a, b) => (a[1].code < b[1].code ? -1 : a[1].code > b[1].code ? 1 : 0));
}

/** Renders one message; the cast is safe because `name` and `params` come from the same N. */
export function renderMessage<N extends MessageName>(name: N, params: MessageParams<N>): string {
  const template = CATALOG[name].template as (p: MessageParams<N>) => string;
  return template(params);
}
