import { isCelError, parse, plan, type CelInput } from '@bufbuild/cel';
import type { PathSegment } from '../../diff/field-path.js';
import { calledFunctions } from './called-functions.js';
import { KUBERNETES_CEL_ENV } from './k8s-cel-library.js';

/** One entry of `x-kubernetes-validations`. */
export interface RuleSpec {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly fieldPath?: string;
  readonly reason?: string;
}

/** Why a rule failed: `detail` is the text after `Invalid value: "<type>": `. */
export interface RuleFailure {
  readonly detail: string;
  /** Evaluation errors are always `Invalid value` at the node itself (fieldPath and reason ignored). */
  readonly isEvaluationError: boolean;
}

export interface CompiledRule {
  readonly spec: RuleSpec;
  /** The rule's `fieldPath`, relative to the node the rule is attached to. */
  readonly fieldPath: readonly PathSegment[];
  /** Null when the rule holds for `self`. */
  check(self: unknown): RuleFailure | null;
}

type Program = ReturnType<typeof plan>;

export interface SkippedRule {
  readonly rule: string;
  readonly reason: string;
}

const skipped: SkippedRule[] = [];

/** Rules that could not be compiled (or are transition rules), for reports and tests. */
export function skippedRules(): readonly SkippedRule[] {
  return skipped;
}

/** Parses and plans an expression, refusing calls to functions our environment lacks. */
function compileExpression(source: string): Program {
  const parsed = parse(source);
  for (const name of calledFunctions(parsed.expr)) {
    if (KUBERNETES_CEL_ENV.funcs.find(name) === undefined) {
      throw new Error(`function ${name} is not in the meshlens CEL environment`);
    }
  }
  return plan(KUBERNETES_CEL_ENV, parsed);
}

function parseFieldPath(fieldPath: string | undefined): PathSegment[] {
  const path: PathSegment[] = [];
  for (const match of (fieldPath ?? '').matchAll(
    /\.([A-Za-z_$][\w$-]*)|\['([^']*)'\]|\[(\d+)\]/g,
  )) {
    path.push(match[1] ?? match[2] ?? Number(match[3]));
  }
  return path;
}

/** cel-go's wording where @bufbuild/cel's differs, so messages read as the API server's. */
function celGoWording(message: string): string {
  return message.replace(/^field not found: /, 'no such key: ');
}

function falseDetail(spec: RuleSpec, messageProgram: Program | null, self: CelInput): string {
  if (messageProgram !== null) {
    const message = messageProgram({ self });
    if (typeof message === 'string' && message.trim() !== '') {
      return message;
    }
  }
  return spec.message?.trim() ?? `failed rule: ${spec.rule.trim()}`;
}

/** Integer fields are CEL ints (bigint), as the API server's typed CEL values are. */
function toCelSelf(self: unknown, isInteger: boolean): CelInput {
  return isInteger && typeof self === 'number' && Number.isInteger(self)
    ? BigInt(self)
    : (self as CelInput);
}

function makeCheck(
  spec: RuleSpec,
  program: Program,
  messageProgram: Program | null,
  isInteger: boolean,
) {
  const ruleText = spec.message?.trim() ?? spec.rule.trim();
  return (self: unknown): RuleFailure | null => {
    const input = toCelSelf(self, isInteger);
    const result = program({ self: input });
    if (result === true) {
      return null;
    }
    if (isCelError(result)) {
      const detail = `${celGoWording(result.message)} evaluating rule: ${ruleText}`;
      return { detail, isEvaluationError: true };
    }
    if (result === false) {
      return { detail: falseDetail(spec, messageProgram, input), isEvaluationError: false };
    }
    return { detail: `rule did not evaluate to a bool: ${ruleText}`, isEvaluationError: true };
  };
}

/** Remembers outcomes for scalar `self` values: rules are pure, and ports or durations repeat. */
function memoised(
  check: (self: unknown) => RuleFailure | null,
): (self: unknown) => RuleFailure | null {
  const memo = new Map<unknown, RuleFailure | null>();
  return (self) => {
    if (typeof self === 'object' && self !== null) {
      return check(self);
    }
    const known = memo.get(self);
    if (known !== undefined) {
      return known;
    }
    const outcome = check(self);
    if (memo.size < 10_000) {
      memo.set(self, outcome);
    }
    return outcome;
  };
}

/** A messageExpression that does not compile is ignored: the API server then uses `message` too. */
function compileMessage(spec: RuleSpec): Program | null {
  if (spec.messageExpression === undefined) {
    return null;
  }
  try {
    return compileExpression(spec.messageExpression);
  } catch {
    return null;
  }
}

/**
 * Compiles one `x-kubernetes-validations` rule once. Transition rules (using `oldSelf`) only apply
 * to updates and are skipped; a rule that does not compile is recorded and skipped, never fatal.
 */
export function compileRule(spec: RuleSpec, isInteger: boolean): CompiledRule | null {
  if (/\boldSelf\b/.test(spec.rule)) {
    skipped.push({ rule: spec.rule, reason: 'transition rule (oldSelf): only checked on update' });
    return null;
  }
  let program: Program;
  try {
    program = compileExpression(spec.rule);
  } catch (error: unknown) {
    skipped.push({
      rule: spec.rule,
      reason: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
  const check = memoised(makeCheck(spec, program, compileMessage(spec), isInteger));
  return { spec, fieldPath: parseFieldPath(spec.fieldPath), check };
}
