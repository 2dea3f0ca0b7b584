import {
  createImpactFieldLocator,
  parseSnapshot,
  type ImpactReport,
  type InputError,
  type Resource,
  type Result,
  type SourceFile,
} from '../../engine/index.js';
import { computeLocalImpact, type LocalImpactInput } from './compute-report.js';
import type { LocateObject } from './sarif.js';

export type ReportFailure =
  | { readonly kind: 'input'; readonly error: InputError }
  | { readonly kind: 'server'; readonly status: number; readonly body: unknown };

export type ReportOutcome =
  | { readonly ok: true; readonly report: ImpactReport; readonly locate: LocateObject }
  | { readonly ok: false; readonly failure: ReportFailure };

export interface LocalSource {
  readonly before: readonly SourceFile[];
  readonly after: readonly SourceFile[];
  readonly beforeLabel: string;
  readonly afterLabel: string;
  readonly namespace: string;
  readonly compute?: ((input: LocalImpactInput) => Promise<ImpactReport>) | undefined;
}

function locatorOf(resources: readonly Resource[]): LocateObject {
  const index = new Map<string, { file: string; line: number }>();
  for (const resource of resources) {
    if (resource.source !== undefined) {
      const { kind, namespace, name } = resource.key;
      index.set(`${kind}/${namespace}/${name}`, {
        file: resource.source.file,
        line: resource.source.line,
      });
    }
  }
  return (resource) => index.get(`${resource.kind}/${resource.namespace}/${resource.name}`);
}

type Parsed = Result<{ readonly resources: readonly Resource[] }, InputError>;

/** `--before` and `--after`: parse both snapshots and compute the report in-process. */
export async function reportFromFiles(source: LocalSource): Promise<ReportOutcome> {
  const parse = (files: readonly SourceFile[]): Parsed =>
    parseSnapshot(files, { defaultNamespace: source.namespace });
  const before = parse(source.before);
  if (!before.ok) {
    return { ok: false, failure: { kind: 'input', error: before.error } };
  }
  const after = parse(source.after);
  if (!after.ok) {
    return { ok: false, failure: { kind: 'input', error: after.error } };
  }
  const compute = source.compute ?? ((input: LocalImpactInput) => computeLocalImpact(input));
  const report = await compute({
    base: { resources: before.value.resources, ref: { source: source.beforeLabel } },
    target: { resources: after.value.resources, ref: { source: source.afterLabel } },
    locate: createImpactFieldLocator(
      { files: source.before },
      { files: source.after, resources: after.value.resources },
    ),
  });
  return { ok: true, report, locate: locatorOf(after.value.resources) };
}

export interface ServerSource {
  readonly server: string;
  readonly env: string;
  /** Base version; the server's latest when absent. */
  readonly base?: string | undefined;
  readonly namespace: string;
  readonly after: readonly SourceFile[];
  readonly token?: string | undefined;
  readonly fetch?: typeof fetch | undefined;
}

function isImpactReport(body: unknown): body is ImpactReport {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { schemaVersion?: unknown }).schemaVersion === 1
  );
}

/**
 * `--server --env`: `POST /api/v1/environments/{env}/impact?base=` with the manifests as for
 * ingest (multipart `files`, field `namespace`); the answer is the impact report (issue 4).
 */
export async function reportFromServer(source: ServerSource): Promise<ReportOutcome> {
  const form = new FormData();
  form.append('namespace', source.namespace);
  for (const file of source.after) {
    form.append('files', new Blob([file.text], { type: 'application/yaml' }), file.name);
  }
  const url = new URL(
    `/api/v1/environments/${encodeURIComponent(source.env)}/impact`,
    source.server,
  );
  if (source.base !== undefined) {
    url.searchParams.set('base', source.base);
  }
  const headers: Record<string, string> =
    source.token === undefined ? {} : { authorization: `Bearer ${source.token}` };
  const response = await (source.fetch ?? fetch)(url, { method: 'POST', body: form, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: reported as text
  }
  if (!response.ok || !isImpactReport(body)) {
    return { ok: false, failure: { kind: 'server', status: response.status, body } };
  }
  return { ok: true, report: body, locate: () => undefined };
}
