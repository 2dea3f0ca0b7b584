import type postgres from 'postgres';
import { parseSnapshot } from '../../src/engine/index.js';
import { snapshotDigest, toObjectsToStore } from '../../src/modules/snapshots/content-hash.js';

/** A version's rows as `<object id> <hash> <apiVersion> <known>` lines, sorted, and its digest. */
export interface StoredVersion {
  readonly digest: string | undefined;
  readonly rows: string[];
}

/** What a full parse of this text (everything parsed, everything hashed) would store. */
export function referenceRows(yaml: string, namespace = 'default'): StoredVersion {
  const parsed = parseSnapshot([{ name: 'request.yaml', text: yaml }], {
    defaultNamespace: namespace,
  });
  if (!parsed.ok) {
    throw new Error(parsed.error.message);
  }
  const objects = toObjectsToStore(parsed.value.resources);
  const rows = objects.map((o) => `${o.id} ${o.hash} ${o.apiVersion} ${String(o.known)}`).sort();
  return { digest: snapshotDigest(objects), rows };
}

/** The rows version `version` of `env` sees, and its digest, as stored. */
export async function storedRows(
  sql: postgres.Sql,
  env: string,
  version: number,
): Promise<StoredVersion> {
  const rows = await sql<{ line: string }[]>`
    SELECT r.object_id || ' ' || r.hash || ' ' || r.api_version || ' ' || r.known AS line
    FROM resource_revision r JOIN environment e ON e.id = r.environment_id
    WHERE e.name = ${env} AND r.valid_from <= ${version} AND (r.valid_to IS NULL OR r.valid_to > ${version})`;
  const [row] = await sql<{ digest: string }[]>`
    SELECT v.digest FROM version v JOIN environment e ON e.id = v.environment_id
    WHERE e.name = ${env} AND v.number = ${version}`;
  return { digest: row?.digest, rows: rows.map((r) => r.line).sort() };
}
