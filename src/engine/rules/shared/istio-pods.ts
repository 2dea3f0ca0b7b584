import type { Resource } from '../../model/resource.js';
import { stringAt } from './json.js';
import { metadataOf, specOf } from './resource-fields.js';

/**
 * True for a Pod read from a cluster, which went through admission (and so through the sidecar
 * injection webhook): it carries a `creationTimestamp` or is scheduled (`spec.nodeName`). A Pod
 * manifest that was never applied has neither, and is what the webhook will receive.
 */
export function wasAdmitted(pod: Resource): boolean {
  const stamp = metadataOf(pod)?.['creationTimestamp'];
  return typeof stamp === 'string' || stringAt(specOf(pod), 'nodeName') !== null;
}
