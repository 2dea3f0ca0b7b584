import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

export interface TwoTestApps {
  readonly one: TestApp;
  readonly two: TestApp;
  readonly sql: postgres.Sql;
}

/**
 * Two instances of the app on the run's one database, each with its own in-process ingest cache:
 * two replicas, or (for `two`) a process whose cache is empty, as after a restart. `sql` reads the
 * database directly. Registers the calling file's beforeAll (start) and afterAll (stop), so the
 * fields are set once beforeAll has run: read them inside tests and hooks only.
 */
export function useTwoTestApps(): TwoTestApps {
  let one: TestApp;
  let two: TestApp;
  let sql: postgres.Sql;

  beforeAll(async () => {
    one = await startTestApp();
    two = await startTestApp();
    sql = postgres(one.databaseUrl, { max: 2, onnotice: () => undefined });
  });

  afterAll(async () => {
    await sql.end();
    await one.close();
    await two.close();
  });

  return {
    get one() {
      return one;
    },
    get two() {
      return two;
    },
    get sql() {
      return sql;
    },
  };
}
