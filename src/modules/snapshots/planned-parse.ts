import {
  err,
  type IncrementalSnapshot,
  type InputError,
  type ParsedUnit,
  type ParseOptions,
  type Result,
  type SourceFile,
  type UnitOutcome,
  finishIncrementalParse,
  fullParseError,
  type IncrementalPlan,
  parsePlannedUnit,
} from '../../engine/index.js';

/** Fresh units parsed between two looks at whether the event loop should run. */
const UNITS_PER_SLICE = 8;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The plan's units parsed in order (parseSnapshotIncrementally's loop, on a plan made before). */
export function parsePlan<T extends UnitOutcome>(
  files: readonly SourceFile[],
  options: ParseOptions,
  plan: IncrementalPlan<T>,
): Result<IncrementalSnapshot<T>, InputError> {
  const parsed: ParsedUnit<T>[] = [];
  for (let index = 0; index < plan.units.length; index += 1) {
    const entry = parsePlannedUnit(plan, index, options);
    if (entry === null) {
      return err(fullParseError(files, options));
    }
    parsed.push(entry);
  }
  return finishIncrementalParse(files, options, plan, parsed);
}

/**
 * parsePlan, handing each freshly parsed unit to `onFresh` as it goes, and letting the event loop
 * run every few units while `busy()` (I/O started by `onFresh`, such as a COPY, then progresses
 * while the parse goes on). Same outcome and errors as parsePlan.
 */
export async function parsePlanInSlices<T extends UnitOutcome>(
  files: readonly SourceFile[],
  options: ParseOptions,
  plan: IncrementalPlan<T>,
  onFresh: (index: number, entry: ParsedUnit<T>) => void,
  busy: () => boolean,
): Promise<Result<IncrementalSnapshot<T>, InputError>> {
  const parsed: ParsedUnit<T>[] = [];
  let sinceTurn = 0;
  for (let index = 0; index < plan.units.length; index += 1) {
    const entry = parsePlannedUnit(plan, index, options);
    if (entry === null) {
      return err(fullParseError(files, options));
    }
    parsed.push(entry);
    if (entry.fresh !== null) {
      onFresh(index, entry);
      sinceTurn += 1;
    }
    if (sinceTurn >= UNITS_PER_SLICE && busy()) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  return finishIncrementalParse(files, options, plan, parsed);
}
