import { isJsonObject, type JsonValue } from '../model/json.js';

function percentOf(block: JsonValue | undefined): number | null {
  if (!isJsonObject(block)) {
    return null;
  }
  const percentage = block['percentage'];
  const value = isJsonObject(percentage) ? percentage['value'] : undefined;
  if (typeof value === 'number') {
    return value;
  }
  // Deprecated integer `percent` (delay only, API virtual_service.proto).
  return typeof block['percent'] === 'number' ? block['percent'] : null;
}

/**
 * A fault whose abort applies to 100 % of requests: nothing reaches the destinations (SEMANTICS §0).
 * API virtual_service.proto `HTTPFaultInjection.Abort.percentage`: "If not specified, no requests
 * will be aborted" — hence an abort without percentage aborts nothing.
 */
export function abortsEveryRequest(fault: JsonValue | null): boolean {
  const abort = isJsonObject(fault) ? fault['abort'] : undefined;
  const percent = percentOf(abort);
  return percent !== null && percent >= 100;
}

/** Human notes for faults that do not abort every request. */
export function faultNotes(fault: JsonValue | null): string[] {
  if (!isJsonObject(fault)) {
    return [];
  }
  const notes: string[] = [];
  const abort = fault['abort'];
  const abortPercent = percentOf(abort);
  if (isJsonObject(abort) && (abortPercent === null || abortPercent < 100)) {
    notes.push(
      abortPercent === null
        ? 'fault.abort has no percentage: no request is aborted (API virtual_service.proto)'
        : `fault.abort aborts ${String(abortPercent)}% of requests; the others are routed`,
    );
  }
  const delay = fault['delay'];
  if (isJsonObject(delay)) {
    const delayPercent = percentOf(delay);
    const fixed = typeof delay['fixedDelay'] === 'string' ? delay['fixedDelay'] : 'a delay';
    notes.push(
      delayPercent === null
        ? 'fault.delay has no percentage: no request is delayed (API virtual_service.proto)'
        : `fault.delay adds ${fixed} to ${String(delayPercent)}% of requests`,
    );
  }
  return notes;
}
