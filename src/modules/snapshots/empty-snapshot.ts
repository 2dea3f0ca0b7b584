import {
  err,
  INPUT_CODES,
  type InputError,
  type Result,
  type SourceFile,
} from '../../engine/index.js';

/**
 * MESH0008: a snapshot with no object. Stored, it would be a version that removes every object of
 * the environment; a GitOps render step that produced nothing (or only comments) would wipe it.
 * An empty request body is refused already ("the request holds no documents"); an empty or
 * comment-only file is refused here, unless the caller asks for an empty version (`allowEmpty`).
 */
export function refuseEmpty<T extends { readonly objectCount: number }>(
  parsed: Result<T, InputError>,
  request: { readonly files: readonly SourceFile[]; readonly allowEmpty?: boolean },
): Result<T, InputError> {
  if (!parsed.ok || parsed.value.objectCount > 0 || request.allowEmpty === true) {
    return parsed;
  }
  const names = request.files.map((file) => file.name);
  return err({
    code: INPUT_CODES.emptySnapshot.code,
    file: names[0] ?? '',
    document: null,
    line: null,
    column: null,
    path: '',
    message: `the snapshot holds no object (${names.length === 1 ? 'its file has' : `its ${String(names.length)} files have`} only empty or comment-only documents): as a new version it would remove every object; set allowEmpty to store it`,
  });
}
