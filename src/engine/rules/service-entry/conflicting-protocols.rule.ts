import { compareStrings, uniqueSorted } from '../../graph/util/compare.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import { numberAt, objectsAt, stringAt, stringsAt } from '../shared/json.js';
import { fieldPath, fullName, specOf } from '../shared/resource-fields.js';

const ALL = '*';

interface Entry {
  readonly resource: Resource;
  readonly protocol: string;
  readonly portIndex: number;
}

/** `exportToScopes`: `*` when exported everywhere (or no exportTo), else the named namespaces. */
function scopesOf(resource: Resource): string[] {
  const exportTo = stringsAt(specOf(resource), 'exportTo');
  if (exportTo.length === 0 || exportTo.includes(ALL)) {
    return [ALL];
  }
  return uniqueSorted(exportTo.map((e) => (e === '.' ? resource.key.namespace : e)));
}

interface Slot {
  readonly scope: string;
  readonly host: string;
  readonly port: number;
  readonly entries: Entry[];
}

const slotKey = (scope: string, host: string, port: number): string =>
  `${scope}\u0000${host}\u0000${port}`;

/** (scope, host, port) → the ServiceEntry ports declaring it. */
function indexEntries(entries: readonly Resource[]): Map<string, Slot> {
  const index = new Map<string, Slot>();
  for (const resource of entries) {
    const spec = specOf(resource);
    const ports = objectsAt(spec, 'ports');
    for (const scope of scopesOf(resource)) {
      for (const host of stringsAt(spec, 'hosts')) {
        ports.forEach((port, portIndex) => {
          const number = numberAt(port, 'number') ?? 0;
          const key = slotKey(scope, host, number);
          const slot = index.get(key) ?? { scope, host, port: number, entries: [] };
          slot.entries.push({
            resource,
            portIndex,
            protocol: (stringAt(port, 'protocol') ?? '').toUpperCase(),
          });
          index.set(key, slot);
        });
      }
    }
  }
  return index;
}

const EMPTY: Slot = { scope: ALL, host: '', port: 0, entries: [] };

/**
 * ServiceEntries visible in one namespace (their `exportTo` scope, plus those exported to every
 * namespace) must not declare one host and port with different protocols
 * (`ConflictingServiceEntryProtocolAnalyzer`, istio/istio:pkg/config/analysis/analyzers/
 * serviceentry/conflictingserviceentries.go). Hosts compare literally, as Istio does. Each
 * ServiceEntry is reported once; keys are visited in sorted order so the reported conflict is
 * the same on every run (Istio walks a Go map).
 */
export const conflictingProtocolsRule: Rule = {
  id: 'service-entry/conflicting-protocols',
  description:
    'Flags ServiceEntries that declare the same host and port as another visible ServiceEntry with a different protocol.',
  inputs: ['ServiceEntry'],
  messages: ['conflictingServiceEntryProtocol'],
  check(ctx) {
    const index = indexEntries(ctx.ofKind('ServiceEntry'));
    const reported = new Set<Resource>();
    for (const key of [...index.keys()].sort(compareStrings)) {
      const { scope, host, port, entries: own } = index.get(key) ?? EMPTY;
      const entries = [...own];
      if (scope !== ALL) {
        entries.push(...(index.get(slotKey(ALL, host, port))?.entries ?? []));
      }
      const protocols = uniqueSorted(entries.map((e) => e.protocol));
      if (protocols.length < 2) {
        continue;
      }
      const serviceEntries = uniqueSorted(entries.map((e) => fullName(e.resource)));
      for (const entry of entries) {
        if (!reported.has(entry.resource)) {
          reported.add(entry.resource);
          const path = fieldPath('spec', 'ports', entry.portIndex);
          ctx.report('conflictingServiceEntryProtocol', entry.resource, path, {
            serviceEntries,
            host,
            port,
            protocols,
          });
        }
      }
    }
  },
};
