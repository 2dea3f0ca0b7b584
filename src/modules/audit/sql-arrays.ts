import type postgres from 'postgres';

/**
 * Array parameters with explicit PostgreSQL type OIDs. Without one, postgres.js infers the array
 * type from types it fetches on its first query, so an array bound in the very first query of a
 * fresh client is sent as `2,6,7` ("malformed array literal").
 */
const INT4_ARRAY_OID = 1007;
const TEXT_ARRAY_OID = 1009;

export function intArray(
  sql: Pick<postgres.Sql, 'array'>,
  values: readonly number[],
): postgres.Parameter {
  return sql.array([...values], INT4_ARRAY_OID);
}

export function textArray(
  sql: Pick<postgres.Sql, 'array'>,
  values: readonly string[],
): postgres.Parameter {
  return sql.array([...values], TEXT_ARRAY_OID);
}
