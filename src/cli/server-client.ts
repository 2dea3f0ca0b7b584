import type { SourceFile } from '../engine/index.js';

export interface ServerResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly body: unknown;
}

/** POSTs files as multipart to the ingest endpoint (Node's built-in fetch and FormData). */
export async function postSnapshot(
  server: string,
  environment: string,
  files: readonly SourceFile[],
  metadata: Readonly<Record<string, string | undefined>>,
): Promise<ServerResponse> {
  const form = new FormData();
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== undefined) {
      form.append(key, value);
    }
  }
  for (const file of files) {
    form.append('files', new Blob([file.text], { type: 'application/yaml' }), file.name);
  }
  const url = new URL(`/api/v1/environments/${encodeURIComponent(environment)}/versions`, server);
  const response = await fetch(url, { method: 'POST', body: form, headers: authHeaders() });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: keep the text
  }
  return { ok: response.ok, status: response.status, body };
}

function authHeaders(): Record<string, string> {
  const token = process.env['MESHLENS_TOKEN'];
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}
