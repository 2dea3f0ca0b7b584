import request from 'supertest';
import type { TestApp } from '../setup/test-app.js';

/** POSTs a YAML snapshot to `env` through `app`'s REST API; `query` is appended as is (`?...`). */
export function ingest(app: TestApp, env: string, yaml: string, query = '') {
  return request(app.server)
    .post(`/api/v1/environments/${env}/versions${query}`)
    .set('content-type', 'application/yaml')
    .send(yaml);
}
